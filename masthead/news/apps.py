from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "masthead.news"
    label = "news"
    verbose_name = "News"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_save, pre_delete
        from wagtail.signals import post_page_move

        from masthead.news.models import ArticlePage
        from masthead.news.signals import date_story_tags, place_deleted_story, place_saved_story, refile_moved_stories

        # Connected before the page cache's receivers (news comes first in INSTALLED_APPS), so a
        # section's anchors are true again before its pages are purged and rendered anew.
        post_page_move.connect(refile_moved_stories, dispatch_uid="news.refile_moved_stories")
        post_save.connect(date_story_tags, sender=ArticlePage, dispatch_uid="news.date_story_tags")
        post_save.connect(place_saved_story, sender=ArticlePage, dispatch_uid="news.place_saved_story")
        pre_delete.connect(place_deleted_story, sender=ArticlePage, dispatch_uid="news.place_deleted_story")
