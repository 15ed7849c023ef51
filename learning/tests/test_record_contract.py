import datetime

import pytest

from learning import record
from learning.models import RecordEntry


@pytest.mark.django_db
def test_contribute_upserts_and_withdraw_removes(people):
    worker = people["worker"]
    day = datetime.date(2025, 3, 4)
    entry = record.contribute(owner=worker, source="supervision", source_key="session-1", kind="supervision",
                              title="Supervision", occurred_on=day, hours=1.5)
    again = record.contribute(owner=worker, source="supervision", source_key="session-1", kind="peer_session",
                              title="Peer session", occurred_on=day, counts_as_cpd=True,
                              includes_peer_reflection=True)
    assert entry.pk == again.pk
    assert RecordEntry.objects.get().title == "Peer session"
    assert RecordEntry.objects.get().includes_peer_reflection
    record.contribute(owner=people["other_worker"], source="supervision", source_key="session-1",
                      kind="supervision", title="Other", occurred_on=day)
    assert record.withdraw(source="supervision", source_key="session-1", owner=worker) == 1
    assert record.withdraw(source="supervision", source_key="session-1") == 1
    assert not RecordEntry.objects.exists()
