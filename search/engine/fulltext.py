"""The database's own full-text index of the search entries, for the database fallback.

PostgreSQL: a generated `search_vector` column (tsvector, 'simple' configuration: the words are
already prepared by text.py) with a weight class per field, copied with the filter columns to
the narrow match rows (`SearchEntryMatch`, GIN-indexed) that searches read, and a trigram
(pg_trgm) index on the word list for typo tolerance. The column is not a model field: PostgreSQL
computes it on every write, so no write path has to remember it.

SQLite: an FTS5 table over the entries' prepared words (external content, kept in step by
triggers), ranked with bm25(). A table rebuild by a later migration drops the triggers; until
`directory_index --rebuild` installs them again, `kind()` says so and searches take the plain path.
"""

from __future__ import annotations

from .documents import FIELD_WEIGHTS

ENTRY_TABLE = "search_engine_searchentry"
MATCH_TABLE = "search_engine_searchentrymatch"  # PostgreSQL: the narrow rows searches read (models.SearchEntryMatch)
LOCATION_TABLE = "search_engine_searchentrylocation"
FACET_TABLE = "search_engine_searchentryfacet"
FTS_TABLE = "search_engine_searchentry_fts"
FIELDS = list(FIELD_WEIGHTS)
# PostgreSQL has four weight classes; the two lightest fields share the last one.
WEIGHT_CLASSES = {"name_terms": "A", "taxonomy_terms": "B", "organisation_terms": "C", "description_terms": "D", "place_terms": "D"}


def _vector_sql() -> str:
    by_class: dict[str, list[str]] = {}
    for name in FIELDS:
        by_class.setdefault(WEIGHT_CLASSES[name], []).append(f"coalesce({name}, '')")
    joiner = " || ' ' || "
    parts = [f"setweight(to_tsvector('simple'::regconfig, {joiner.join(cols)}), '{cls}')" for cls, cols in sorted(by_class.items())]
    return " || ".join(parts)


def rank_weights() -> list[float]:
    """ts_rank's weights for classes D, C, B, A (at most 1 each), from FIELD_WEIGHTS."""
    top = max(FIELD_WEIGHTS.values())
    return [max(FIELD_WEIGHTS[f] for f in FIELDS if WEIGHT_CLASSES[f] == cls) / top for cls in "DCBA"]


