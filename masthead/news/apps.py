from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "masthead.news"
    label = "news"
    verbose_name = "News"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_save
        from wagtail.signals import post_page_move

        from masthead.news.models import ArticlePage
        from masthead.news.signals import date_story_tags, refile_moved_stories

        post_page_move.connect(refile_moved_stories, dispatch_uid="news.refile_moved_stories")
        post_save.connect(date_story_tags, sender=ArticlePage, dispatch_uid="news.date_story_tags")
