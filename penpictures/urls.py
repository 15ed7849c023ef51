from django.urls import path

from . import views

app_name = "penpictures"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("edit/", views.edit, name="edit"),
    path("print/", views.print_view, name="print"),
    path("download.pdf", views.download, name="pdf"),
    path("versions/<int:pk>/", views.version_detail, name="version"),
    path("versions/<int:pk>/make-current/", views.make_current, name="make-current"),
    path("versions/<int:pk>/photo.jpg", views.photo, name="photo"),
    path("conversation-guide/", views.guide, name="guide"),
    path("conversation-guide/download.pdf", views.guide_download, name="guide-pdf"),
]