def install(connection) -> None:
    """Create the full-text index for this database (nothing on other databases or SQLite without FTS5)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {ENTRY_TABLE} ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS ({_vector_sql()}) STORED")
            # Searches read the vector from the narrow match rows (copied from this column).
            cursor.execute("DROP INDEX IF EXISTS search_entry_vector")
            if MATCH_TABLE in connection.introspection.table_names(cursor):
                install_matches(cursor)
            cursor.execute("CREATE INDEX IF NOT EXISTS search_word_trigram ON search_engine_searchword USING gin (word gin_trgm_ops)")
            # Service-name suggestions look for a word inside the name.
            cursor.execute(f"CREATE INDEX IF NOT EXISTS search_entry_name_trigram ON {ENTRY_TABLE} USING gin (name_sort gin_trgm_ops)")
            # A search with a place reads the venues in its bounding box and the entries serving
            # its areas from these indexes alone, without visiting the rows (db_backend.one_pass).
            cursor.execute(f"CREATE INDEX IF NOT EXISTS search_location_box ON {LOCATION_TABLE} (latitude, longitude) INCLUDE (entry_id)")
            cursor.execute(f"CREATE INDEX IF NOT EXISTS search_facet_area ON {FACET_TABLE} (value) INCLUDE (entry_id) WHERE kind = 'area_code'")
        elif connection.vendor == "sqlite" and fts5_available(cursor):
            columns = ", ".join(FIELDS)
            new_values = ", ".join(f"new.{f}" for f in FIELDS)
            old_values = ", ".join(f"old.{f}" for f in FIELDS)
            cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
            cursor.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({columns}, content='{ENTRY_TABLE}', content_rowid='rowid')")
            insert = f"INSERT INTO {FTS_TABLE}(rowid, {columns}) VALUES (new.rowid, {new_values});"
            delete = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {columns}) VALUES ('delete', old.rowid, {old_values});"
            for name, event, body in (("insert", "INSERT", insert), ("delete", "DELETE", delete), ("update", "UPDATE", delete + insert)):
                cursor.execute(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{name}")
                cursor.execute(f"CREATE TRIGGER {FTS_TABLE}_{name} AFTER {event} ON {ENTRY_TABLE} BEGIN {body} END")
            # Entries written before the index existed.
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
            _kinds[_key(connection)] = "fts5"
            return
    _kinds.clear()


def install_matches(cursor) -> None:
    """PostgreSQL: the match rows' own copy of the vector, kept in the row (uncompressed while it
    fits: every rank of a search reads it again), with the GIN index that finds matching entries."""
    cursor.execute(f"ALTER TABLE {MATCH_TABLE} ADD COLUMN IF NOT EXISTS search_vector tsvector")
    # A new number whenever a row is written: the database fallback's facet counts key on it (db_backend.FacetIndex).
    cursor.execute(f"ALTER TABLE {MATCH_TABLE} ADD COLUMN IF NOT EXISTS number bigint GENERATED ALWAYS AS IDENTITY")
    cursor.execute(f"CREATE UNIQUE INDEX IF NOT EXISTS search_match_number ON {MATCH_TABLE} (number)")
    cursor.execute(f"ALTER TABLE {MATCH_TABLE} ALTER COLUMN search_vector SET STORAGE MAIN")
    cursor.execute(f"CREATE INDEX IF NOT EXISTS search_match_vector ON {MATCH_TABLE} USING gin (search_vector)")
    # What a search without words reads of each entry in a radius (tens of thousands of them):
    # from this index alone, not from rows of a kilobyte each.
    cursor.execute(
        f"CREATE UNIQUE INDEX IF NOT EXISTS search_match_listing ON {MATCH_TABLE} (service_id) "
        "INCLUDE (number, is_free, min_age, max_age, name_sort)"
    )


def copy_matches(cursor, ids=None) -> None:
    """PostgreSQL: (re)write the match rows of these entries (all when None) from the entries table."""
    columns = "service_id, name_sort, min_age, max_age, is_free, facet_keys, search_vector"
    where, params = ("WHERE service_id = ANY(%s)", [list(ids)]) if ids is not None else ("", [])
    cursor.execute(f"DELETE FROM {MATCH_TABLE} {where}", params)
    cursor.execute(f"INSERT INTO {MATCH_TABLE} ({columns}) SELECT {columns} FROM {ENTRY_TABLE} {where}", params)


def uninstall(connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for index in ("search_entry_name_trigram", "search_location_box", "search_facet_area", "search_match_listing"):
                cursor.execute(f"DROP INDEX IF EXISTS {index}")
            if MATCH_TABLE in connection.introspection.table_names(cursor):
                cursor.execute(f"ALTER TABLE {MATCH_TABLE} DROP COLUMN IF EXISTS search_vector")
            cursor.execute(f"ALTER TABLE {ENTRY_TABLE} DROP COLUMN IF EXISTS search_vector")
        elif connection.vendor == "sqlite":
            for name in ("insert", "delete", "update"):
                cursor.execute(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{name}")
            cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    _kinds.clear()


def fts5_available(cursor) -> bool:
    cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
    if cursor.fetchone()[0]:
        return True
    try:  # some builds load it without the compile option
        cursor.execute("CREATE VIRTUAL TABLE temp.search_fts5_probe USING fts5(x)")
        cursor.execute("DROP TABLE temp.search_fts5_probe")
        return True
    except Exception:  # noqa: BLE001 - no FTS5 in this SQLite
        return False


_kinds: dict[str, str | None] = {}


def _key(connection) -> str:
    return f"{connection.alias}:{connection.settings_dict.get('NAME')}"


def kind(connection) -> str | None:
    """"postgresql", "fts5", or None (no full-text index here: the plain path)."""
    key = _key(connection)
    if key not in _kinds:
        found = None
        if connection.vendor == "postgresql":
            found = "postgresql"
        elif connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s", [f"{FTS_TABLE}_%"])
                found = "fts5" if cursor.fetchone()[0] == 3 else None
        _kinds[key] = found
    return _kinds[key]


def forget() -> None:
    """Look again next time (after a migration or a rebuild changed the schema)."""
    _kinds.clear()
