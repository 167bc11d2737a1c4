"""A stand-in worker for the concurrency tests: says "ready", waits for "go" on its input (so that every
process starts at once), then calls ``clock.tick()`` once a second, as ``masthead worker`` does, until
nothing is due; prints what it did as JSON.

    python -m tests.schedule.ticker [TIMEOUT_SECONDS]
"""

from __future__ import annotations

import json
import os
import sys
import time


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.config.settings_test")
    import django

    django.setup()
    from django.utils import timezone
    from wagtail.models import Revision

    from masthead.schedule import clock

    timeout = float(sys.argv[1]) if len(sys.argv) > 1 else 300.0
    Revision.objects.exists()  # connect now, not on "go"
    print("ready", flush=True)
    sys.stdin.readline()
    totals = {"published": 0, "unpublished": 0, "released": 0, "failed": 0, "ticks": 0}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        report = clock.tick()
        totals["ticks"] += 1
        for name in ("published", "unpublished", "released", "failed"):
            totals[name] += getattr(report, name)
        if not Revision.objects.filter(approved_go_live_at__lte=timezone.now()).exists():
            break
        time.sleep(1.0)
    print(json.dumps(totals), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
