"""Reflow at 320 px (WCAG 1.4.10), the part a template decides: every table of ours sits in a
scrolling box of its own, so a wide table never makes the whole page scroll sideways. The browser
journeys measure the rest at 320 px (conftest.assert_no_sideways_scroll)."""

import re

from django.conf import settings

from core.tests.test_headers import served_templates

WRAPPED = re.compile(r'<div class="app-table-wrapper" role="region" aria-label="[^"]+" tabindex="0">\s*<table\b')


def test_every_table_scrolls_inside_its_own_labelled_box():
    unwrapped = []
    for path in served_templates():
        text = path.read_text()
        if text.count("<table") != len(WRAPPED.findall(text)):
            unwrapped.append(str(path.relative_to(settings.REPO_ROOT)))
    assert not unwrapped, "Wrap each <table> in an .app-table-wrapper region:\n" + "\n".join(unwrapped)
