"""Retrieval by meaning: the services nearest in meaning to a search join its best word matches.

The words decide most of what a search finds. A listing that says what was asked in other words
(a search for "AMHP" and a team "assessing people under the Mental Health Act") shares no word
with it, even after the glossary and everyday words, and so was never among the candidates that
meaning reorders (ranking.rerank). Here each backend also fetches the RETRIEVED services nearest
in meaning to the search (the cosine of semantic.py's vectors), with every filter of the search
applied; they join the first matches and are blended as they are (ranking.rerank), a service with
no word of the search counting ranking.RETRIEVED_WEIGHT times its meaning alone.

Elasticsearch: a `knn` search on the `meaning_vector` field (exact: a flat index, filtered
inside). The database: the vectors of every entry (`SearchEntry.meaning`) kept in each process,
scored with numpy, the nearest SHORTLIST then checked against the search's filters in SQL.
"""

from __future__ import annotations

import os
from datetime import timedelta

from . import ranking, semantic

# How many services nearest in meaning join the first word matches, and how much one sharing no
# word with the search counts (of its meaning's part of the blend). Chosen on the demo set.
RETRIEVED = int(os.environ.get("DIRECTORY_MEANING_RETRIEVED", "10"))
# Below this cosine a service is not near enough in meaning to be shown for words it lacks.
MINIMUM_SIMILARITY = float(os.environ.get("DIRECTORY_MEANING_MINIMUM", "0.2"))


def applies(criteria, matched: int) -> bool:
    """Whether this search retrieves by meaning: a search in words, ranked by relevance, whose
    words found at least one service and fewer than ranking.RESCORED (all of them then among the
    first matches that meaning reorders, so those that join are the only ones sharing no word,
    and every page of the search, and its total, count them alike). A search matching more has
    enough to show; one matching nothing says so, and offers "did you mean"."""
    return (
        RETRIEVED > 0
        and 0 < matched < ranking.RESCORED
        and ranking.on("semantic")
        and ranking.on("retrieval")
        and criteria.sort == "relevance"
        and not criteria.prepared.is_empty
        and criteria.offset < ranking.RESCORED + RETRIEVED
    )


def query_vector(criteria):
    """The search's vector (its words with their expansions, as the model reads them), or None."""
    found = semantic.model()
    if found is None:
        return None
    return semantic.query_vector(ranking.semantic_query_text(criteria))


# ---- The vectors as both backends compare them -----------------------------------------------------
#
# Elasticsearch keeps each vector as 256 signed bytes (`element_type: byte`, sent as hex: a
# quarter of the JSON of 256 numbers) and compares them by cosine; the database compares the same
# bytes the same way, so both find the same nearest services.


def quantized(vector):
    """A vector as 256 signed bytes (the largest component at +-127): cosine keeps its direction."""
    import numpy as np

    vector = np.asarray(vector, dtype=np.float32)
    largest = float(np.abs(vector).max()) or 1.0
    return np.round(vector * (127.0 / largest)).astype(np.int8)


def hex_bytes(vector) -> str:
    """Elasticsearch's form of a byte vector: its bytes in hexadecimal."""
    return quantized(vector).tobytes().hex()


def document_vector(encoded: str | None) -> str | None:
    """A document's `meaning_vector` from its `meaning` (semantic.encode), or None."""
    vector = semantic.decode(encoded) if encoded else None
    return hex_bytes(vector) if vector is not None else None


# ---- The database fallback: every entry's vector in this process ----------------------------------
#
# 256 float32 numbers an entry (1 KB: 94 MB at 100,000 services, read once per process, about a
# second), scored with one matrix product (about 15 ms of CPU at 100,000). Half precision or the
# bytes themselves would take a half or a quarter of the memory, but numpy multiplies them several
# times slower. The entries written since the last look are read again at most every minute, and
# at once after this process writes entries; an entry removed since stays in the matrix, harmless:
# the nearest are checked against the entries in SQL, with the search's filters, before use.
SHORTLIST = 500
REFRESH_SECONDS = 60
LOOK_BACK = timedelta(minutes=10)


