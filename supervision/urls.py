from django.urls import path

from . import views

app_name = "supervision"
urlpatterns = [
    path("", views.index, name="index"),
    path("agreements/new/", views.agreement_create, name="agreement-create"),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement-detail"),
    path("agreements/<int:pk>/edit/", views.agreement_edit, name="agreement-edit"),
    path("agreements/<int:pk>/accept/", views.agreement_accept, name="agreement-accept"),
    path("sessions/new/", views.session_create, name="session-create"),
    path("sessions/<int:pk>/", views.session_detail, name="session-detail"),
    path("sessions/<int:pk>/agenda/", views.agenda_add, name="agenda-add"),
    path("sessions/<int:pk>/notes/", views.session_notes, name="session-notes"),
    path("sessions/<int:pk>/cases/", views.case_add, name="case-add"),
    path("sessions/<int:pk>/actions/", views.action_add, name="action-add"),
    path("sessions/<int:pk>/sign/", views.session_sign, name="session-sign"),
    path("sessions/<int:pk>/addenda/", views.addendum_add, name="addendum-add"),
    path("sessions/<int:pk>/reschedule/", views.session_reschedule, name="session-reschedule"),
    path("sessions/<int:pk>/invitation.ics", views.session_ics, name="session-ics"),
    path("sessions/<int:pk>/<slug:step>/", views.session_transition, name="session-transition"),
    path("actions/<int:pk>/status/", views.action_status, name="action-status"),
    path("peer-groups/", views.peer_group_list, name="peer-group-list"),
    path("peer-groups/new/", views.peer_group_create, name="peer-group-create"),
    path("peer-groups/<int:pk>/", views.peer_group_detail, name="peer-group-detail"),
    path("peer-groups/<int:pk>/edit/", views.peer_group_edit, name="peer-group-edit"),
    path("peer-groups/<int:pk>/sessions/new/", views.peer_session_create, name="peer-session-create"),
    path("peer-sessions/<int:pk>/", views.peer_session_detail, name="peer-session-detail"),
    path("team-numbers/", views.team_numbers, name="team-numbers"),
    path("team-numbers.csv", views.team_numbers_csv, name="team-numbers-csv"),
]
