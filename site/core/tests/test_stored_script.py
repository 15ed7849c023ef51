"""Text edited in the admin (guidance, statement summaries, directory data) reaches workers' pages
as text, never as markup: a script typed into a template cannot run in every worker's browser."""

import pytest
from django.urls import reverse

from learning.models import FrameworkStatement, ReflectiveTemplate
from learning.tests.factories import load_content, make_log
from supervision.models import SupervisionTemplate
from supervision.tests.factories import SessionFactory, template

SCRIPT = '<script>alert("stored")</script><img src=x onerror="alert(1)">'


def assert_escaped(response, shown=True):
    body = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in body and "<img src=x" not in body
    if shown:
        assert "&lt;script&gt;alert(&quot;stored&quot;)&lt;/script&gt;" in body, "the text is still shown, as text"


@pytest.fixture
def content(db):
    load_content()


def test_reflective_prompt_guidance_is_shown_as_text(people, client_for, content):
    template = ReflectiveTemplate.objects.get(slug="gibbs-reflective-cycle")
    prompts = list(template.prompts.raw_data)
    prompts[0]["value"]["guidance"] = SCRIPT
    template.prompts = prompts
    template.save()
    log = make_log(people["worker"], complete=False)
    assert_escaped(client_for(people["worker"]).get(reverse("learning:log-edit", args=[log.pk])))


def test_framework_statement_summary_is_shown_as_text(people, client_for, content):
    statement = FrameworkStatement.objects.select_related("domain__framework").first()
    statement.summary = SCRIPT
    statement.save()
    url = reverse("learning:assessment-create", args=[statement.domain.framework.slug])
    assert_escaped(client_for(people["worker"]).get(url))


def test_supervision_prompt_guidance_is_shown_as_text(people, client_for, db):
    session = SessionFactory(supervisor=people["supervisor"], supervisees=[people["worker"]])
    snapshot = session.template_snapshot
    snapshot["sections"][0]["guidance"] = SCRIPT
    snapshot["sections"][0]["prompts"][0]["guidance"] = SCRIPT
    session.template_snapshot = snapshot
    session.save()
    for who in ("supervisor", "worker"):
        assert_escaped(client_for(people[who]).get(reverse("supervision:session-notes", args=[session.pk])))
        assert_escaped(client_for(people[who]).get(reverse("supervision:session-detail", args=[session.pk])), shown=False)


def test_supervision_template_guidance_from_the_admin_reaches_sessions_as_text(people, client_for, db):
    tmpl = template()
    sections = list(tmpl.sections.raw_data)
    sections[0]["value"]["prompts"][0]["guidance"] = SCRIPT
    tmpl.sections = sections
    tmpl.save()
    session = SessionFactory(
        supervisor=people["supervisor"], supervisees=[people["worker"]],
        template_snapshot=SupervisionTemplate.objects.get(pk=tmpl.pk).snapshot(),
    )
    assert_escaped(client_for(people["worker"]).get(reverse("supervision:session-notes", args=[session.pk])))