class EntryVectors:
    def __init__(self):
        import threading

        self._lock = threading.Lock()
        self._reset()

    def _reset(self):
        import numpy as np

        self.keys: list[str] = []
        self.positions: dict[str, int] = {}
        self.matrix = np.zeros((0, semantic.DIMENSIONS), dtype=np.float32)
        self.read_from = None
        self.checked = 0.0

    def invalidate(self):
        """Read the entries written since, at the next search."""
        self.checked = 0.0

    def forget(self):
        with self._lock:
            self._reset()

    def _current(self):
        import time

        if time.monotonic() - self.checked > REFRESH_SECONDS:
            with self._lock:
                if time.monotonic() - self.checked > REFRESH_SECONDS:
                    self._read()
                    self.checked = time.monotonic()
        return self.keys, self.matrix

    def _read(self):
        import numpy as np

        from .models import SearchEntry

        entries = SearchEntry.objects.filter(meaning__isnull=False)
        if self.read_from is not None:
            entries = entries.filter(updated_at__gte=self.read_from)
        rows = list(entries.values_list("service_id", "meaning", "updated_at"))
        if not rows:
            return
        vectors = np.frombuffer(b"".join(bytes(meaning) for _s, meaning, _u in rows), dtype=semantic.STORED_TYPE)
        vectors = vectors.reshape(len(rows), semantic.DIMENSIONS).astype(np.float32)
        # As Elasticsearch compares them: the bytes of each (quantized), by cosine.
        largest = np.abs(vectors).max(axis=1, keepdims=True)
        largest[largest == 0] = 1.0
        vectors = np.round(vectors * (127.0 / largest))
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        vectors = (vectors / norms).astype(np.float32)
        keys, positions = list(self.keys), dict(self.positions)
        fresh = []
        for number, (sid, _m, _u) in enumerate(rows):
            key = sid.hex
            if key in positions:
                self.matrix[positions[key]] = vectors[number]
            else:
                positions[key] = len(keys)
                keys.append(key)
                fresh.append(number)
        matrix = np.concatenate([self.matrix, vectors[fresh]]) if fresh else self.matrix
        self.keys, self.positions, self.matrix = keys, positions, matrix
        # An entry written by a transaction that began before the newest one read but committed after
        # it carries an earlier time: look back a while every time.
        self.read_from = max(updated for _s, _m, updated in rows) - LOOK_BACK

    def nearest(self, vector, exclude=frozenset(), count=SHORTLIST) -> list[tuple[str, float]]:
        """(entry key as uuid hex, cosine) of the `count` entries nearest to `vector`, nearest first."""
        import numpy as np

        keys, matrix = self._current()
        if not keys or vector is None:
            return []
        query = quantized(vector).astype(np.float32)
        query /= np.linalg.norm(query) or 1.0
        scores = matrix @ query
        wanted = min(len(keys), count + len(exclude))
        top = np.argpartition(-scores, wanted - 1)[:wanted] if wanted < len(keys) else np.arange(len(keys))
        top = top[np.argsort(-scores[top], kind="stable")]
        found = [(keys[i], float(scores[i])) for i in top if keys[i] not in exclude and scores[i] >= MINIMUM_SIMILARITY]
        return found[:count]


entry_vectors = EntryVectors()


def document_vectors(encoded: list[str | None]) -> list[str | None]:
    """`document_vector` of a batch of documents' `meaning`s, worked out together."""
    import base64

    import numpy as np

    held = [number for number, value in enumerate(encoded) if value]
    found: list[str | None] = [None] * len(encoded)
    if not held:
        return found
    raw = b"".join(base64.b64decode(encoded[number]) for number in held)
    vectors = np.frombuffer(raw, dtype=semantic.STORED_TYPE).reshape(len(held), semantic.DIMENSIONS).astype(np.float32)
    largest = np.abs(vectors).max(axis=1, keepdims=True)
    largest[largest == 0] = 1.0
    rows = np.round(vectors * (127.0 / largest)).astype(np.int8)
    for number, row in zip(held, rows, strict=True):
        found[number] = row.tobytes().hex()
    return found
