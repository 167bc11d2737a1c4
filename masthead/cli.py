"""The ``masthead`` command: one entry point for operators.

Subcommands that need no database (``date``) never load Django, so they
answer instantly and work before anything is configured.

After ``masthead demo`` the other subcommands work on the demo's home with
nothing exported: without a SECRET_KEY they take the settings the demo left
in its home (``var/demo.env``). ``serve`` never does: a production server
without its secret stops, with one line saying why.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys

DEFAULT_PORT = 8000


def _django(settings: str = "masthead.config.settings") -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings)
    import django

    django.setup()


def cmd_date(args: argparse.Namespace) -> int:
    from masthead.calendars import masthead_line, parse_digits, parse_language, parse_style

    try:
        day = datetime.date.fromisoformat(args.day)
    except ValueError:
        print(f"masthead date: {args.day!r} is not a date in the form YYYY-MM-DD", file=sys.stderr)
        return 2
    try:
        language, digits = parse_language(args.language), parse_digits(args.digits) if args.digits else None
        print(masthead_line(day, parse_style(args.style), args.offset, language=language, digits=digits))
    except ValueError as error:
        print(f"masthead date: {error}", file=sys.stderr)
        return 2
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["masthead manage", *args.rest])
    return 0


def _app_server(bind: str, workers: int, access_log: bool = False) -> int:
    """Granian: a Rust HTTP server in front of the WSGI app, so cached pages cost almost nothing to serve."""
    host, _, port = bind.rpartition(":")
    argv = [
        sys.executable,
        "-m",
        "granian",
        "--interface",
        "wsgi",
        "--host",
        host or "127.0.0.1",
        "--port",
        port,
        "--workers",
        str(workers),
        "--blocking-threads",
        os.environ.get("BLOCKING_THREADS", "2"),
        "--backlog",
        "1024",
        "--no-ws",
        *(["--access-log"] if access_log else []),
        "masthead.config.wsgi:application",
    ]
    os.execv(sys.executable, argv)
    return 0  # not reached


def _start_worker() -> None:
    """``masthead worker`` as a child of the app server: it stops when the server does (it watches its parent)."""
    import subprocess

    subprocess.Popen([sys.executable, "-m", "masthead.cli", "worker", "--parent-pid", str(os.getpid())], env=os.environ.copy())


def cmd_serve(args: argparse.Namespace) -> int:
    """The production app server: Granian with the settings from the environment (and a worker beside it)."""
    _django()
    from django.core.management import call_command

    if args.migrate:
        call_command("migrate", interactive=False, verbosity=1)
    call_command("collectstatic", interactive=False, verbosity=0)
    if not args.no_worker:
        _start_worker()
    return _app_server(args.bind, args.workers, args.access_log)


def cmd_worker(args: argparse.Namespace) -> int:
    """The task queue, the publishing clock, the day rollover and wire polling (see masthead/pipeline/worker.py)."""
    _django()
    from masthead.pipeline.worker import main, run_queued_tasks

    if args.batch:
        print(f"ran {run_queued_tasks()} task(s)")
        return 0
    return main(interval=args.interval, parent_pid=args.parent_pid)


def cmd_demo(args: argparse.Namespace) -> int:
    os.environ["MASTHEAD_DEMO"] = "1"
    _django()
    from django.conf import settings
    from django.core.management import call_command

    from masthead.config.env import mark_demo_home
    from masthead.demo.content_ur import HOSTNAME as URDU_HOSTNAME
    from masthead.demo.load import ensure_demo_admin, ensure_demo_staff, load_demo

    mark_demo_home(settings.HOME)

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    result = load_demo()
    print(result.summary)
    username, password = ensure_demo_admin()
    port = int(args.port or os.environ.get("PORT") or DEFAULT_PORT)
    url = f"http://127.0.0.1:{port}"
    print()
    print(f"  Masthead demo:  {url}/")
    print(f"  Urdu edition:   http://{URDU_HOSTNAME}:{port}/")  # *.localhost is loopback (RFC 6761): browsers and curl
    print(f"  Admin:          {url}/admin/   user: {username}   password: {password}")
    for staff_user, staff_password, role in ensure_demo_staff():
        print(f"  {role + ':':<16}{url}/admin/   user: {staff_user}   password: {staff_password}")
    print()
    if args.no_serve:
        return 0
    sys.stdout.flush()
    _start_worker()
    return _app_server(f"127.0.0.1:{port}", args.workers)


def cmd_ingest(args: argparse.Namespace) -> int:
    _django()
    from masthead.ingest.commands import run_ingest

    return run_ingest(
        args.inputs,
        source_name=args.source or "",
        section_slug=args.section or "",
        publish=args.publish,
        dry_run=args.dry_run,
        format_hint=args.format or "",
    )


def cmd_poll(args: argparse.Namespace) -> int:
    _django()
    from masthead.ingest.commands import run_poll

    return run_poll(only=args.source or None, force=args.force, loop=args.loop)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="masthead", description="Masthead news publishing platform.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser("demo", help="migrate an SQLite database under var/, load demo content and serve it")
    demo.add_argument("--port", type=int, help=f"port to serve on (default: $PORT or {DEFAULT_PORT})")
    demo.add_argument("--workers", type=int, default=2)
    demo.add_argument("--no-serve", action="store_true", help="prepare the demo and exit")
    demo.set_defaults(func=cmd_demo)

    serve = commands.add_parser("serve", help="run the production app server (Granian)")
    serve.add_argument("--bind", default=os.environ.get("BIND", f"127.0.0.1:{DEFAULT_PORT}"))
    serve.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
    serve.add_argument("--migrate", action="store_true", help="apply database migrations first")
    serve.add_argument("--access-log", action="store_true", help="log every request")
    serve.add_argument("--no-worker", action="store_true", help="run no worker beside it (run `masthead worker` yourself)")
    serve.set_defaults(func=cmd_serve, production_only=True)

    worker = commands.add_parser(
        "worker", help="run the task queue (purges, warm renders), the publishing clock, the day rollover and wire polling"
    )
    worker.add_argument("--interval", type=float, help="seconds between looks at an idle queue (default 0.1)")
    worker.add_argument("--batch", action="store_true", help="run the tasks that are ready now, then exit")
    worker.add_argument("--parent-pid", type=int, help=argparse.SUPPRESS)  # set by serve and demo: stop with them
    worker.set_defaults(func=cmd_worker, production_only=True)

    date = commands.add_parser("date", help="print the masthead date line for a day, e.g. 'masthead date 2023-05-28'")
    date.add_argument("day", metavar="YYYY-MM-DD")
    date.add_argument(
        "--style", default="south_asian", help="Hijri month spelling: south_asian (default), standard, arabic, urdu"
    )
    date.add_argument("--offset", type=int, default=0, help="moon-sighting offset in days, -2 to 2")
    date.add_argument("--language", default="en", help="language of the line: en (default) or ur (the Hijri month in Urdu)")
    date.add_argument("--digits", help="latin or urdu (default: the language's own)")
    date.set_defaults(func=cmd_date)

    ingest = commands.add_parser(
        "ingest",
        help="take in wire copy: RSS/Atom, IPTC ninjs and NewsML-G2, NITF, HTML pages, pasted text (files, folders or URLs)",
    )
    ingest.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    ingest.add_argument(
        "--source", help="the wire source to file the items under (created if new; default: the site or feed's own name)"
    )
    ingest.add_argument(
        "--section",
        metavar="SLUG",
        help="section for stories made with --publish (default: MASTHEAD_INGEST_SECTION, else the first)",
    )
    ingest.add_argument("--publish", action="store_true", help="publish each new usable item as a story")
    ingest.add_argument("--dry-run", action="store_true", help="read and report, write nothing")
    ingest.add_argument("--format", choices=["feed", "ninjs", "newsml", "html", "text"], help="skip format detection")
    ingest.set_defaults(func=cmd_ingest)

    poll = commands.add_parser(
        "poll", help="poll the wire sources that are due (conditional GET, backoff), release ended embargoes"
    )
    poll.add_argument("--source", action="append", metavar="NAME", help="only this source (repeatable)")
    poll.add_argument("--force", action="store_true", help="poll now, ignoring schedules and backoff")
    poll.add_argument("--loop", action="store_true", help="keep polling every 30 seconds")
    poll.set_defaults(func=cmd_poll)

    manage = commands.add_parser("manage", help="run a Django management command, e.g. 'masthead manage createsuperuser'")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)
    return parser


def main(argv: list[str] | None = None) -> int:
    from django.core.exceptions import ImproperlyConfigured

    from masthead.config.env import home_path, read_demo_env, use_demo_home

    args = build_parser().parse_args(argv)
    if not getattr(args, "production_only", False):
        use_demo_home()
    try:
        return args.func(args)
    except ImproperlyConfigured as error:
        # A configuration mistake is the operator's to fix: say what it is, not where Django noticed it.
        hint = ""
        if args.command == "serve" and read_demo_env(home_path()) is not None:
            hint = " This home holds a demo: `masthead demo` serves it."
        print(f"masthead {args.command}: {error}{hint}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
