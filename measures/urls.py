from django.urls import path

from . import views

app_name = "measures"
urlpatterns = [
    path("", views.index, name="index"),
    path("measures.csv", views.export_csv, name="export-csv"),
    path("report.pdf", views.report_pdf, name="report-pdf"),
]
