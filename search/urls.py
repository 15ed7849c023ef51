"""The directory's pages under /directory/. The search page (search:search) is search.engine's."""

from django.urls import include, path

from . import views

app_name = "search"

try:  # the search page and suggestions, from search.engine
    import search.engine.urls  # noqa: F401

    engine_urls = [path("", include("search.engine.urls"))]
except ModuleNotFoundError as exc:  # pragma: no cover - only while the engine app is being built
    if exc.name != "search.engine.urls":
        raise
    engine_urls = []

urlpatterns = [
    *engine_urls,
    path("services/<uuid:pk>/", views.service_detail, name="service-detail"),
    path("services/<uuid:pk>/notes/", views.note_add, name="note-add"),
    path("services/<uuid:pk>/report/", views.report_out_of_date, name="report-out-of-date"),
    path("services/<uuid:pk>/reviewed/", views.service_mark_reviewed, name="service-mark-reviewed"),
    path("notes/<int:note_id>/delete/", views.note_delete, name="note-delete"),
    path("review/", views.review_list, name="review-list"),
    path("review/<int:report_id>/resolve/", views.report_resolve, name="report-resolve"),
    path("shortlist/", views.shortlist_current, name="shortlist"),
    path("shortlist/add/", views.shortlist_add, name="shortlist-add"),
    path("shortlist/new/", views.shortlist_new, name="shortlist-new"),
    path("shortlist/items/<int:item_id>/", views.shortlist_item_edit, name="shortlist-item-edit"),
    path("shortlist/items/<int:item_id>/remove/", views.shortlist_item_remove, name="shortlist-item-remove"),
    path("shortlists/<int:shortlist_id>/", views.shortlist_detail, name="shortlist-detail"),
    path("shortlists/<int:shortlist_id>/rename/", views.shortlist_rename, name="shortlist-rename"),
    path("shortlists/<int:shortlist_id>/delete/", views.shortlist_delete, name="shortlist-delete"),
    path("shortlists/<int:shortlist_id>/print/", views.shortlist_print, name="shortlist-print"),
    path("shortlists/<int:shortlist_id>/download.pdf", views.shortlist_pdf, name="shortlist-pdf"),
    path("shortlists/<int:shortlist_id>/download.txt", views.shortlist_text, name="shortlist-text"),
]
