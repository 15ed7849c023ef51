import pytest


class FakeRecord:
    """Stands in for learning.record, keeping every contribution made."""

    def __init__(self):
        self.entries = {}

    def contribute(self, *, owner, source, source_key, **fields):
        self.entries[(owner.pk, source, source_key)] = fields

    def withdraw(self, *, source, source_key, owner=None):
        return 0


@pytest.fixture
def fake_record(monkeypatch):
    fake = FakeRecord()
    monkeypatch.setattr("supervision.services.record_api", lambda: fake)
    return fake
