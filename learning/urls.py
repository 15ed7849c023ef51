from django.urls import path

from . import views, views_assessment, views_evidence

app_name = "learning"
urlpatterns = [
    path("", views.log_list, name="index"),
    path("logs/", views.log_list, name="log-list"),
    path("logs/new/", views.log_create, name="log-create"),
    path("logs/new/<slug:template>/", views.log_start, name="log-start"),
    path("logs/new/<slug:template>/autosave/", views.log_start_autosave, name="log-start-autosave"),
    path("logs/shared-with-me/", views.shared_with_me, name="log-shared"),
    path("logs/<int:pk>/", views.log_detail, name="log-detail"),
    path("logs/<int:pk>/edit/", views.log_edit, name="log-edit"),
    path("logs/<int:pk>/autosave/", views.log_autosave, name="log-autosave"),
    path("logs/<int:pk>/share/", views.log_share, name="log-share"),
    path("logs/<int:pk>/delete/", views.log_delete, name="log-delete"),
    path("logs/<int:pk>/revisions/", views.log_revisions, name="log-revisions"),
    path("logs/<int:pk>/revisions/<int:revision_id>/", views.log_revision, name="log-revision"),
    path("logs/<int:pk>/revisions/<int:revision_id>/restore/", views.log_revision_restore, name="log-revision-restore"),
    path("logs/<int:pk>/forget/", views.log_forget, name="log-forget"),
    path("logs/<int:pk>/evidence/", views_evidence.log_evidence_add, name="log-evidence-add"),
    path("record/entries/<int:pk>/evidence/", views_evidence.entry_evidence_add, name="entry-evidence-add"),
    path("evidence/<int:pk>/", views_evidence.evidence_download, name="evidence-download"),
    path("evidence/<int:pk>/remove/", views_evidence.evidence_remove, name="evidence-remove"),
    path("record/", views.record, name="record"),
    path("record/add/", views.record_add, name="record-add"),
    path("record/coverage/", views.coverage, name="coverage"),
    path("record/entries/<int:pk>/delete/", views.record_entry_delete, name="record-entry-delete"),
    path("record/export/<str:fmt>/", views.record_export, name="record-export"),
    path("record/people/<int:user_id>/", views.record, name="record-for"),
    path("record/people/<int:user_id>/coverage/", views.coverage, name="coverage-for"),
    path("record/people/<int:user_id>/export/<str:fmt>/", views.record_export, name="record-export-for"),
    path("frameworks/", views_assessment.framework_list, name="framework-list"),
    path("frameworks/<slug:slug>/", views_assessment.framework_detail, name="framework-detail"),
    path("frameworks/<slug:slug>/assess/", views_assessment.assessment_create, name="assessment-create"),
    path("assessments/", views_assessment.assessment_list, name="assessment-list"),
    path("assessments/<int:pk>/", views_assessment.assessment_detail, name="assessment-detail"),
]
