from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "masthead.live"
    label = "live"
    verbose_name = "Live coverage"
