"""Sentence embeddings from WordLlama's small model, whose weights ship inside its PyPI wheel.

Nothing is downloaded: the loader is pointed at the files in the installed package (its own
lookup expects the tokenizer in a folder named differently from the one the wheel installs) and
downloads are switched off. The model loads once per process (about a second) and embeds a few
dozen short texts in milliseconds. Without the package or its files, ranking goes on without
meaning, and says so once in the log.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

log = logging.getLogger(__name__)

CONFIG = "l2_supercat"
DIMENSIONS = 256
DESCRIPTION_CHARACTERS = 300  # the opening of a description says what the service is

# Services' texts come back query after query: their vectors are kept (20,000 x 1 KB at most).
CACHED_TEXTS = 20_000
_vectors: dict = {}

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


def similarities(query_text: str, texts: list[str]):
    """Cosine similarity of the query to each text (a numpy array), or None without the model."""
    found = model()
    if found is None or not texts:
        return None
    import numpy as np

    # A local copy: another thread may clear the shared cache meanwhile.
    vectors = {t: _vectors.get(t) for t in [query_text, *texts]}
    missing = [t for t, vector in vectors.items() if vector is None]
    if missing:
        embedded = dict(zip(missing, found.embed(missing, norm=True), strict=True))
        vectors.update(embedded)
        if len(_vectors) + len(missing) > CACHED_TEXTS:
            _vectors.clear()
        _vectors.update(embedded)
    query = vectors[query_text]
    return np.asarray([float(vectors[t] @ query) for t in texts])
