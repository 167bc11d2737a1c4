"""Prints an nginx configuration that serves the page cache directly and proxies the rest."""

from __future__ import annotations

import getpass
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string

from csp.utils import build_policy


class Command(BaseCommand):
    help = "Print an nginx config for Masthead (server block, or a whole nginx.conf with --full)."

    def add_arguments(self, parser):
        parser.add_argument("--upstream", default="127.0.0.1:8000", help="where `masthead serve` listens")
        parser.add_argument("--listen", default="80")
        parser.add_argument("--server-name", default="_")
        parser.add_argument("--full", action="store_true", help="a complete nginx.conf (for benchmarks and single-box installs)")
        parser.add_argument("--run-dir", default=str(Path(settings.HOME) / "nginx"), help="pid, logs and temp files (with --full)")
        parser.add_argument("--output", help="write here (and proxy_params beside it) instead of printing")
        parser.add_argument("--user", default=getpass.getuser(), help="nginx worker user (with --full); must read PAGECACHE_ROOT")

    def handle(self, *args, **options):
        context = {
            "upstream": options["upstream"],
            "listen": options["listen"],
            "server_name": options["server_name"],
            "full": options["full"],
            "run_dir": options["run_dir"],
            "user": options["user"],
            "pagecache_root": settings.PAGECACHE_ROOT,
            "static_root": settings.STATIC_ROOT,
            "media_root": settings.MEDIA_ROOT,
            "session_cookie": settings.SESSION_COOKIE_NAME,
            "excluded": [p for p in settings.PAGECACHE_EXCLUDED_PREFIXES if p not in ("/static/", "/media/")],
            "csp": build_policy(config=settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]).replace('"', '\\"'),
        }
        config = render_to_string("pagecache/nginx.conf", context)
        params = render_to_string("pagecache/proxy_params")
        if options["output"]:
            target = Path(options["output"])
            target.write_text(config)
            (target.parent / "masthead_proxy_params").write_text(params)
            self.stdout.write(f"wrote {target} and {target.parent / 'masthead_proxy_params'}")
        else:
            self.stdout.write(config)
