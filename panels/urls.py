from django.urls import path

from . import views

app_name = "panels"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.panel_detail, name="panel-detail"),
    path("<int:pk>/meetings/new/", views.meeting_create, name="meeting-create"),
    path("requests/new/", views.request_create, name="request-create"),
    path("requests/<int:pk>/", views.request_detail, name="request-detail"),
    path("requests/<int:pk>/edit/", views.request_edit, name="request-edit"),
    path("requests/<int:pk>/autosave/", views.request_autosave, name="request-autosave"),
    path("requests/<int:pk>/<slug:step>/", views.request_step, name="request-step"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path("meetings/<int:pk>/agenda/", views.meeting_agenda, name="meeting-agenda"),
    path("meetings/<int:pk>/attendance/", views.meeting_attendance, name="meeting-attendance"),
    path("meetings/<int:pk>/requests/<int:request_pk>/decision/", views.decision_record, name="decision-record"),
    path("meetings/<int:pk>/sign-off/", views.meeting_sign_off, name="meeting-sign-off"),
    path("meetings/<int:pk>/addenda/", views.addendum_add, name="addendum-add"),
    path("meetings/<int:pk>/reflection/", views.meeting_reflection, name="meeting-reflection"),
    path("actions/<int:pk>/status/", views.action_status, name="action-status"),
    path("decisions/<int:pk>/review/", views.review_record, name="review-record"),
]
