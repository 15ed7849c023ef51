import pytest

from panels.tests.factories import MeetingFactory, PanelFactory, submitted_request
from people.models import Role
from people.tests.factories import make_person


@pytest.fixture
def panel_world(people, team):
    """A panel chaired by a member from another agency, with other_worker as a member.

    The worker (supervised by supervisor) brings a submitted request; an outsider sits on no panel.
    """
    chair = make_person(Role.WORKER, team, email="chair@example.org", first_name="Chris")
    panel = PanelFactory(name="Mental Capacity Act team panel", team=team, chair=chair, members=[people["other_worker"]])
    request_ = submitted_request(panel, people["worker"], people["supervisor"])
    meeting = MeetingFactory(panel=panel)
    outsider = make_person(Role.WORKER, team, email="outsider@example.org")
    return {**people, "chair": chair, "panel": panel, "request": request_, "meeting": meeting, "outsider": outsider}
