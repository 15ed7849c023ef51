"""Backup and restore: a PostgreSQL custom-format dump, the uploaded files, and a manifest.

The manifest lists every table with its row count and a content hash (md5 of its rows in a
fixed order), so a restore can prove it brought back every record, not just "some data".
The search index is not backed up: it is rebuilt from the database after a restore.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

DUMP, MEDIA, MANIFEST = "database.dump", "media.tar.gz", "manifest.json"


class BackupError(Exception):
    pass


def _postgres():
    if connection.vendor != "postgresql":
        raise BackupError("Backups need PostgreSQL (DATABASE_URL=postgres://...); the embedded SQLite file can simply be copied.")
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    args = ["-h", db.get("HOST") or "127.0.0.1", "-p", str(db.get("PORT") or 5432), "-U", db["USER"]]
    return args, env, db["NAME"]


def _file_roots() -> dict[str, Path]:
    """Uploaded files: public media (guidance images, documents) and private evidence files."""
    roots = {"media": Path(settings.MEDIA_ROOT)}
    if getattr(settings, "PRIVATE_MEDIA_ROOT", None):
        roots["private"] = Path(settings.PRIVATE_MEDIA_ROOT)
    return roots


def table_manifest() -> dict[str, dict]:
    """{table: {"rows": n, "hash": md5}} for every table of the database."""
    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM {quoted} t")
            rows, digest = cursor.fetchone()
            tables[table] = {"rows": rows, "hash": digest}
    return tables


def backup(destination: Path) -> dict:
    """Write the dump, the uploaded files and the manifest into `destination` (a new folder)."""
    args, env, name = _postgres()
    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=False)
    # The manifest and the dump read one snapshot (pg_dump --snapshot), so writes made meanwhile
    # by a running site appear in neither, and the counts describe exactly what was dumped.
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        manifest = {"made_at": datetime.now(UTC).isoformat(), "database": name, "tables": table_manifest()}
        dump = ["pg_dump", *args, "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}"]
        subprocess.run([*dump, "-f", str(destination / DUMP), name], env=env, check=True)
    with tarfile.open(destination / MEDIA, "w:gz") as archive:
        for arcname, root in _file_roots().items():
            if root.is_dir():
                archive.add(root, arcname=arcname)
    (destination / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def restore(source: Path) -> list[str]:
    """Restore a backup into this (empty) database and MEDIA_ROOT; return the tables that differ."""
    args, env, name = _postgres()
    source = Path(source)
    manifest = json.loads((source / MANIFEST).read_text())
    with connection.cursor() as cursor:
        existing = connection.introspection.table_names(cursor)
    if existing:
        raise BackupError(f"The database {name} is not empty ({len(existing)} tables): restore into a new, empty database.")
    connection.close()
    subprocess.run(["pg_restore", *args, "--no-owner", "--no-privileges", "--exit-on-error", "-d", name, str(source / DUMP)], env=env, check=True)
    with tarfile.open(source / MEDIA) as archive:
        for arcname, root in _file_roots().items():
            staging = root.parent / f".restore-{root.name}"
            shutil.rmtree(staging, ignore_errors=True)
            archive.extractall(staging, members=[m for m in archive.getmembers() if m.name.split("/")[0] == arcname], filter="data")
            if (staging / arcname).is_dir():
                shutil.copytree(staging / arcname, root, dirs_exist_ok=True)
            shutil.rmtree(staging, ignore_errors=True)
    found = table_manifest()
    return sorted(t for t in set(manifest["tables"]) | set(found) if manifest["tables"].get(t) != found.get(t))
