"""Every PDF the site hands out goes through here: tagged for screen readers, titled, in a language.

WeasyPrint's PDF/UA-1 variant writes the structure tree (headings, paragraphs, lists, tables as
tags), marks the document as tagged and asks readers to show the title rather than the file name.
The title and language are set here, not left to each template's <title> and <html lang>, so no
PDF leaves without them.

The renderer fetches nothing but `data:` URLs: a template that needs an image embeds it (see
`data_url`), and a stylesheet is inlined (`core.templatetags.inline_static`). A PDF of someone's
private record never makes a request to the site or anywhere else while it is drawn.
"""

import base64
from functools import lru_cache

from django.http import HttpResponse
from django.utils.http import content_disposition_header

PDF_VARIANT = "pdf/ua-1"
LANGUAGE = "en-GB"


@lru_cache(maxsize=1)
def _fetcher():
    from weasyprint import URLFetcher

    return URLFetcher(allowed_protocols={"data"}, fail_on_errors=False)


def render_pdf(html, *, title, lang=LANGUAGE):
    """The HTML as a tagged PDF (PDF/UA-1) with this document title and language, as bytes."""
    # Imported here: loading WeasyPrint (Pango, fonts) costs every process that never draws a PDF.
    from weasyprint import HTML

    options = {"pdf_variant": PDF_VARIANT}
    document = HTML(string=html, url_fetcher=_fetcher()).render(**options)
    document.metadata.title = title
    document.metadata.lang = lang
    return document.write_pdf(**options)


def pdf_response(pdf, filename, *, as_attachment=True):
    """An HTTP response carrying the PDF, saved under `filename` (downloaded, or shown if not an attachment)."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    return response


def data_url(content, content_type):
    """Bytes (an image) as a `data:` URL a PDF template can use in <img src>."""
    return f"data:{content_type};base64,{base64.b64encode(content).decode('ascii')}"
