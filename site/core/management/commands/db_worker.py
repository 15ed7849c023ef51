"""`manage.py db_worker`: django-tasks-db's worker, plus a heartbeat thread that rescues tasks of
dead workers and queues the schedule (core.worker). Start one or more beside the site."""

import logging
import os
import threading

from django.db import close_old_connections, connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from core import worker

log = logging.getLogger("core.worker")


class Command(DatabaseWorkerCommand):
    help = "Run background tasks (search index updates, emails, reminders, retention, exports) and the schedule."

    def handle(self, *args, worker_id, **options):
        if options.get("reload") and not options.get("batch") and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            return super().handle(*args, worker_id=worker_id, **options)  # the reloader: its child beats
        stopping = threading.Event()

        def housekeeping():
            while not stopping.is_set():
                try:
                    worker.tick(worker_id)
                except Exception:  # the database restarting: try again next beat
                    log.exception("Worker housekeeping failed; trying again")
                    close_old_connections()
                stopping.wait(worker.HEARTBEAT_SECONDS)
            connection.close()

        thread = threading.Thread(target=housekeeping, name="worker-heartbeat", daemon=True)
        thread.start()
        try:
            super().handle(*args, worker_id=worker_id, **options)
        finally:
            stopping.set()
            thread.join(timeout=worker.HEARTBEAT_SECONDS + 5)
            try:
                worker.stop(worker_id)
            except Exception:
                log.exception("Could not remove the worker's heartbeat")
