"""Running a search: understand the query once (query.py), then ask Elasticsearch or the database."""

from __future__ import annotations

import logging
import time as clock

from . import Proximity, SearchResults, ServiceQuery, es, text
from .query import Criteria, understand
from .scoring import METRES_PER_MILE
from .vocabulary import expansion_labels, with_glossary

log = logging.getLogger(__name__)


class DirectoryWords:
    """The listed services' written words (the database's word list, which both backends keep in
    step), for mending misspelt words (query.mended_words). What was found for a word is kept
    as long as ranking keeps its word counts: a misspelling is looked up once a minute at most."""

    def entries(self, words) -> dict[str, int]:
        from . import ranking
        from .models import SearchWord

        return ranking.word_entries(words, SearchWord.Kind.SPELLING)

    def variants(self, words) -> dict[str, list]:
        from . import db_backend
        from .models import SearchWord

        now = clock.monotonic()
        if now - _variants["at"] > 60:
            _variants.update(at=now, found={})
        found = _variants["found"]
        missing = [w for w in words if w not in found]
        if missing:
            if len(found) > 2_000:
                found.clear()
            found.update(dict.fromkeys(missing, []))
            found.update(db_backend.vocabulary.variants(missing, SearchWord.Kind.SPELLING))
        return {w: found[w] for w in words}


_variants: dict = {"at": 0.0, "found": {}}
directory_words = DirectoryWords()


def search_services(query: ServiceQuery) -> SearchResults:
    started = clock.perf_counter()
    criteria = understand(query, directory_words)
    # Reading never writes: the worker applies waiting index updates (search.engine.tasks).
    reason = None
    if es.configured():
        if es.breaker.is_open():
            reason = f"Elasticsearch is unavailable ({es.breaker.reason})"
        else:
            from . import es_backend

            try:
                results = es_backend.search(criteria)
            except (es.IndexMissing, *es.UNAVAILABLE) as error:
                if es.is_outage(error):
                    es.breaker.trip(error)
                    reason = f"Elasticsearch is unavailable ({es.describe(error)})"
                else:  # a query it refused: answer from the database, but it is not an outage
                    log.exception("Elasticsearch refused a search")
                    reason = f"Elasticsearch could not run this search ({es.describe(error)})"
            else:
                return _finish(results, criteria)
    from . import db_backend

    results = db_backend.search(criteria)
    results.fallback_reason = reason
    results.took_ms = (clock.perf_counter() - started) * 1000
    return _finish(results, criteria)


def _finish(results: SearchResults, criteria: Criteria) -> SearchResults:
    results.place_label = criteria.place.label if criteria.place else None
    results.age_from_text = criteria.prepared.age
    results.ages_from_text = criteria.age_words
    results.ages_order_only = criteria.group_ages is not None
    results.place_from_text = criteria.place_from_text
    results.radius_miles = round(criteria.radius_m / METRES_PER_MILE, 1) if criteria.radius_m else None
    results.expansions = expansion_labels(criteria.prepared, criteria.glossary)
    if criteria.place is not None:
        place = criteria.place
        results.proximity = Proximity(
            label=place.label,
            latitude=place.latitude,
            longitude=place.longitude,
            area_codes=frozenset(place.area_codes),
            radius_m=criteria.radius_m,
        )
    return results


def suggest(prefix: str, limit: int = 8) -> list[str]:
    prefix = (prefix or "").strip()[:100]
    if len(text.fold(prefix).strip()) < 2:
        return []
    limit = max(1, min(int(limit), 20))
    found: list[str] = []
    if es.configured() and not es.breaker.is_open():
        from . import es_backend

        try:
            found = es_backend.suggest(prefix, limit)
        except (es.IndexMissing, *es.UNAVAILABLE) as error:
            if es.is_outage(error):
                es.breaker.trip(error)
            found = []
        else:
            return with_glossary(prefix, found, limit)
    from . import db_backend

    return with_glossary(prefix, db_backend.suggest(prefix, limit), limit)
