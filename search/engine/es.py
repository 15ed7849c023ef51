"""Talking to Elasticsearch: the client, the outage breaker, the index and its alias.

Searches read through an alias (`<prefix>-services`) that points at one timestamped index, so a
rebuild fills a new index in the background and swaps the alias in one atomic call.

The analysis settings use only what the minimal server CI runs provides (standard tokenizer,
lowercase and shingle filters): stemming, accent folding and the glossary happen in Python
(`text.py`), so the fields here hold words that are already prepared.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import orjson
from django.conf import settings
from django.core.cache import cache
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch.helpers import BulkIndexError, bulk
from elasticsearch.serializer import NdjsonSerializer, OrjsonSerializer
from elasticsearch_dsl import (
    Binary,
    Boolean,
    Completion,
    Date,
    Document,
    Float,
    GeoPoint,
    Index,
    IntegerRange,
    Keyword,
    MetaField,
    Text,
    analyzer,
    token_filter,
)

log = logging.getLogger(__name__)



class SearchRefused(Exception):
    """One search of a multi-search failed (Elasticsearch answers those inside a 200 response)."""

    def __init__(self, status, error):
        super().__init__(f"{status}: {error}")
        self.status_code = status


# Errors that mean "the engine cannot answer now" (down, timing out, refusing).
UNAVAILABLE = (TransportError, ApiError, ConnectionError, OSError, SearchRefused)

prepared = analyzer("pc_prepared", tokenizer="standard", filter=["lowercase"])
words = analyzer("pc_words", tokenizer="standard", filter=["lowercase"])
shingles = analyzer(
    "pc_shingles",
    tokenizer="standard",
    filter=["lowercase", token_filter("pc_shingle", "shingle", min_shingle_size=2, max_shingle_size=2, output_unigrams=False)],
)



class ServiceDocument(Document):
    """One listed service, as Elasticsearch stores it."""

    service_id = Keyword()
    name = Text(analyzer=words)
    name_sort = Keyword()
    description = Text(index=False)
    organisation = Keyword(index=False, doc_values=False)  # shown, never searched
    town = Keyword(index=False, doc_values=False)  # shown in the results list, never searched
    name_terms = Text(analyzer=prepared, fields={"shingles": Text(analyzer=shingles)})
    taxonomy_terms = Text(analyzer=prepared)
    organisation_terms = Text(analyzer=prepared)
    description_terms = Text(analyzer=prepared)
    place_terms = Text(analyzer=prepared)
    spelling = Text(analyzer=words, index_options="docs", norms=False)  # "did you mean" counts documents only
    min_age = Float()
    max_age = Float()
    is_free = Boolean()
    assured_date = Date()  # last reviewed (ORUK's assured date); null when never
    status = Keyword()
    taxonomy_term_ids = Keyword()
    taxonomy_ids = Keyword()
    # Counted for the facets ("id|name" for categories): their global ordinals are built when a
    # refresh makes new segments, not by the first search after it (eager_global_ordinals).
    taxonomy_term_facets = Keyword(eager_global_ordinals=True)
    service_areas = Keyword(eager_global_ordinals=True)
    area_codes = Keyword()
    accessibility = Keyword(eager_global_ordinals=True)
    locations = GeoPoint()
    openings = IntegerRange()
    suggest = Completion(analyzer=words, search_analyzer=words, preserve_separators=True)
    # The service's vector (semantic.encode), worked out when it is indexed and returned with the
    # first matches, so a search embeds no service text: kept in the source only, never searched.
    meaning = Binary()

    class Meta:
        # Searched, never read back, so left out of the stored source: the "did you mean" words and
        # the completion inputs (a fifth of the source): a rebuild writes and merges less.
        # Documents are always rebuilt from the directory, never updated from their source.
        source = MetaField(excludes=["spelling", "suggest"])


# ---- Client and outage breaker -----------------------------------------------------------------

_clients: dict[str, Elasticsearch] = {}
_lock = threading.Lock()


def configured() -> bool:
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


class OrjsonNdjsonSerializer(NdjsonSerializer):
    """Multi-search and bulk bodies, each line written by orjson (as the JSON bodies are)."""

    json_dumps = OrjsonSerializer.json_dumps
    json_loads = OrjsonSerializer.json_loads


def client() -> Elasticsearch:
    """A client for settings.ELASTICSEARCH_URL with short timeouts and no retries (pages must stay fast).

    One per process and URL, so its pool of open connections is reused by every search; bodies
    are written and answers read with orjson (several times quicker than the standard library).
    """
    url = settings.ELASTICSEARCH_URL
    with _lock:
        if url not in _clients:
            _clients[url] = Elasticsearch(
                url,
                request_timeout=getattr(settings, "ELASTICSEARCH_TIMEOUT", 2.0),
                max_retries=0,
                retry_on_timeout=False,
                serializers={"application/json": OrjsonSerializer(), "application/x-ndjson": OrjsonNdjsonSerializer()},
            )
        return _clients[url]


def search_both(first: dict, second: dict, *, paths=(None, None)) -> tuple[dict, dict]:
    """Two searches of the alias in one round trip (a multi-search: Elasticsearch runs them side by
    side). The second is marked cacheable, and both ask for the same copies of the index whenever
    the second is the same. `paths` filter each answer (a `filter_path` under
    "responses."). Returns both answers; the first carries the whole request's `took`."""
    parts = [f"responses.{p}" for path in paths if path for p in path.split(",")]
    # Both go to the copies of the index this search went to before (with replicas): the second's
    # cached answer is there, and the hits of page 2 are ranked as page 1's were.
    preference = "search-" + hashlib.blake2b(orjson.dumps(second, option=orjson.OPT_SORT_KEYS), digest_size=8).hexdigest()
    response = client().msearch(
        index=alias_name(),
        searches=[{"preference": preference}, first, {"request_cache": True, "preference": preference}, second],
        filter_path=",".join(["took", "responses.status", "responses.error", *parts]) if parts else None,
    ).body
    answers = response["responses"]
    for answer in answers:
        if "error" in answer:
            raise SearchRefused(answer.get("status"), answer["error"])
    answers[0]["took"] = response["took"]
    return answers[0], answers[1]


