"""Cached and uncached article throughput, through nginx and through the app alone (run by hand).

    .venv/bin/python bench/serve_bench.py            # ours only, ~2 minutes
    BASELINES=1 .venv/bin/python bench/serve_bench.py # then WordPress, bare Wagtail and static nginx
                                                       # (../shared/bench; set them up first with its
                                                       # setup-wordpress.sh and setup-wagtail.sh)

Loads the demo into a scratch MASTHEAD_HOME (SQLite), starts Granian with the
page cache (port 8791), Granian without it (8792) and nginx serving the page
cache in front of the first (8793), loads each with wrk (-t2 -c32, DURATION
seconds, ROUNDS rounds, medians reported; ``Accept-Encoding: gzip, br`` unless
ACCEPT_ENCODING says otherwise), and prints req/s, p99, errors, page
sizes, app worker memory after the load and the ratios the performance issue
sets. Stops only what it started.
"""

from __future__ import annotations

import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_BENCH = ROOT.parent / "shared" / "bench"
PYTHON = sys.executable
ROUNDS = int(os.environ.get("ROUNDS", "3"))
DURATION = int(os.environ.get("DURATION", "10"))
# What browsers send: pages come compressed (the store's .br/.gz files). ACCEPT_ENCODING= measures identity.
ACCEPT_ENCODING = os.environ.get("ACCEPT_ENCODING", "gzip, br")
PORTS = {"cached": 8791, "uncached": 8792, "nginx": 8793}


