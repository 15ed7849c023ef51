"""The search page and its suggestions, included by search.urls (namespace "search")."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.search, name="search"),
    path("suggest/", views.suggestions, name="suggest"),
]
