"""The background worker for real: `manage.py db_worker` started as a process against the test
database on PostgreSQL. A session tomorrow is reminded by the worker's own schedule; a worker killed
mid-task has the task run again with the reminder sent once; two workers apply each pending search
index update exactly once."""

import datetime
import email
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from conftest import require_service

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def on_postgres():
    require_service("PostgreSQL", connection.vendor == "postgresql", "DATABASE_URL does not point at PostgreSQL")


@pytest.fixture
def tasks_for_the_worker(settings):
    """This process queues tasks as the site does (the database backend), for the worker to run:
    under the tests' default backend the test process would run them itself, sending tomorrow's
    reminders before the worker starts (a session booked for tomorrow queues the reminder run)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def mail_dir(tmp_path):
    folder = tmp_path / "mail"
    folder.mkdir()
    return folder


def start_worker(mail_dir, *extra, pause=0, extra_env=None):
    """A db_worker process on the test database (what `scripts/run` starts beside the site)."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "practice_commons.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "TEST_EMAIL_BACKEND": "tests.worker_mail.EmailBackend",
        "WORKER_MAIL_DIR": str(mail_dir),
        "WORKER_MAIL_PAUSE": str(pause),
        "WORKER_STALE_SECONDS": "3",
        "ELASTICSEARCH_URL": "",
        "SITE_URL": "https://practice.council.example",
        **(extra_env or {}),
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2", *extra],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"Timed out waiting for {what}")


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.stdout.read() if process.stdout else ""


def mails(mail_dir):
    return [email.message_from_bytes(p.read_bytes()) for p in sorted(mail_dir.glob("*.eml"))]


def session_tomorrow(people):
    from supervision import services
    from supervision.tests.factories import template

    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return services.schedule_session(
        supervisor=people["supervisor"], supervisees=[people["worker"]], template=template(),
        starts_at=timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(10, 0))),
        length_minutes=60, send_invitations=False,
    )


def test_the_worker_sends_tomorrows_session_reminder_by_itself(on_postgres, tasks_for_the_worker, people, mail_dir):
    session = session_tomorrow(people)
    assert mail.outbox == []  # queued for the worker, not sent by the booking's own process
    worker = start_worker(mail_dir)
    try:
        wait_for(lambda: len(mails(mail_dir)) >= 2, 90, "the reminder emails")
        time.sleep(1)
    finally:
        output = stop(worker)
    sent = mails(mail_dir)
    assert sorted(m["To"] for m in sent) == sorted([people["supervisor"].email, people["worker"].email]), output
    assert all(m["Subject"] == "Supervision tomorrow at 10:00" for m in sent)
    body = sent[0].get_payload(decode=True).decode()
    assert f"https://practice.council.example{session.get_absolute_url()}" in body


def test_a_worker_killed_mid_task_runs_it_again_and_sends_each_reminder_once(
    on_postgres, tasks_for_the_worker, people, mail_dir
):
    from core.models import SentReminder

    session_tomorrow(people)
    first = start_worker(mail_dir, pause=60)
    try:
        wait_for(lambda: (mail_dir / "sending").exists(), 90, "the first reminder to be on its way")
        first.send_signal(signal.SIGKILL)  # no goodbye: its task is left marked as running
        first.wait(timeout=10)
    finally:
        stop(first)
    assert mails(mail_dir) == [] and SentReminder.objects.count() == 0  # nothing half-done
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    killed = DBTaskResult.objects.get(status=TaskResultStatus.RUNNING)

    second = start_worker(mail_dir)
    try:
        wait_for(lambda: len(mails(mail_dir)) >= 2, 90, "the reminders to be sent")
        # The schedule may send them first; the killed task must still be queued again and finish.
        wait_for(
            lambda: DBTaskResult.objects.get(pk=killed.pk).status == TaskResultStatus.SUCCESSFUL, 90,
            "the killed task to run again",
        )
        time.sleep(2)  # room for any duplicate to show itself
    finally:
        output = stop(second)
    assert len(mails(mail_dir)) == 2, output
    assert SentReminder.objects.filter(kind="session_tomorrow").count() == 2
    assert "queued again" in output


def test_two_workers_apply_each_pending_index_update_exactly_once(on_postgres, mail_dir):
    from django_tasks_db.models import DBTaskResult

    from core.models import WorkerHeartbeat
    from search.engine.models import PendingIndexUpdate
    from search.engine.tasks import apply_index_updates

    ids = [str(uuid.uuid4()) for _ in range(300)]
    PendingIndexUpdate.objects.bulk_create([PendingIndexUpdate(service_id=i) for i in ids])
    # Both workers are polling before the queue fills: on a busy machine one started after the
    # other would otherwise find the queue already drained, and the race would not be tested.
    workers = [start_worker(mail_dir) for _ in range(2)]
    try:
        wait_for(lambda: WorkerHeartbeat.objects.count() == 2, 120, "both workers to start")
        time.sleep(1)  # the heartbeat comes first; the task loop starts just after it
        from django.test import override_settings

        # Overlapping batches, so both workers reach for the same rows at once.
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            for start in range(0, 300, 5):
                apply_index_updates.enqueue(ids[start:start + 25])
        wait_for(
            lambda: not DBTaskResult.objects.filter(
                task_path__startswith="search.engine.tasks.", status__in=["READY", "RUNNING"]
            ).exists(),
            180,
            "the queue to drain",
        )
    finally:
        outputs = [stop(w) for w in workers]
    assert not PendingIndexUpdate.objects.exists(), outputs
    results = DBTaskResult.objects.filter(task_path__startswith="search.engine.tasks.")
    assert all(r.status == "SUCCESSFUL" for r in results), outputs
    assert sum(r.return_value["rows"] for r in results) == 300  # each row applied once, by one worker
    assert len({w for r in results for w in r.worker_ids}) == 2  # both workers took part
