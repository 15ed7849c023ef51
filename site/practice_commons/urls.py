from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import views as core_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("allauth.urls")),
    path("people/", include("people.urls")),
    path("learning/", include("learning.urls")),
    path("supervision/", include("supervision.urls")),
    path("panels/", include("panels.urls")),
    path("measures/", include("measures.urls")),
    path("pen-picture/", include("penpictures.urls")),
    path("directory/", include("search.urls")),
    path("api/oruk/", include("search.api_urls")),
    path("search/", core_views.page_search, name="page-search"),
    path("my-data/", core_views.my_data, name="my-data"),
    path("my-emails/", core_views.email_preferences, name="email-preferences"),
    path("downloads/<uuid:pk>/", core_views.download_detail, name="download-detail"),
    path("downloads/<uuid:pk>/file", core_views.download_file, name="download-file"),
    path("healthz", login_not_required(core_views.health), name="health"),
]

if getattr(settings, "SERVE_MEDIA", False) and settings.MEDIA_URL.startswith("/"):
    # The embedded default serves uploads itself, debug or not (Django's static() helper only
    # does under DEBUG); production serves them from its web server or storage.
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

# Wagtail's page tree (guidance) last: it matches everything else. The home page (the dashboard)
# is found without Wagtail's routing, and served as Wagtail would (core.views.home).
urlpatterns += [path("", core_views.home, name="home"), path("", include(wagtail_urls))]

handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
