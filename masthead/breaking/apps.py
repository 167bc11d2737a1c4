from django.apps import AppConfig


class BreakingConfig(AppConfig):
    name = "masthead.breaking"
    label = "breaking"
    verbose_name = "Breaking news"

    def ready(self) -> None:
        from masthead.breaking import expiry
        from masthead.schedule import clock

        clock.register(expiry.end_expired)