class Breaker:
    """Remembers an outage for a while, so every search does not wait for a timeout.

    Shared by every app process through the cache: once one process finds Elasticsearch down,
    the others answer from the database too, and a reset (the engine is back) reaches them all.
    Without a cache (it is down too), each process goes by what it saw itself.
    """

    KEY = "search:elasticsearch-outage"
    # While all is well, look at the shared state at most this often: with the database cache,
    # every look is a query on every search.
    RECHECK_SECONDS = 1.0

    def __init__(self):
        self.down_until = 0.0  # this process's clock (monotonic)
        self.reason = ""
        self.closed_at = None  # when the shared state last said all is well (monotonic)

    @property
    def seconds(self):
        return getattr(settings, "ELASTICSEARCH_OUTAGE_SECONDS", 30)

    def is_open(self) -> bool:
        now = time.monotonic()
        if self.closed_at is not None and not self.down_until and now - self.closed_at < self.RECHECK_SECONDS:
            return False
        self.closed_at = None
        try:
            shared = cache.get(self.KEY)
        except Exception:  # noqa: BLE001 - no cache: this process's memory alone
            return time.monotonic() < self.down_until
        if shared and shared["until"] > time.time():
            self.down_until = time.monotonic() + (shared["until"] - time.time())
            self.reason = shared["reason"]
            return True
        self.down_until = 0.0
        self.closed_at = now
        return False

    def trip(self, error):
        self.down_until = time.monotonic() + self.seconds
        self.reason = describe(error)
        try:
            cache.set(self.KEY, {"until": time.time() + self.seconds, "reason": self.reason}, self.seconds)
        except Exception:  # noqa: BLE001 - the other processes find out for themselves
            log.warning("Could not share the Elasticsearch outage through the cache")
        log.warning("Elasticsearch unavailable, using the database for %ss: %s", self.seconds, self.reason)

    def reset(self):
        self.down_until = 0.0
        self.reason = ""
        self.closed_at = None
        try:
            cache.delete(self.KEY)
        except Exception:  # noqa: BLE001 - nothing shared to clear (no cache, or no database yet)
            pass


