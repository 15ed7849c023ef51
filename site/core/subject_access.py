"""Subject access (UK GDPR article 15): everything a person owns, as JSON and PDF, in one ZIP.

Each app that holds people's records has a module `<app>/subject_access.py` with
`export(user) -> dict`, returning one section:

    {"title": "Learning", "parts": [{"key": "reflective_logs", "title": "Reflective logs",
                                      "description": "...", "items": [{...}, ...]}]}

An app that keeps files (evidence on logs) may also define `files(user)`, yielding
(name, opened-or-openable file field) pairs: they go into the ZIP under files/<app>/.

Items are plain data (strings, numbers, booleans, dates, lists and dicts of those). An app puts
in only what the person may see under that record's own rule, never a colleague's private
content. The site finds the modules by name (core.app_hooks), so it never imports an app.
"""

import datetime
import io
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import pdf
from .app_hooks import app_modules
from .models import PrivacyEvent, PrivacyEventKind

FORMAT = "practice-commons-subject-access"
FORMAT_VERSION = 1

README = """Your data from Practice Commons
==============================

my-data.pdf   everything below, to read or print.
my-data.json  the same, machine-readable (UTF-8 JSON):
files/        files you uploaded (evidence on your logs and learning), by app

  {
    "format": "practice-commons-subject-access", "version": 1,
    "generated_at": "<ISO 8601 date and time>",
    "person": {"email": ..., "name": ...},
    "sections": [                       one per part of the site
      {"app": "learning", "title": "Learning",
       "parts": [                       one per kind of record
         {"key": "reflective_logs", "title": "Reflective logs", "description": "...",
          "items": [ {...}, ... ]}      one object per record; dates are ISO 8601
       ]}
    ]
  }

Records you wrote that you shared with others are included; records other people wrote about
your work are included where the site lets you read them. Other people's private notes are not.
"""


def sections_for(user):
    """Every app's section for this person, in the order the apps are installed."""
    sections = []
    for config, module in app_modules("subject_access"):
        export = getattr(module, "export", None)
        if export is None:
            continue
        section = export(user)
        if section:
            sections.append({"app": config.label, **section})
    return sections


def collect(user):
    """The whole subject access document for one person (plain data, ready for JSON)."""
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "generated_at": timezone.now(),
        "person": {"email": user.email, "name": user.get_full_name()},
        "sections": sections_for(user),
    }


def counts_of(document):
    """{"Reflective logs": 3, ...}: how many records of each kind, for the audit."""
    return {part["title"]: len(part["items"]) for section in document["sections"] for part in section["parts"]}


def as_json(document):
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


# ---- PDF -------------------------------------------------------------------------------------


def _label(key):
    return str(key).replace("_", " ").capitalize()


def _scalar(value):
    if value is None or value == "" or value == [] or value == {}:
        return '<span class="none">None</span>'
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        return escape(f"{timezone.localtime(value) if timezone.is_aware(value) else value:%d %b %Y %H:%M}")
    if isinstance(value, datetime.date):
        return escape(f"{value:%d %b %Y}")
    return escape(str(value))


def _html(value):
    """A readable, compact rendering of an item: one line a field, nested records indented.

    Compact on purpose: WeasyPrint's time grows with pages, and a long-serving worker has hundreds
    of logs.
    """
    if isinstance(value, dict):
        return "".join(f'<p class="f"><b>{escape(_label(k))}:</b> {_inline(v)}</p>' for k, v in value.items())
    return _inline(value)


def _inline(value):
    if isinstance(value, dict) and value:
        return f'<div class="sub">{_html(value)}</div>'
    if isinstance(value, (list, tuple)) and value:
        if all(not isinstance(v, (dict, list, tuple)) for v in value):
            return "; ".join(_scalar(v) for v in value)
        return "".join(f'<div class="sub">{_html(v)}</div>' for v in value)
    return _scalar(value)


def render_pdf(document):
    """A tagged PDF (PDF/UA-1) with a title and language, for reading and printing."""
    sections = [
        {
            "title": section["title"],
            "parts": [
                # _html escapes every value it writes
                {**part, "rendered": [mark_safe(_html(item)) for item in part["items"]]}
                for part in section["parts"]
            ],
        }
        for section in document["sections"]
    ]
    html = render_to_string("core/subject_access_pdf.html", {"document": document, "sections": sections})
    person = document["person"]
    return pdf.render_pdf(html, title=f"Your data from Practice Commons – {person['name'] or person['email']}")


# ---- The download ----------------------------------------------------------------------------


def archive_name(today=None):
    return f"practice-commons-my-data-{(today or timezone.localdate()):%Y-%m-%d}.zip"


def files_for(user):
    """(path in the ZIP, file field) of every file the apps keep for this person."""
    for config, module in app_modules("subject_access"):
        declared = getattr(module, "files", None)
        if declared is not None:
            for name, field in declared(user):
                yield f"files/{config.label}/{name}", field


def build_archive(document, files=()):
    """The ZIP: my-data.json, my-data.pdf, a README describing the JSON, and the person's files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README)
        archive.writestr("my-data.json", as_json(document))
        archive.writestr("my-data.pdf", render_pdf(document))
        for name, field in files:
            try:
                with field.open("rb") as handle:
                    archive.writestr(name, handle.read())
            except FileNotFoundError:
                continue  # the row outlived its file: the JSON still lists it
    return buffer.getvalue()


def download_my_data(user):
    """Everything the person owns as a ZIP (bytes), recorded in the privacy audit."""
    document = collect(user)
    data = build_archive(document, files_for(user))
    PrivacyEvent.objects.create(
        kind=PrivacyEventKind.SUBJECT_ACCESS, user=user, actor=user.email, counts=counts_of(document)
    )
    return data
