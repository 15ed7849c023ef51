"""What people expect of an e-portfolio: copy a CPD record field by field, supervisors' comments
kept as a dated history."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from learning import exports, services
from learning.models import AssessmentComment, Framework, FrameworkStatement
from learning.tests.factories import load_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(people):
    load_content()
    framework = Framework.objects.filter(is_active=True).first()
    statement = FrameworkStatement.objects.filter(domain__framework=framework).first()
    return services.record_assessment(people["worker"], framework, ratings={statement: 2}, note="Unsure about law")


def test_each_cpd_record_has_a_copy_button_per_field_in_swe_order(people, client_for):
    load_content()
    services.add_manual_entry(people["worker"], kind="course", title="Mental Capacity Act refresher",
                              occurred_on=timezone.localdate(), hours=3, summary="How to record a best-interests decision.")
    html = client_for(people["worker"]).get(reverse("learning:record")).content.decode()
    headings = [heading for _key, heading in exports.SWE_FORM]
    positions = [html.index(f'<span class="govuk-visually-hidden"> {heading}</span>') for heading in headings]
    assert positions == sorted(positions)  # one Copy button a field, in the form's order
    assert html.count("app-copy-button") == len(headings)
    assert "How to record a best-interests decision." in html
    assert "learning/copy.js" in html


def test_a_supervisor_can_only_read_not_copy(people, client_for):
    load_content()
    services.add_manual_entry(people["worker"], kind="course", title="A course", occurred_on=timezone.localdate(),
                              hours=1, summary="Something")
    html = client_for(people["supervisor"]).get(reverse("learning:record-for", args=[people["worker"].pk])).content.decode()
    assert "app-copy-button" not in html


def test_comments_are_kept_newest_first_with_author_and_date(people, client_for, assessment):
    supervisor = client_for(people["supervisor"])
    url = reverse("learning:assessment-detail", args=[assessment.pk])
    assert supervisor.post(url, {"comment": "Good start on the law."}).status_code == 302
    first = AssessmentComment.objects.get()
    first.created_at -= datetime.timedelta(days=30)
    first.save()
    assert supervisor.post(url, {"comment": "Much more confident now."}).status_code == 302
    html = client_for(people["worker"]).get(url).content.decode()
    assert html.index("Much more confident now.") < html.index("Good start on the law.")
    name = people["supervisor"].get_full_name()
    assert html.count(name) >= 2 and f"{first.created_at:%-d %B %Y}" in html


def test_an_empty_comment_is_refused_beside_the_field(people, client_for, assessment):
    response = client_for(people["supervisor"]).post(reverse("learning:assessment-detail", args=[assessment.pk]), {"comment": ""})
    assert response.status_code == 200 and "Enter your comment" in response.content.decode()
    assert not AssessmentComment.objects.exists()


@pytest.mark.slow  # migrates the database back and forth
@pytest.mark.django_db(transaction=True)
def test_the_old_single_comment_becomes_the_first_of_the_history():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    before = [("learning", "0005_log_version")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    User = old.get_model("people", "User")
    supervisor = User.objects.create(email="old-sup@example.org", first_name="Olive", last_name="Day")
    owner = User.objects.create(email="old-worker@example.org")
    framework = old.get_model("learning", "Framework").objects.create(slug="f-old", name="F", short_name="F")
    when = timezone.now() - datetime.timedelta(days=100)
    old.get_model("learning", "SelfAssessment").objects.create(
        owner=owner, framework=framework, supervisor_comment="Kept from before", comment_by=supervisor, commented_at=when
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())  # this migration, and whatever follows it
    comment = AssessmentComment.objects.get(text="Kept from before")
    assert comment.author_name == "Olive Day" and comment.created_at == when


def _save(client, log, **fields):
    data = {"title": log.title or "A visit", "occurred_on": timezone.localdate().isoformat(),
            "activity_type": "direct_work", "action": "save-keep", "based_on": log.version}
    data.update(fields)
    return client.post(reverse("learning:log-edit", args=[log.pk]), data)


def test_tags_are_added_removed_and_filter_the_list(people, client_for):
    from learning.tests.factories import make_log

    worker = client_for(people["worker"])
    court = make_log(people["worker"], complete=False, title="Court report")
    visit = make_log(people["worker"], complete=False, title="Home visit")
    assert _save(worker, court, tags="court, mental capacity").status_code == 302
    assert _save(worker, visit, tags="home visit").status_code == 302
    assert sorted(court.tags.names()) == ["court", "mental capacity"]
    listing = worker.get(reverse("learning:log-list"), {"tag": "court"}).content.decode()
    assert "Court report" in listing and "Home visit" not in listing
    court.refresh_from_db()
    assert _save(worker, court, tags="mental capacity").status_code == 302
    assert list(court.tags.names()) == ["mental capacity"]
    from learning.models import tags_of

    assert tags_of(people["worker"]) == ["home visit", "mental capacity"]  # "court" no longer offered


def test_tag_suggestions_are_only_your_own(people, client_for):
    from learning.tests.factories import make_log

    mine = make_log(people["worker"], complete=False)
    theirs = make_log(people["other_worker"], complete=False, title="Their visit")
    services.update_log(mine, user=people["worker"], tags=["court"])
    services.update_log(theirs, user=people["other_worker"], tags=["secret-family-name"])
    page = client_for(people["worker"]).get(reverse("learning:log-edit", args=[mine.pk])).content.decode()
    assert "Tags you have used: court" in page and "secret-family-name" not in page
    listing = client_for(people["worker"]).get(reverse("learning:log-list")).content.decode()
    assert "secret-family-name" not in listing
    # Filtering by someone else's tag finds nothing of theirs (and is refused as a choice).
    other = client_for(people["worker"]).get(reverse("learning:log-list"), {"tag": "secret-family-name"})
    assert other.status_code == 200 and theirs.title not in other.content.decode().split("<main")[1]


def test_a_tag_too_long_is_refused_beside_the_field(people, client_for):
    from learning.tests.factories import make_log

    log = make_log(people["worker"], complete=False)
    response = _save(client_for(people["worker"]), log, tags="x" * 60)
    assert response.status_code == 200 and "Tags must be 50 characters or fewer" in response.content.decode()
