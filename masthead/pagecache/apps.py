from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    # What a change purges is decided in masthead/pipeline (changes.py), which runs this app's effects as tasks.
    name = "masthead.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"
