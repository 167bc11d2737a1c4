from django.apps import AppConfig


class TranslationConfig(AppConfig):
    name = "masthead.translation"
    label = "translation"
    verbose_name = "Translation"