breaker = Breaker()


class IndexMissing(Exception):
    """The alias does not exist yet: `directory_index --rebuild` has never run on this cluster."""

    def __str__(self):
        return f"the search index {self.args[0]} has not been built (run: manage.py directory_index --rebuild)"


def is_outage(error) -> bool:
    """True when the engine cannot answer (down, overloaded, no index), not when it refused a query."""
    if isinstance(error, (IndexMissing, TransportError, ConnectionError, OSError)):
        return True
    status = getattr(error, "status_code", None) or getattr(getattr(error, "meta", None), "status", None)
    return status is None or status in (404, 408, 429) or status >= 500


def describe(error) -> str:
    if isinstance(error, IndexMissing):
        return str(error)
    text = f"{type(error).__name__}: {error}"
    return text[:300]


# ---- Index and alias ---------------------------------------------------------------------------


def alias_name() -> str:
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-services"


def new_index_name() -> str:
    return f"{alias_name()}-{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 1_000_000:06d}"


def serving_settings() -> dict:
    """Index settings while searches read it (a rebuild fills the index with others, then sets these)."""
    return {
        "number_of_replicas": getattr(settings, "ELASTICSEARCH_REPLICAS", 0),
        "refresh_interval": getattr(settings, "ELASTICSEARCH_REFRESH_INTERVAL", "1s"),
        "translog.durability": "request",
    }


# While a rebuild fills a new index nobody reads yet: no copies to keep in step, no refreshes
# (each would write a small segment to merge later) and no disk sync per request (a failed
# rebuild is simply run again). The replicas are made once, at the end.
FILLING_SETTINGS = {"number_of_replicas": 0, "refresh_interval": "-1", "translog.durability": "async"}


def index_definition(name: str, *, filling=False) -> Index:
    idx = Index(name)
    idx.settings(
        number_of_shards=getattr(settings, "ELASTICSEARCH_SHARDS", 1),
        **(FILLING_SETTINGS if filling else serving_settings()),
    )
    idx.document(ServiceDocument)
    return idx


def merge_in_background(name: str, es=None) -> threading.Thread:
    """Merge a freshly built index into one segment, in the background; returns the thread doing it.

    A rebuild leaves about ten segments (one per flush of the indexing buffer, then merged by
    size), and every search looks each word up, and expands each fuzzy word, in every one of them:
    one segment cut Elasticsearch's CPU for a text search by about a third at 100,000 services.
    Merging rewrites the whole index (a few seconds at 100,000 services), so it starts once the
    alias has moved: searches are answered from the index as it is meanwhile, then from the merged
    segment from the next refresh on. Elasticsearch finishes the merge even if this process ends.
    """
    es = es or client()

    def merge():
        try:
            es.options(request_timeout=1800).indices.forcemerge(index=name, max_num_segments=1)
            es.indices.refresh(index=name)
        except (NotFoundError, *UNAVAILABLE) as error:  # replaced meanwhile, or down: it serves unmerged
            log.warning("Could not merge the search index %s into one segment: %s", name, describe(error))

    thread = threading.Thread(target=merge, name=f"merge {name}")
    thread.start()
    return thread


def create_index(name: str, es=None, *, filling=False):
    es = es or client()
    index_definition(name, filling=filling).create(using=es)
    return name


def alias_targets(es=None) -> list[str]:
    es = es or client()
    try:
        return sorted(es.indices.get_alias(name=alias_name()).keys())
    except NotFoundError:
        return []


