"""A team with a year of activity, for measures' tests: `measured_team(size)`."""

import datetime

from django.utils import timezone

from learning.models import Framework, Rating, SelfAssessment
from learning.tests.factories import load_content, make_log
from people.models import Role
from people.tests.factories import TeamFactory, make_person
from supervision.models import ActionStatus, SessionStatus
from supervision.tests.factories import (
    ActionFactory,
    AgreementFactory,
    PeerGroupFactory,
    PeerSessionFactory,
    SessionFactory,
)


def assess(owner, framework, on, value):
    """A self-assessment rating every statement of the framework at `value`."""
    assessment = SelfAssessment.objects.create(owner=owner, framework=framework, assessed_on=on)
    statements = [s for d in framework.domains.all() for s in d.statements.all()]
    Rating.objects.bulk_create(Rating(assessment=assessment, statement=s, value=value) for s in statements)
    return assessment


def measured_team(size, name="Measured team", supervisor=None):
    """`size` workers, each assessed at 2 then 4 on the PCF this year, with a log, a held and signed-off
    one-to-one session, an action done on time, an agreement, and one peer session all attended."""
    load_content()
    today = timezone.localdate()
    team = TeamFactory(name=name)
    supervisor = supervisor or make_person(Role.SUPERVISOR, team)
    pcf = Framework.objects.get(slug="pcf")
    workers = []
    for i in range(size):
        worker = make_person(Role.WORKER, team, first_name=f"Named{i}", last_name="Worker")
        assess(worker, pcf, today - datetime.timedelta(days=300), 2)
        assess(worker, pcf, today - datetime.timedelta(days=10), 4)
        make_log(worker, title=f"Private reflection {i}", occurred_on=today - datetime.timedelta(days=20))
        AgreementFactory(supervisor=supervisor, supervisee=worker, starts_on=today - datetime.timedelta(days=200))
        session = SessionFactory(supervisor=supervisor, supervisees=[worker],
                                 starts_at=timezone.now() - datetime.timedelta(days=30),
                                 status=SessionStatus.SIGNED_OFF, locked_at=timezone.now() - datetime.timedelta(days=27))
        ActionFactory(session=session, owner=worker, due_on=today - datetime.timedelta(days=5),
                      status=ActionStatus.DONE, closed_at=timezone.now() - datetime.timedelta(days=8))
        workers.append(worker)
    group = PeerGroupFactory(team=team, members=workers)
    PeerSessionFactory(group=group, attendees=workers, held_on=today - datetime.timedelta(days=40), length_minutes=90)
    return team, workers
