"""Retrieval by meaning: the services nearest in meaning to a search join its best word matches.

The words decide most of what a search finds. A listing that says what was asked in other words
(a search for "AMHP" and a team "assessing people under the Mental Health Act") shares no word
with it, even after the glossary and everyday words, and so was never among the candidates that
meaning reorders (ranking.rerank). Here each backend also fetches the RETRIEVED services nearest
in meaning to the search (the cosine of semantic.py's vectors), with every filter of the search
applied; they join the first matches and are blended as they are (ranking.rerank), a service with
no word of the search counting ranking.RETRIEVED_WEIGHT times its meaning alone.

Both backends take the nearest from every entry's vector (`SearchEntry.meaning`, kept in each
process and scored with numpy: `entry_vectors`), the nearest SHORTLIST then checked against the
search's filters: by the database in SQL, by Elasticsearch with an `ids` filter beside the
search's own filters, in one request.
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


def could_apply(criteria) -> bool:
    """Whether this search would retrieve by meaning should its words find a few services."""
    return (
        RETRIEVED > 0
        and ranking.on("semantic")
        and ranking.on("retrieval")
        and criteria.sort == "relevance"
        and not criteria.prepared.is_empty
        and criteria.offset < ranking.RESCORED + RETRIEVED
    )


def applies(criteria, matched: int) -> bool:
    """Whether this search retrieves by meaning: a search in words, ranked by relevance, whose
    words found at least one service and fewer than ranking.RESCORED (all of them then among the
    first matches that meaning reorders, so those that join are the only ones sharing no word,
    and every page of the search, and its total, count them alike). A search matching more has
    enough to show; one matching nothing says so, and offers "did you mean"."""
    return 0 < matched < ranking.RESCORED and could_apply(criteria)


def query_vector(criteria):
    """The search's vector (its words with their expansions, as the model reads them), or None."""
    found = semantic.model()
    if found is None:
        return None
    return semantic.query_vector(ranking.semantic_query_text(criteria))


def quantized(vector):
    """A vector as 256 signed bytes (the largest component at +-127), the form the nearest are
    found in: a quarter of the memory of float32 kept, the cosine barely moved."""
    import numpy as np

    vector = np.asarray(vector, dtype=np.float32)
    largest = float(np.abs(vector).max()) or 1.0
    return np.round(vector * (127.0 / largest)).astype(np.int8)


# ---- Every entry's vector in this process ---------------------------------------------------------
#
# Both backends find the nearest here, then keep those passing the search's filters (the database
# in SQL, Elasticsearch with an `ids` filter beside the search's own): the same shortlist, so the
# same services join on both. 256 float32 numbers an entry (1 KB: 94 MB at 100,000 services, read
# from the entries once per process: about 3 s of CPU at 100,000), scored with one matrix product
# (about 15 ms of CPU at 100,000 under load). Half precision or the bytes themselves would take a
# half or a quarter of the memory, but numpy multiplies them several times slower; Elasticsearch's
# own `knn` took 130-260 ms at 100,000 on a flat index and its HNSW graph 145 s to build (README).
# The entries written since the last look are read again at most every minute, and at once after
# this process writes entries; an entry removed since stays in the matrix, harmless: the nearest
# are checked against the search's filters before use.
SHORTLIST = 500
# Up to this many entries the nearest cost well under a millisecond to find (one matrix product), so
# a search finds them before it knows how many services its words match and asks Elasticsearch for
# both in one round trip (es_backend.search): on a council's few thousand services, a second
# request would cost more than the words' search itself.
AHEAD_UP_TO = 5000
REFRESH_SECONDS = 60
LOOK_BACK = timedelta(seconds=60)


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
        # The bytes of each (quantized), compared by cosine.
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

    def __len__(self):
        return len(self._current()[0])

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

