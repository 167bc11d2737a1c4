from django.apps import AppConfig


class PipelineConfig(AppConfig):
    name = "masthead.pipeline"
    label = "pipeline"
    verbose_name = "Story-change pipeline and task queue"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from masthead.pipeline import changes

        changes.connect()
