"""The wire desk: agency copy, feeds, web pages and pasted text in; clean, deduplicated stories out.

How a payload travels:

    fetch.py (URLs only: the one network seam, SSRF-guarded)
      → formats/registry.py (size limit, detection, IPTC schema validation when configured)
      → formats/<format>.py (pure parser: bytes → ParsedItem)
      → services.ingest_payload (raw kept; sanitize.py, boilerplate.py, freshness.py, dedup.py;
        agencies.py resolves credits; WireItem stored, versioned, clustered)
      → services.create_story_from_item → news.services.file_story (desk "Create draft", --publish,
        auto-publishing sources, embargo release)

polling.py runs `masthead poll`; views.py and wagtail_hooks.py are the admin's Wire desk;
commands.py is what cli.py's `ingest` and `poll` call.
"""
