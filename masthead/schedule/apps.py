from django.apps import AppConfig


class ScheduleConfig(AppConfig):
    name = "masthead.schedule"
    label = "schedule"
    verbose_name = "Publishing clock"

    def ready(self) -> None:
        from masthead.schedule import signals

        signals.connect()
