from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "masthead.ingest"
    label = "ingest"
    verbose_name = "Wire desk"
    default_auto_field = "django.db.models.BigAutoField"
