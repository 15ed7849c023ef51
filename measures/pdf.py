"""The evaluation report for a period as a tagged PDF (PDF/UA-1, with a title and language), by WeasyPrint."""

from django.template.loader import render_to_string


def render_report(report, generated):
    from weasyprint import HTML

    html = render_to_string("measures/report_pdf.html", {"report": report, "generated": generated})
    return HTML(string=html, base_url=None).write_pdf(pdf_variant="pdf/ua-1")
