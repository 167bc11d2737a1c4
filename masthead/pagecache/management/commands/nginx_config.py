"""Prints an nginx configuration that serves the page cache directly and proxies the rest.

The config is text, not HTML: it is rendered by a template engine of its own with autoescaping off
(Django's would write the policy's ``'self'`` as ``&#x27;self&#x27;``, which browsers reject, and then
block every stylesheet, script and picture). nginx's workers never run as root: they read files the
app wrote, and a bug in a worker must not own the machine.
"""

from __future__ import annotations

import grp
import os
import pwd
import stat
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template import Context, Engine

from masthead.api import cors
from masthead.web.content_security_policy import reader_policy

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# Debian's libnginx-mod-http-brotli-static; without it nginx serves the .gz files only. `--full` loads it;
# a server block relies on Debian's nginx.conf, which loads the installed modules (modules-enabled).
BROTLI_STATIC_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
WORKER_USERS = ("www-data", "nobody")  # Debian's web server account, else the account that owns nothing
# Mozilla's "intermediate" profile: every browser of the last decade, no protocol older than TLS 1.2.
TLS_PROTOCOLS = "TLSv1.2 TLSv1.3"
TLS_CIPHERS = ":".join(
    [
        "ECDHE-ECDSA-AES128-GCM-SHA256",
        "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-ECDSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305",
        "ECDHE-RSA-CHACHA20-POLY1305",
    ]
)


class Command(BaseCommand):
    help = "Print an nginx config for Masthead (server block, or a whole nginx.conf with --full)."

    def add_arguments(self, parser):
        parser.add_argument("--upstream", default="127.0.0.1:8000", help="where `masthead serve` listens")
        parser.add_argument("--listen", help="address or port nginx listens on (default 80, or 443 with TLS)")
        parser.add_argument("--server-name", default="_")
        parser.add_argument("--full", action="store_true", help="a complete nginx.conf (for benchmarks and single-box installs)")
        parser.add_argument(
            "--run-dir", default=str(Path(settings.HOME) / "nginx"), help="pid, logs and temp files (with --full)"
        )
        parser.add_argument("--output", help="write here (and proxy_params beside it) instead of printing")
        parser.add_argument(
            "--user",
            help="nginx worker user (with --full; default www-data, else nobody; never root); "
            "must be able to read PAGECACHE_ROOT, STATIC_ROOT and MEDIA_ROOT",
        )
        parser.add_argument("--tls-cert", help="certificate chain (PEM): serve HTTPS with it")
        parser.add_argument("--tls-key", help="the certificate's private key (PEM)")

    def handle(self, *args, **options):
        tls = _tls_files(options["tls_cert"], options["tls_key"])
        worker = _worker_account(options["user"]) if options["full"] else None  # a server block leaves it to nginx.conf
        context = {
            "upstream": options["upstream"],
            "listen": options["listen"] or ("443" if tls else "80"),
            "server_name": options["server_name"],
            "full": options["full"],
            "run_dir": options["run_dir"],
            "user": worker.pw_name if worker else "",
            "group": grp.getgrgid(worker.pw_gid).gr_name if worker else "",
            "tls": tls,
            "tls_protocols": TLS_PROTOCOLS,
            "tls_ciphers": TLS_CIPHERS,
            "hsts": _hsts() if tls else "",
            "pagecache_root": settings.PAGECACHE_ROOT,
            "static_root": settings.STATIC_ROOT,
            "media_root": settings.MEDIA_ROOT,
            "session_cookie": settings.SESSION_COOKIE_NAME,
            "excluded": [p for p in settings.PAGECACHE_EXCLUDED_PREFIXES if p not in ("/static/", "/media/")],
            "csp": reader_policy().replace('"', '\\"'),
            "cors_origin": _cached_cors_origin(),
            "cors_expose": cors.EXPOSED_HEADERS,
            "brotli_module": str(BROTLI_STATIC_MODULE) if BROTLI_STATIC_MODULE.exists() else "",
        }
        engine = Engine(dirs=[str(TEMPLATES)])
        config = engine.get_template("pagecache/nginx.conf").render(Context(context, autoescape=False))
        params = engine.get_template("pagecache/proxy_params").render(Context({}, autoescape=False))
        if worker:
            for root in (settings.PAGECACHE_ROOT, settings.STATIC_ROOT, settings.MEDIA_ROOT):
                if blocker := _closed_to(worker, Path(root)):
                    self.stderr.write(
                        f"warning: nginx workers run as {worker.pw_name}, who cannot enter {blocker} "
                        f"(mode {stat.filemode(blocker.stat().st_mode)}), so nginx cannot serve {root}; "
                        "open it to them (chmod o+x, or a group) or choose another --user"
                    )
        if options["output"]:
            target = Path(options["output"])
            target.write_text(config)
            (target.parent / "masthead_proxy_params").write_text(params)
            self.stdout.write(f"wrote {target} and {target.parent / 'masthead_proxy_params'}")
        else:
            self.stdout.write(config)


def _tls_files(cert: str | None, key: str | None) -> dict[str, str] | None:
    if not cert and not key:
        return None
    if not (cert and key):
        raise CommandError("HTTPS needs both --tls-cert and --tls-key")
    files = {"cert": str(Path(cert).resolve()), "key": str(Path(key).resolve())}
    for path in files.values():
        if not os.path.isfile(path):
            raise CommandError(f"{path} is not a file")
    return files


def _worker_account(name: str | None) -> pwd.struct_passwd:
    if name is None:
        name = next((user for user in WORKER_USERS if _account(user)), WORKER_USERS[-1])
    account = _account(name)
    if account is None:
        raise CommandError(f"no such user: {name}")
    if account.pw_uid == 0:
        raise CommandError("nginx workers must not run as root: choose an unprivileged --user (default www-data)")
    return account


def _account(name: str) -> pwd.struct_passwd | None:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        return None


def _hsts() -> str:
    """The Strict-Transport-Security header Django's SecurityMiddleware sends, for pages nginx serves itself."""
    if not settings.SECURE_HSTS_SECONDS:
        return ""
    value = f"max-age={settings.SECURE_HSTS_SECONDS}"
    if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
        value += "; includeSubDomains"
    if settings.SECURE_HSTS_PRELOAD:
        value += "; preload"
    return value


def _closed_to(account: pwd.struct_passwd, path: Path) -> Path | None:
    """The first directory on the way to ``path`` that ``account`` may not enter, if any (only where it exists)."""
    groups = {account.pw_gid} | {group.gr_gid for group in grp.getgrall() if account.pw_name in group.gr_mem}
    path = path.resolve()
    for directory in [*reversed(path.parents), path]:
        try:
            info = directory.stat()
        except OSError:
            return None  # not made yet: the app makes it, with its own umask
        if not stat.S_ISDIR(info.st_mode):
            return None
        if info.st_uid == account.pw_uid:
            allowed = info.st_mode & stat.S_IXUSR
        elif info.st_gid in groups:
            allowed = info.st_mode & stat.S_IXGRP
        else:
            allowed = info.st_mode & stat.S_IXOTH
        if not allowed:
            return directory
    return None


def _cached_cors_origin() -> str:
    """The Access-Control-Allow-Origin of cached API answers: "*" or the one origin; else none is cached."""
    origins = settings.API_CORS_ORIGINS
    if "*" in origins:
        return "*"
    return origins[0] if len(origins) == 1 else ""
