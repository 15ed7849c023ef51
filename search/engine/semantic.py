"""Sentence embeddings from WordLlama's small model, whose weights ship inside its PyPI wheel.

Nothing is downloaded: the loader is pointed at the files in the installed package (its own
lookup expects the tokenizer in a folder named differently from the one the wheel installs) and
downloads are switched off. The model loads once per process (about a second) and embeds a few
dozen short texts in milliseconds. Without the package or its files, ranking goes on without
meaning, and says so once in the log.
"""

from __future__ import annotations

import base64
import logging
import threading
from collections import OrderedDict
from pathlib import Path

log = logging.getLogger(__name__)

CONFIG = "l2_supercat"
DIMENSIONS = 256
DESCRIPTION_CHARACTERS = 300  # the opening of a description says what the service is

# Services' texts come back query after query: their vectors are kept (20,000 x 1 KB at most).
# Elasticsearch returns each service's vector with it (worked out when it was indexed), so only the
# database fallback's candidates, and services indexed before vectors were, are embedded here.
CACHED_TEXTS = 20_000
_vectors: dict = {}
# The same searches come back too: their vectors are kept, the most recently used (a search's
# text is its words with their expansions, so a cache by text can never give a wrong vector).
CACHED_QUERIES = 2_000
_queries: OrderedDict = OrderedDict()
# A service's vector is kept in half precision (512 bytes in the index): whether it was worked
# out at indexing or here, it is rounded the same way, so both backends read the same numbers.
STORED_TYPE = "<f2"

_lock = threading.Lock()
_state: dict = {"loaded": False, "model": None}


def model():
    """The WordLlama model, or None when it cannot be loaded here."""
    if _state["loaded"]:
        return _state["model"]
    with _lock:
        if not _state["loaded"]:
            try:
                import wordllama
                from wordllama import WordLlama

                shipped = Path(wordllama.__file__).resolve().parent
                _state["model"] = WordLlama.load(config=CONFIG, dim=DIMENSIONS, cache_dir=shipped, disable_download=True)
            except Exception as error:  # noqa: BLE001 - any failure: rank by words alone
                log.warning("Search ranking without meaning: the WordLlama model could not be loaded (%s)", error)
                _state["model"] = None
            _state["loaded"] = True
    return _state["model"]


def service_text(name: str, description: str) -> str:
    return f"{name}. {(description or '')[:DESCRIPTION_CHARACTERS]}"


def _rounded(vectors):
    import numpy as np

    return np.asarray(vectors, dtype=STORED_TYPE).astype(np.float32)


def encode(vector) -> str:
    """A service's vector as the index keeps it: half precision, base64 (684 characters)."""
    import numpy as np

    return base64.b64encode(np.asarray(vector, dtype=STORED_TYPE).tobytes()).decode("ascii")


def decode(stored: str):
    """The vector `encode` wrote, or None when it is not one (an index from another model)."""
    import numpy as np

    try:
        vector = np.frombuffer(base64.b64decode(stored), dtype=STORED_TYPE)
    except (ValueError, TypeError):
        return None
    return vector.astype(np.float32) if vector.shape == (DIMENSIONS,) else None


def stored_bytes(encoded: str | None) -> bytes | None:
    """The database's copy of an `encode`d vector: its 512 bytes (None stays None)."""
    return base64.b64decode(encoded) if encoded else None


def encode_bytes(stored) -> str:
    """`encode`'s text of a vector kept as bytes by `stored_bytes`."""
    return base64.b64encode(bytes(stored)).decode("ascii")


def service_vectors(texts: list[str]) -> list[str | None]:
    """Each service text's vector, encoded for the index (None for all without the model): worked
    out once when a service is indexed, so a search reads it instead of embedding the text."""
    found = model()
    if found is None or not texts:
        return [None] * len(texts)
    import numpy as np

    halves = np.asarray(found.embed(texts, norm=True), dtype=STORED_TYPE)
    return [base64.b64encode(half.tobytes()).decode("ascii") for half in halves]


def _query_vector(found, query_text: str):
    vector = _queries.get(query_text)
    if vector is None:
        vector = found.embed([query_text], norm=True)[0]
        _queries[query_text] = vector
        if len(_queries) > CACHED_QUERIES:
            _queries.popitem(last=False)
    else:
        try:
            _queries.move_to_end(query_text)
        except KeyError:  # another thread dropped it meanwhile
            pass
    return vector


def query_vector(query_text: str):
    """The query's vector (kept for the last CACHED_QUERIES searches), or None without the model."""
    found = model()
    return None if found is None else _query_vector(found, query_text)


def similarities(query_text: str, texts: list[str], known=None):
    """Cosine similarity of the query to each text (a numpy array), or None without the model.

    `known`: the texts' vectors where the caller has them (from the index; None where not)."""
    found = model()
    if found is None or not texts:
        return None
    import numpy as np

    query = _query_vector(found, query_text)
    # Read once each: another thread may clear the shared cache meanwhile.
    rows = list(known) if known is not None else [None] * len(texts)
    rows = [vector if vector is not None else _vectors.get(t) for t, vector in zip(texts, rows, strict=True)]
    missing = list(dict.fromkeys(t for t, vector in zip(texts, rows, strict=True) if vector is None))
    if missing:
        embedded = dict(zip(missing, _rounded(found.embed(missing, norm=True)), strict=True))
        if len(_vectors) + len(missing) > CACHED_TEXTS:
            _vectors.clear()
        _vectors.update(embedded)
        rows = [vector if vector is not None else embedded[t] for t, vector in zip(texts, rows, strict=True)]
    return np.stack(rows) @ query
