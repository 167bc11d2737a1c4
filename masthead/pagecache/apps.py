from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "masthead.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        from masthead.pagecache import signals

        signals.connect()
