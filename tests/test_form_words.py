"""Every form of ours, sent empty, answers in GOV.UK words: each message names its field, once in the
error summary and once beside the field; never Django's "This field is required."; no label says
"(optional)" twice.

The forms are the ones the fuzz walk finds (tests/test_fuzz_forms.py): each page of ROUTES, opened by
its person in one world, and each form on it posted with its text boxes, dates and choices emptied.
"""

import re
from collections import Counter
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.test_fuzz_forms import ORDER_LAST, ROUTES, FormReader, _world

pytestmark = pytest.mark.django_db

DJANGO_WORDS = ["This field is required", "Enter a valid", "Ensure this value", "Select a valid choice. That choice"]
KEEP = {"csrfmiddlewaretoken", "action", "identifiers_seen"}


def _summary_and_field_errors(body):
    summary = re.search(r'govuk-error-summary__list">(.*?)</ul>', body, re.S)
    items = re.findall(r"<li>(?:<a [^>]*>)?(.*?)(?:</a>)?</li>", summary.group(1), re.S) if summary else []
    beside = re.findall(r'class="govuk-error-message">(.*?)</p>', body, re.S)
    beside = [m.strip() for b in beside for m in re.split(r"<br>", b)]
    beside = [unescape(re.sub(r"<span class=\"govuk-visually-hidden\">Error:</span>", "", m)).strip() for m in beside]
    return [unescape(i).strip() for i in items], beside


def test_every_form_sent_empty_names_its_fields_once(client_for, people, site_pages, settings):
    settings.ELASTICSEARCH_URL = ""
    world = _world(people)
    problems, forms_checked = [], 0
    for name, (who, kwargs) in sorted(ROUTES.items()):
        if any(word in name for word in ORDER_LAST) or name.startswith("oruk:"):
            continue
        client = client_for(people[who])
        path = reverse(name, kwargs=kwargs(world))
        response = client.get(path)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        body = response.content.decode()
        for label in re.findall(r"<(?:label|legend)[^>]*>(.*?)</(?:label|legend)>", body, re.S):
            if label.count("(optional)") > 1:
                problems.append(f"{path}: label {label.strip()!r}")
        reader = FormReader()
        reader.feed(body)
        for form in reader.forms:
            action = urlsplit(form["action"]).path or path
            if form["method"] != "post" or not action.startswith("/") or action.startswith("/accounts/"):
                continue
            if any(word in action for word in ("delete", "remove", "cancel", "restore", "sign", "accept", "transition", "autosave", "forget")):
                continue
            data = {k: ("" if k not in KEEP and not isinstance(v, list) else v) for k, v in form["fields"].items()}
            data = {k: v for k, v in data.items() if v != []}
            answer = client.post(action, data)
            forms_checked += 1
            if answer.status_code >= 500:
                problems.append(f"{action}: {answer.status_code}")
                continue
            text = answer.content.decode() if answer["Content-Type"].startswith("text/html") else ""
            for words in DJANGO_WORDS:
                if words in text:
                    problems.append(f"{action}: says {words!r}")
            summary, beside = _summary_and_field_errors(text)
            for message, times in Counter(beside).items():
                if times > 1:
                    problems.append(f"{action}: {message!r} shown {times} times on the page (each field needs its own words)")
            for message in beside:
                if message not in summary:
                    problems.append(f"{action}: {message!r} beside a field but not in the summary")
    assert forms_checked >= 25, forms_checked
    assert not problems, "\n".join(problems)
