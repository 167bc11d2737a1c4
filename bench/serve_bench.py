"""Cached and uncached article throughput, through nginx and through the app alone (run by hand).

    .venv/bin/python bench/serve_bench.py            # ours only, ~2 minutes
    BASELINES=1 .venv/bin/python bench/serve_bench.py # then WordPress, bare Wagtail and static nginx
                                                       # (../shared/bench; set them up first with its
                                                       # setup-wordpress.sh and setup-wagtail.sh)

Loads the demo into a scratch MASTHEAD_HOME (SQLite), starts Granian with the
page cache (port 8791), Granian without it (8792) and nginx serving the page
cache in front of the first (8793), loads each with wrk (-t2 -c32, DURATION
seconds, ROUNDS rounds, medians reported; ``Accept-Encoding: gzip, br`` unless
ACCEPT_ENCODING says otherwise), and prints req/s, p99, errors, bytes per
response, page sizes, app worker memory after the load and the ratios the
performance issue sets. The same nginx (same build, same http block and
workers) also serves the article's stored ``index.html.br`` as a plain static
file with ``Content-Encoding: br`` (8794): the ceiling for the cached article
through nginx, target >= 0.9 of it. Stops only what it started.
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
PORTS = {"cached": 8791, "uncached": 8792, "nginx": 8793, "static_br": 8794}
ERROR_KEYS = ("err_status", "err_connect", "err_read", "err_write", "err_timeout")


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
        "requests": 0,
        "bytes": 0,
        "lat_p99_ms": float("nan"),
        "err_status": 0,
        "err_connect": 0,
        "err_read": 0,
        "err_write": 0,
        "err_timeout": 0,
    }


def add_static_br_server(nginx_conf: Path, article_br: Path, run_dir: Path) -> None:
    """Append to the generated config a server answering with the article's stored Brotli bytes as a plain file.

    Same http block, so the same build, workers, sendfile and open_file_cache as the page cache's location;
    a copy, so nothing the app does (a purge, a re-render) changes what it serves mid-run."""
    static_dir = run_dir / "static-br"
    static_dir.mkdir()
    (static_dir / "article.html").write_bytes(article_br.read_bytes())
    (static_dir / "article.html").chmod(0o644)
    text = nginx_conf.read_text().rstrip()
    assert text.endswith("}"), "nginx_config --full ends with the http block's brace"
    server = f"""
    # serve_bench: the cached article's .br file as a plain static file, the ceiling for the page cache's location.
    server {{
        listen 127.0.0.1:{PORTS["static_br"]} reuseport;
        root {static_dir};
        location = /article.html {{
            add_header Content-Encoding br;
            add_header Vary Accept-Encoding;
        }}
    }}
}}
"""
    nginx_conf.write_text(text[:-1] + server)


def response_size(url: str) -> tuple[int, str]:
    """Body bytes on the wire and Content-Encoding, asked as wrk asks (urllib never decodes)."""
    headers = {"Host": "localhost", **({"Accept-Encoding": ACCEPT_ENCODING} if ACCEPT_ENCODING else {})}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return len(response.read()), response.headers.get("Content-Encoding", "identity")


def bytes_per_response(runs: list[dict]) -> float:
    """What wrk read (status line, headers, body) per request, over all rounds."""
    return sum(r["bytes"] for r in runs) / max(1, sum(r["requests"] for r in runs))


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
    pagecache_root = Path(
        sh(
            PYTHON,
            "-m",
            "masthead.cli",
            "manage",
            "shell",
            "-c",
            "from django.conf import settings; print(settings.PAGECACHE_ROOT)",
            env=env,
            cwd=ROOT,
        )
        .stdout.strip()
        .splitlines()[-1]
    )

    servers = [granian(env, PORTS["cached"]), granian({**env, "PAGECACHE": "0"}, PORTS["uncached"])]
    nginx = None
    try:
        urls = {
            "cached article, nginx": f"http://127.0.0.1:{PORTS['nginx']}{article}",
            "static br file, nginx": f"http://127.0.0.1:{PORTS['static_br']}/article.html",
            "cached article, app alone": f"http://127.0.0.1:{PORTS['cached']}{article}",
            "uncached article": f"http://127.0.0.1:{PORTS['uncached']}{article}",
        }
        # The app's first answer stores the page (and its .br) under the Host wrk sends; nginx starts after,
        # with the static copy of that .br beside the page cache's location.
        wait_for(urls["cached article, app alone"])
        response_size(urls["cached article, app alone"])
        article_br = pagecache_root / "localhost" / article.strip("/") / "index.html.br"
        add_static_br_server(run_dir / "nginx.conf", article_br, run_dir)
        nginx = subprocess.Popen(
            ["nginx", "-c", str(run_dir / "nginx.conf"), "-p", str(run_dir), "-g", "daemon off;"], start_new_session=True
        )
        for url in urls.values():
            wait_for(url)
        wire = {name: response_size(url) for name, url in urls.items()}
        if "br" in ACCEPT_ENCODING and wire["cached article, nginx"] != (article_br.stat().st_size, "br"):
            raise SystemExit(f"nginx did not send the stored .br ({article_br.stat().st_size:,} B): {wire}")
        sizes = {
            "article": len(urllib.request.urlopen(urls["uncached article"]).read()),
            "lite": len(urllib.request.urlopen(urls["uncached article"] + "?lite=1").read()),
        }
        results: dict[str, list[dict]] = {name: [] for name in urls}
        for round_number in range(ROUNDS):
            # The ratio's pair runs back to back, in alternating order, so each round's ratio comes from one window.
            order = list(urls.items())
            if round_number % 2:
                order[0], order[1] = order[1], order[0]
            for name, url in order:
                results[name].append(wrk(url))
        memory = {"cached": worker_rss_mb(servers[0]), "uncached": worker_rss_mb(servers[1])}
    finally:
        started = [*servers, *([nginx] if nginx else [])]
        for process in started:
            os.killpg(process.pid, signal.SIGTERM)
        for process in started:
            process.wait(timeout=20)

    print(
        f"\nMasthead, {ROUNDS} rounds x {DURATION}s, wrk -t2 -c32, Accept-Encoding: {ACCEPT_ENCODING or '-'}, article {article}"
    )
    # B/resp is wrk's bytes read (status line, headers and body) over its requests; body is what one request
    # with the same Accept-Encoding received, and in which encoding.
    print(f"{'scenario':<28} {'req/s (median)':>15} {'p99 ms':>8} {'errors':>7} {'B/resp':>7} {'body B':>7}  encoding")
    medians = {}
    for name, runs in results.items():
        medians[name] = statistics.median(r["rps"] for r in runs)
        p99 = statistics.median(r["lat_p99_ms"] for r in runs)
        errors = sum(r[k] for r in runs for k in ERROR_KEYS)
        per_response = bytes_per_response(runs)
        body, encoding = wire[name]
        print(f"{name:<28} {medians[name]:>15,.0f} {p99:>8.2f} {errors:>7} {per_response:>7,.0f} {body:>7,}  {encoding}")
    print(f"\npage sizes (identity): article {sizes['article']:,} B, lite {sizes['lite']:,} B")
    print(f"app worker RSS after load (MB): cached {memory['cached']}, uncached {memory['uncached']}")
    print(f"cached via app / uncached: {medians['cached article, app alone'] / medians['uncached article']:.0f}x")
    ratio = medians["cached article, nginx"] / medians["static br file, nginx"]
    per_round = [
        n["rps"] / s["rps"] for n, s in zip(results["cached article, nginx"], results["static br file, nginx"], strict=True)
    ]
    # Headline: the median of same-round ratios (each pair ran back to back); the ratio of medians beside it.
    print(
        f"cached article via nginx (br) / static br file: {statistics.median(per_round):.2f} (target >= 0.9; per round "
        + ", ".join(f"{r:.2f}" for r in per_round)
        + f"; ratio of medians {ratio:.2f})"
    )
    if wire["cached article, nginx"][1] != "br":
        print(f"  (not like for like: nginx sent the cached article as {wire['cached article, nginx'][1]})")

    if os.environ.get("BASELINES") == "1":
        baselines(medians, {name: bytes_per_response(runs) for name, runs in results.items()})
    return 0


def baselines(ours: dict, per_response: dict) -> None:
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
    # run-baselines.sh sends no Accept-Encoding and its nginx config turns no compression on, so every
    # baseline answer is identity: say how many bytes each side sent, or the ratios flatter us.
    runs = [json.loads(line) for line in (summaries[-1].parent / "runs.jsonl").read_text().splitlines() if line]
    base_bytes = {name: bytes_per_response([r["wrk"] for r in runs if r["scenario"] == name]) for name in base}
    print(f"\nbaselines ({summaries[-1].parent.name}; wrk without Accept-Encoding, so identity bodies):")
    print(f"  {'scenario':<22} {'req/s (median)':>15} {'p99 ms':>8} {'errors':>7} {'B/resp':>7} {'body B':>7}")
    for name, data in summary["scenarios"].items():
        p99 = statistics.median(data["lat_p99_ms"])
        print(
            f"  {name:<22} {base[name]:>15,.0f} {p99:>8.2f} {data['errors']:>7} {base_bytes[name]:>7,.0f} "
            f"{data['body_bytes'] or 0:>7,}"
        )
    checks = [
        ("cached via nginx / WordPress fastcgi_cache (>= 1.5)", "cached article, nginx", "c-wp-article-cache"),
        ("cached via nginx / nginx static (>= 0.7)", "cached article, nginx", "d-static"),
        ("cached via app / Wagtail per-site cache (>= 3)", "cached article, app alone", "c-wt-article-cache"),
        ("uncached / WordPress uncached (>= 4)", "uncached article", "a-wp-article"),
        ("uncached / bare Wagtail uncached (>= 1)", "uncached article", "a-wt-article"),
    ]
    print(f"  {'ratio of req/s':<55} {'ratio':>6}  bytes per response, ours vs theirs")
    for label, mine, theirs in checks:
        value = ours[mine] / base[theirs]
        print(f"  {label:<55} {value:>6.2f}  {per_response[mine]:,.0f} B vs {base_bytes[theirs]:,.0f} B")


if __name__ == "__main__":
    sys.exit(main())
