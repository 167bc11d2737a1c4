"""Indexes for the desk's lists on Wagtail's own tables, partial so they stay small at a million stories.

- my drafts: the pages with unpublished changes, by owner and last edit (drafts are few; the archive is not);
- awaiting review: the task states still in progress, by task (every review ever done stays in that table);
- scheduled and overdue: the revisions approved to go live, by kind and time;
- overdue unpublishing: the pages with an expiry time (most have none).
"""

from django.db import migrations

INDEXES = [
    (
        "desk_page_drafts_by_owner",
        "wagtailcore_page (owner_id, latest_revision_created_at) WHERE has_unpublished_changes",
    ),
    ("desk_taskstate_in_progress", "wagtailcore_taskstate (task_id) WHERE status = 'in_progress'"),
    # Scheduled and overdue: the revisions approved to go live, by kind of object and time. Wagtail's own
    # indexes lead with the kind (every page revision ever saved) or hold the time alone; a planner
    # without statistics takes the first.
    (
        "desk_revision_scheduled",
        "wagtailcore_revision (base_content_type_id, approved_go_live_at) WHERE approved_go_live_at IS NOT NULL",
    ),
    ("desk_page_expiring", "wagtailcore_page (expire_at) WHERE expire_at IS NOT NULL"),
]


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}", f"DROP INDEX IF EXISTS {name}")
        for name, definition in INDEXES
    ]