def ensure_index(es=None) -> str:
    """The index the alias points at, creating an empty one (and the alias) when there is none."""
    es = es or client()
    targets = alias_targets(es)
    if targets:
        return targets[-1]
    name = create_index(new_index_name(), es)
    es.indices.put_alias(index=name, name=alias_name())
    return name


def swap_alias(new_index: str, es=None) -> list[str]:
    """Point the alias at `new_index` in one atomic step, then delete the indexes it left."""
    es = es or client()
    old = [i for i in alias_targets(es) if i != new_index]
    actions = [{"add": {"index": new_index, "alias": alias_name()}}]
    actions += [{"remove": {"index": i, "alias": alias_name()}} for i in old]
    es.indices.update_aliases(actions=actions)
    # Also sweep indexes a failed rebuild left behind (they never got the alias).
    leftovers = [i for i in es.indices.get(index=f"{alias_name()}-*").keys() if i != new_index]
    for name in leftovers:
        es.indices.delete(index=name, ignore_unavailable=True)
    return sorted(set(old) | set(leftovers))


def delete_all(es=None):
    """Remove the alias and every index under this prefix (tests and `--rebuild` from scratch)."""
    es = es or client()
    es.indices.delete(index=f"{alias_name()}-*", ignore_unavailable=True, allow_no_indices=True)


# Elasticsearch's own advice for bulk requests: a few megabytes each, whatever the number of documents.
BULK_BYTES = 5 * 1024 * 1024


class BulkRefused(Exception):
    """Elasticsearch refused some documents of a bulk load."""


def bulk_load(index: str, sources, es=None, *, max_bytes=BULK_BYTES, in_flight=2) -> int:
    """Index (id, JSON source as bytes) pairs into `index` (a new one); returns how many.

    The request bodies are put together here as plain bytes, about `max_bytes` each, while up to
    `in_flight` earlier ones are being indexed: Python builds and serialises documents on one core
    while Elasticsearch indexes on the other (and on both whenever Python waits for it). The
    answers list only refusals, which raise BulkRefused.
    """
    connection = (es or client()).options(request_timeout=120)

    def send(body: bytes, count: int) -> int:
        response = connection.bulk(index=index, operations=body, filter_path="errors,items.*.error")
        if response.get("errors"):
            refused = [next(iter(item.values()))["error"] for item in response.get("items", [])]
            raise BulkRefused(f"Elasticsearch refused {len(refused)} documents, e.g. {refused[:1]}")
        return count

    done, waiting = 0, []
    with ThreadPoolExecutor(max_workers=in_flight) as pool:
        lines, size, count = [], 0, 0
        for doc_id, source in sources:
            lines += [b'{"index":{"_id":"', doc_id.encode(), b'"}}\n', source, b"\n"]
            size += len(source) + len(doc_id) + 22
            count += 1
            if size >= max_bytes:
                while len(waiting) >= in_flight:
                    done += waiting.pop(0).result()
                waiting.append(pool.submit(send, b"".join(lines), count))
                lines, size, count = [], 0, 0
        if lines:
            waiting.append(pool.submit(send, b"".join(lines), count))
        for future in waiting:
            done += future.result()
    return done


def bulk_write(actions, es=None, *, index: str | None = None, refresh=False, chunk_size=1000):
    """Send index/delete actions ({"_op_type", "_id", "_source"}) in bulk. Returns (ok, errors)."""
    es = es or client()
    target = index or alias_name()

    def with_index():
        for action in actions:
            yield {"_index": target, **action}

    connection = es.options(request_timeout=120)
    try:
        ok, errors = bulk(connection, with_index(), chunk_size=chunk_size, refresh=refresh, raise_on_error=False, raise_on_exception=True)
    except BulkIndexError as exc:  # pragma: no cover - raise_on_error=False avoids it
        return 0, exc.errors
    # A delete of something that is not there is fine.
    errors = [e for e in errors if not (e.get("delete", {}).get("status") == 404)]
    return ok, errors
