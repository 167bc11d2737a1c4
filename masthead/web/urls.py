from django.urls import path

from masthead.web import views

app_name = "web"

urlpatterns = [
    path("tags/<str:slug>/", views.tag_stories, name="tag"),
    path("authors/<str:slug>/", views.author_stories, name="author"),
    path("agencies/<str:slug>/", views.agency_stories, name="agency"),
]
