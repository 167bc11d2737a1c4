from django.apps import AppConfig


class ApiConfig(AppConfig):
    # The change log (api/changelog.py) is written by masthead/pipeline/changes.py, in the change's transaction.
    name = "masthead.api"
    label = "api"
    verbose_name = "App API"
    default_auto_field = "django.db.models.BigAutoField"
