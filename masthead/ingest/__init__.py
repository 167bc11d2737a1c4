"""The wire desk: agency copy, feeds, web pages and pasted text in; clean, deduplicated stories out.

How a payload travels:

    fetch.py (URLs only: the one network seam, SSRF-guarded)
      → formats/registry.py (size limit, detection, IPTC schema validation when configured)
      → formats/<format>.py (pure parser: bytes → ParsedItem)
      → pipeline.ingest_payload (raw kept by payloads.py; sanitize.py, boilerplate.py (chrome, learned per
        source), freshness.py, dedup.py (MinHash bands, clusters); agencies.py resolves credits; WireItem
        stored, versioned, clustered; listing_pages.py refuses a site's front page; reports.py says what happened)
      → desk_actions.create_story_from_item → news.services.file_story (desk "Create draft", --publish,
        auto-publishing sources, embargo release); desk_actions also ignores, restores, kills and releases

polling.py runs `masthead poll`; views.py and wagtail_hooks.py are the admin's Wire desk;
commands.py is what cli.py's `ingest` and `poll` call; config.py reads the settings; news.lookups finds
sections and stories for the desk.
"""
