from django.apps import AppConfig


class CurationConfig(AppConfig):
    name = "masthead.curation"
    label = "curation"
    verbose_name = "Front-page curation"

    def ready(self) -> None:
        from masthead.curation import expiry
        from masthead.schedule import clock

        clock.register(expiry.purge_expired_pins)