def sh(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def wrk(url: str) -> dict:
    lua = SHARED_BENCH / "wrk-report.lua"
    args = ["wrk", "-t2", "-c32", f"-d{DURATION}s", "--timeout", "10s", "--latency", "-H", "Host: localhost"]
    if ACCEPT_ENCODING:
        args += ["-H", f"Accept-Encoding: {ACCEPT_ENCODING}"]
    if lua.exists():
        args += ["-s", str(lua)]
    out = sh(*args, url).stdout
    match = re.search(r"BENCHJSON (\{.*\})", out)
    if match:
        return json.loads(match.group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return {
        "rps": rps,
        "lat_p99_ms": float("nan"),
        "err_status": 0,
        "err_connect": 0,
        "err_read": 0,
        "err_write": 0,
        "err_timeout": 0,
    }


def granian(env: dict, port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [
            PYTHON,
            "-m",
            "granian",
            "--interface",
            "wsgi",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "2",
            "--blocking-threads",
            "2",
            "--no-ws",
            "masthead.config.wsgi:application",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def worker_rss_mb(server: subprocess.Popen) -> list[float]:
    children = sh("ps", "-o", "pid=", "--ppid", str(server.pid)).stdout.split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return sizes


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="masthead-bench-"))
    home.chmod(0o755)  # nginx's workers (www-data, never root) read the page cache under it
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(MASTHEAD_HOME=str(home), MASTHEAD_DEMO="1")
    sh(PYTHON, "-m", "masthead.cli", "demo", "--no-serve", env=env, cwd=ROOT)
    article = (
        sh(
            PYTHON,
            "-m",
            "masthead.cli",
            "manage",
            "shell",
            "-c",
            "from masthead.news.models import ArticlePage as A; print(A.objects.filter(agency__name='Interfax').order_by('-published_at').first().url)",
            env=env,
            cwd=ROOT,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    run_dir = home / "nginx"
    run_dir.mkdir()
    sh(
        PYTHON,
        "-m",
        "masthead.cli",
        "manage",
        "nginx_config",
        "--full",
        "--listen",
        f"127.0.0.1:{PORTS['nginx']}",
        "--upstream",
        f"127.0.0.1:{PORTS['cached']}",
        "--run-dir",
        str(run_dir),
        "--output",
        str(run_dir / "nginx.conf"),
        env=env,
        cwd=ROOT,
    )

    servers = [granian(env, PORTS["cached"]), granian({**env, "PAGECACHE": "0"}, PORTS["uncached"])]
    nginx = subprocess.Popen(
        ["nginx", "-c", str(run_dir / "nginx.conf"), "-p", str(run_dir), "-g", "daemon off;"], start_new_session=True
    )
    try:
        urls = {
            "cached article, nginx": f"http://127.0.0.1:{PORTS['nginx']}{article}",
            "cached article, app alone": f"http://127.0.0.1:{PORTS['cached']}{article}",
            "uncached article": f"http://127.0.0.1:{PORTS['uncached']}{article}",
        }
        for url in urls.values():
            wait_for(url)
            urllib.request.urlopen(url).read()
        sizes = {
            "article": len(urllib.request.urlopen(urls["uncached article"]).read()),
            "lite": len(urllib.request.urlopen(urls["uncached article"] + "?lite=1").read()),
        }
        results: dict[str, list[dict]] = {name: [] for name in urls}
        for _ in range(ROUNDS):
            for name, url in urls.items():
                results[name].append(wrk(url))
        memory = {"cached": worker_rss_mb(servers[0]), "uncached": worker_rss_mb(servers[1])}
    finally:
        for process in [*servers, nginx]:
            os.killpg(process.pid, signal.SIGTERM)
        for process in [*servers, nginx]:
            process.wait(timeout=20)

    print(
        f"\nMasthead, {ROUNDS} rounds x {DURATION}s, wrk -t2 -c32, Accept-Encoding: {ACCEPT_ENCODING or '-'}, article {article}"
    )
    print(f"{'scenario':<28} {'req/s (median)':>15} {'p99 ms':>8} {'errors':>7}")
    medians = {}
    for name, runs in results.items():
        medians[name] = statistics.median(r["rps"] for r in runs)
        p99 = statistics.median(r["lat_p99_ms"] for r in runs)
        errors = sum(r[k] for r in runs for k in ("err_status", "err_connect", "err_read", "err_write", "err_timeout"))
        print(f"{name:<28} {medians[name]:>15,.0f} {p99:>8.2f} {errors:>7}")
    print(f"\npage sizes: article {sizes['article']:,} B, lite {sizes['lite']:,} B")
    print(f"app worker RSS after load (MB): cached {memory['cached']}, uncached {memory['uncached']}")
    print(f"cached via app / uncached: {medians['cached article, app alone'] / medians['uncached article']:.0f}x")

    if os.environ.get("BASELINES") == "1":
        baselines(medians)
    return 0


def baselines(ours: dict) -> None:
    env = dict(
        os.environ,
        ROUNDS=str(ROUNDS),
        DURATION=str(DURATION),
        ONLY="d-static a-wp-article a-wt-article c-wp-article-cache c-wt-article-cache",
    )
    run = subprocess.run([str(SHARED_BENCH / "run-baselines.sh")], env=env, capture_output=True, text=True)
    match = re.findall(r"results/[\w.-]+", run.stdout + run.stderr)
    work = Path(os.environ.get("BENCH_WORK", "/tmp/masthead-baselines"))
    summaries = sorted((work / "results").glob("*/summary.json"), key=lambda p: p.stat().st_mtime)
    if run.returncode != 0 or not summaries:
        print("baselines failed:", run.stderr[-2000:], match)
        return
    summary = json.loads(summaries[-1].read_text())
    base = {name: statistics.median(data["rps"]) for name, data in summary["scenarios"].items()}
    print(f"\nbaselines ({summaries[-1].parent.name}), req/s medians: " + ", ".join(f"{k} {v:,.0f}" for k, v in base.items()))
    checks = [
        ("cached via nginx / WordPress fastcgi_cache (>= 1.5)", ours["cached article, nginx"] / base["c-wp-article-cache"]),
        ("cached via nginx / nginx static (>= 0.7)", ours["cached article, nginx"] / base["d-static"]),
        ("cached via app / Wagtail per-site cache (>= 3)", ours["cached article, app alone"] / base["c-wt-article-cache"]),
        ("uncached / WordPress uncached (>= 4)", ours["uncached article"] / base["a-wp-article"]),
        ("uncached / bare Wagtail uncached (>= 1)", ours["uncached article"] / base["a-wt-article"]),
    ]
    for label, value in checks:
        print(f"  {label:<55} {value:.2f}")


if __name__ == "__main__":
    sys.exit(main())
