"""Starting the site under gunicorn on loopback: for `bench_load` and the several-process tests.

Each server is its own gunicorn master with its own workers, as two machines behind a load
balancer would be; they share only what the settings point them at (database, cache, search).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class AppServer:
    port: int
    process: subprocess.Popen
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_tail(self, lines=40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self, timeout=15):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def start(
    *,
    env: dict,
    log_path: Path,
    port: int | None = None,
    workers: int = 2,
    threads: int = 4,
    settings_module: str = "practice_commons.settings.dev",
    timeout: float = 60,
) -> AppServer:
    """Start gunicorn for this checkout on 127.0.0.1 and wait until it answers /healthz."""
    port = port or free_port()
    root = Path(settings.REPO_ROOT)
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module, "DEBUG": "false", **env}
    environment["PYTHONPATH"] = os.pathsep.join([str(root / "site"), str(root)])
    command = [
        sys.executable, "-m", "gunicorn", "practice_commons.wsgi:application",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads),
        "--chdir", str(root), "--timeout", "60", "--graceful-timeout", "5", "--log-level", "warning",
    ]  # fmt: skip
    log = open(log_path, "ab")  # noqa: SIM115 - gunicorn writes to it while it runs
    process = subprocess.Popen(command, env=environment, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    log.close()
    server = AppServer(port, process, log_path)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn on port {port} stopped while starting:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(f"{server.url}/healthz", timeout=5):
                return server
        except urllib.error.HTTPError:
            return server  # it answers (503: something it depends on is down, but it is up)
        except OSError:
            time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"gunicorn on port {port} did not answer within {timeout:.0f} s:\n{server.log_tail()}")
