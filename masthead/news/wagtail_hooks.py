from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from masthead.news import admin_views
from masthead.news.models import Agency, Author
from masthead.search.admin_views import PageExplorerView, PageSearchView


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    list_display = ["name", "role", "locale"]
    search_fields = ["name"]
    add_to_admin_menu = True
    menu_order = 210


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "globe"
    menu_label = "Agencies"
    list_display = ["name", "short_name"]
    search_fields = ["name"]
    add_to_admin_menu = True
    menu_order = 220


register_snippet(AuthorViewSet)
register_snippet(AgencyViewSet)


class NewsroomPageViewSet(PageViewSet):
    """Wagtail's views for every page type, with an editor whose Publish publishes once (admin_views.PublishOnce).

    Registered for ``Page`` after Wagtail's own (its hook runs first, order -1), so it takes that one's place.
    """

    edit_view_class = admin_views.PublishOnceEditView
    index_view_class = PageExplorerView  # permissions as a path condition, not a list of every page (masthead/search)
    search_view_class = PageSearchView  # the same
    revisions_revert_view_class = admin_views.PublishOnceRevertView


@hooks.register("register_admin_viewset")
def register_newsroom_page_viewset():
    return NewsroomPageViewSet()


@hooks.register("register_admin_urls")
def register_newsroom_urls():
    return [path("news/new-story/", admin_views.new_story, name="news_new_story")]


@hooks.register("register_admin_menu_item")
def register_new_story_menu_item():
    return MenuItem("New story", reverse("news_new_story"), icon_name="doc-full-inverse", order=50)
