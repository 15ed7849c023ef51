"""A PostgreSQL cluster of a test's own, on a free loopback port, to stop and start at will.

The fault tests restart PostgreSQL under a running site. Restarting the machine's shared server
would break every other test (and person) using it, so the test copies its database into a
cluster nobody else knows about and restarts that one. PostgreSQL refuses to run as root: as
root the cluster belongs to the `postgres` system user (Debian's package creates it).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

USER = "practice_commons"


def bin_dir() -> Path:
    """The newest PostgreSQL's programs (Debian keeps initdb and pg_ctl off PATH)."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if versions:
        return versions[-1]
    found = shutil.which("initdb")
    if not found:
        raise RuntimeError("initdb not found: install PostgreSQL (Debian: postgresql)")
    return Path(found).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrivatePostgres:
    def __init__(self):
        self.bin = bin_dir()
        self.port = free_port()
        # Not under pytest's tmp_path: as root that is private to root, and the server runs as postgres.
        self.folder = Path(tempfile.mkdtemp(prefix="pc-private-postgres-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.folder, "postgres", "postgres")

    def _run(self, program, *args):
        command = [str(self.bin / program), *args]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)

    def create(self):
        # Trust on loopback only: a throwaway cluster for one test, its port known to this test alone.
        self._run("initdb", "-D", str(self.data), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync")
        self.start()
        return self

    def start(self):
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
        )
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start")

    def stop(self):
        """A fast shutdown, as for patching: open sessions are ended, open transactions rolled back."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop")

    def url(self, database):
        return f"postgres://{USER}:unused@127.0.0.1:{self.port}/{database}"

    def copy_database(self, source_url, name):
        """A new database `name` holding what the database at source_url holds now."""
        dump = self.folder / "copy.dump"
        subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--no-acl", "-f", str(dump), source_url],
                       check=True, capture_output=True, timeout=300)
        subprocess.run([str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", USER, name],
                       check=True, capture_output=True, timeout=60)
        subprocess.run(["pg_restore", "--no-owner", "--no-acl", "-d", self.url(name), str(dump)],
                       check=True, capture_output=True, timeout=300)
        return self.url(name)

    def destroy(self):
        try:
            self.stop()
        except (subprocess.SubprocessError, OSError):
            pass
        deadline = time.monotonic() + 10
        while (self.data / "postmaster.pid").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        shutil.rmtree(self.folder, ignore_errors=True)
