"""The measures page, its CSV and its printable report: practice leads and administrators only."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from core.exports import csv_response

from . import services
from .charts import chart_for
from .forms import MeasuresForm
from .pdf import render_report


def _form_and_report(request):
    if not services.can_view_measures(request.user):
        raise PermissionDenied("Measures are for practice leads and administrators.")
    teams = services.teams_for(request.user)
    if not {"team", "start", "end"} & set(request.GET):
        start, end = services.default_period()
        form = MeasuresForm(teams=teams, initial={"start": start, "end": end})
        return form, services.report(request.user, start=start, end=end)
    form = MeasuresForm(request.GET, teams=teams)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    return form, services.report(request.user, team=data["team"], start=data["start"], end=data["end"])


def _page(request, form, report):
    if report is not None:
        for section in report.sections:
            for table in section.tables:
                table.chart_data = chart_for(table)
    return render(request, "measures/index.html", {
        "form": form, "report": report, "query": request.GET.urlencode(),
        "cache_minutes": services.CACHE_SECONDS // 60,
    }, status=400 if form.errors else 200)


def index(request):
    form, report = _form_and_report(request)
    return _page(request, form, report)


def export_csv(request):
    form, report = _form_and_report(request)
    if report is None:
        return _page(request, form, report)
    response, writer = csv_response(f"measures-{report.start}-{report.end}.csv")
    writer.writerow(["Programme measures", report.scope_label])
    writer.writerow(["From", report.start.isoformat(), "To", report.end.isoformat()])
    writer.writerow(["Workers counted", report.workers if report.workers is not None else report.suppressed_label])
    writer.writerow(["Smallest group shown", report.smallest_group])
    for section in report.sections:
        for table in section.tables:
            writer.writerow([])
            writer.writerow([f"{section.title}: {table.title}"])
            writer.writerow([table.label_heading, *table.columns])
            for row in table.rows:
                if row.suppressed:
                    writer.writerow([row.label, report.suppressed_label] + [""] * (len(table.columns) - 1))
                else:
                    writer.writerow([row.label, *row.values])
    return response


def report_pdf(request):
    form, report = _form_and_report(request)
    if report is None:
        return _page(request, form, report)
    response = HttpResponse(render_report(report, generated=timezone.localtime()), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="measures-report-{report.start}-{report.end}.pdf"'
    return response
