"""Reflow at 320 px (WCAG 1.4.10), the part a template decides: every table of ours sits in a
scrolling box of its own, so a wide table never makes the whole page scroll sideways. The browser
journeys measure the rest at 320 px (conftest.assert_no_sideways_scroll)."""

import re

from django.conf import settings

from core.tests.test_headers import served_templates

# The tag just before each <table: a div with the wrapper class, a region role, a name, tabindex 0.
OPENING = re.compile(r"<div\b([^>]*)>\s*<table\b")


def wrapped_tables(text):
    good = 0
    for match in OPENING.finditer(text):
        attrs = match.group(1)
        if ("app-table-wrapper" in attrs and 'role="region"' in attrs and 'tabindex="0"' in attrs
                and re.search(r'aria-label(ledby)?="[^"]+"', attrs)):
            good += 1
    return good


def test_every_table_scrolls_inside_its_own_labelled_box():
    unwrapped = []
    for path in served_templates():
        text = path.read_text()
        if text.count("<table") != wrapped_tables(text):
            unwrapped.append(str(path.relative_to(settings.REPO_ROOT)))
    assert not unwrapped, (
        "Wrap each <table> in <div class=\"app-table-wrapper\" role=\"region\" aria-label=\"...\" tabindex=\"0\">:\n"
        + "\n".join(unwrapped)
    )
