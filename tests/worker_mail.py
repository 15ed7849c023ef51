"""An email backend for the worker's tests: one file per message in WORKER_MAIL_DIR.

With WORKER_MAIL_PAUSE set, the first message ever waits that many seconds before it is delivered
(a slow mail server), after leaving a `sending` file, so a test can kill the worker mid-task."""

import os
import time
import uuid
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, messages):
        folder = Path(os.environ["WORKER_MAIL_DIR"])
        pause = float(os.environ.get("WORKER_MAIL_PAUSE") or 0)
        for message in messages:
            if pause and not (folder / "sending").exists():
                (folder / "sending").write_text("first message on its way")
                time.sleep(pause)
            (folder / f"{uuid.uuid4().hex}.eml").write_bytes(message.message().as_bytes())
        return len(messages)
