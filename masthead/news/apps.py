from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "masthead.news"
    label = "news"
    verbose_name = "News"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.signals import post_page_move

        from masthead.news.signals import refile_moved_stories

        post_page_move.connect(refile_moved_stories, dispatch_uid="news.refile_moved_stories")
