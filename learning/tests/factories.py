"""Factories for learning's tests."""

import datetime
import functools

from learning import content, record, services
from learning.models import FrameworkStatement, LogStatus, ReflectiveTemplate


@functools.cache
def _shipped_content():
    frameworks = content._read("frameworks.json")["frameworks"]
    statements = {(f["slug"], d["code"], s["code"]) for f in frameworks for d in f["domains"] for s in d["statements"]}
    return statements, {t["slug"] for t in content._read("reflective_templates.json")}


def load_content():
    """The shipped frameworks and templates. Two queries when they are already there: loading
    checks each statement one by one, and make_log asks for them every time."""
    statements, templates = _shipped_content()
    if statements <= set(FrameworkStatement.objects.values_list("domain__framework__slug", "domain__code", "code")) \
            and templates <= set(ReflectiveTemplate.objects.values_list("slug", flat=True)):
        return
    content.load_all()


def make_log(owner, slug="gibbs-reflective-cycle", complete=True, answers=None, **fields):
    load_content()
    template = ReflectiveTemplate.objects.get(slug=slug)
    log = services.create_log(owner, template)
    log.title = fields.pop("title", "A home visit")
    log.answers = answers or {p["key"]: f"Answer to {p['heading']}" for p in log.prompts if p["answer_type"] == "long_text"}
    for k, v in fields.items():
        setattr(log, k, v)
    if complete:
        log.status = LogStatus.COMPLETE
    services.save_log(log, user=owner, complete=complete or None)
    return log


def add_entries(owner, n, start=datetime.date(2025, 1, 1), statement_ids=()):
    for i in range(n):
        record.contribute(owner=owner, source="test", source_key=str(i), kind="course", title=f"Course {i}",
                          occurred_on=start - datetime.timedelta(days=i % 700), hours=1,
                          statement_ids=statement_ids, counts_as_cpd=i % 3 == 0)
