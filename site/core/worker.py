"""The background worker's housekeeping: a heartbeat, tasks rescued from dead workers, the schedule.

`manage.py db_worker` (core's, wrapping django-tasks-db's) runs `tick()` on a thread every
HEARTBEAT_SECONDS beside the task loop. Each tick:

- writes this worker's heartbeat (`worker_alive()` answers health checks);
- puts back in the queue any task still marked running by a worker silent for STALE_SECONDS
  (killed, or its machine lost): the task runs again, so every task must do no harm twice;
  after MAX_ATTEMPTS it is marked failed instead, so a task that kills its worker cannot loop;
- queues each scheduled job once per period. Apps declare jobs in `<app>/tasks.py` as
  `SCHEDULE = {"job name": (every_seconds, task)}`; a unique (job, period) row means two workers
  (or two machines) never queue the same run twice.
"""

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .app_hooks import app_modules
from .models import ScheduledRun, WorkerHeartbeat

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 5
STALE_SECONDS = settings.WORKER_STALE_SECONDS
MAX_ATTEMPTS = 5


def beat(worker_id, now=None):
    now = now or timezone.now()
    updated = WorkerHeartbeat.objects.filter(worker_id=worker_id).update(seen_at=now)
    if not updated:
        WorkerHeartbeat.objects.get_or_create(worker_id=worker_id, defaults={"started_at": now, "seen_at": now})


def stop(worker_id):
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def last_heartbeat():
    """When a worker last said it was alive (None: no worker has run)."""
    return WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True).first()


def worker_alive(now=None):
    """Whether some worker has beaten within STALE_SECONDS (for /healthz)."""
    seen = last_heartbeat()
    return bool(seen and (now or timezone.now()) - seen < datetime.timedelta(seconds=STALE_SECONDS))


def rescue_stale_tasks(now=None):
    """Queue again the tasks held by workers that stopped beating; return how many."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    alive = set(
        WorkerHeartbeat.objects.filter(seen_at__gte=now - datetime.timedelta(seconds=STALE_SECONDS)).values_list(
            "worker_id", flat=True
        )
    )
    rescued = 0
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
            status=TaskResultStatus.RUNNING, started_at__lt=now - datetime.timedelta(seconds=STALE_SECONDS)
        )
        for task in running:
            if task.worker_ids and task.worker_ids[-1] in alive:
                continue
            if len(task.worker_ids) >= MAX_ATTEMPTS:
                task.status = TaskResultStatus.FAILED
                task.finished_at = now
                task.exception_class_path = "core.worker.WorkerLost"
                task.traceback = f"The worker stopped during each of {len(task.worker_ids)} attempts."
                task.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
                log.error("Task %s %s failed: its worker died %s times", task.id, task.task_path, len(task.worker_ids))
                continue
            task.status = TaskResultStatus.READY
            task.save(update_fields=["status"])
            log.warning("Task %s %s queued again: worker %s stopped", task.id, task.task_path, task.worker_ids[-1:])
            rescued += 1
    WorkerHeartbeat.objects.filter(seen_at__lt=now - datetime.timedelta(days=1)).delete()
    return rescued


def schedule():
    """{job name: (every_seconds, task)} from every app's tasks module."""
    jobs = {}
    for _config, module in app_modules("tasks"):
        jobs.update(getattr(module, "SCHEDULE", {}))
    return jobs


def queue_scheduled(now=None):
    """Queue each scheduled job whose period has begun and was not queued yet; return their names."""
    now = now or timezone.now()
    queued = []
    for job, (every, task) in schedule().items():
        period = str(int(now.timestamp()) // every)
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(job=job, period=period)
                task.enqueue()
        except IntegrityError:
            continue  # another worker queued this run
        queued.append(job)
    ScheduledRun.objects.filter(queued_at__lt=now - datetime.timedelta(days=7)).delete()
    return queued


def tick(worker_id):
    """One round of housekeeping (the worker's heartbeat thread)."""
    beat(worker_id)
    rescue_stale_tasks()
    queue_scheduled()
