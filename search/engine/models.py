"""The search engine's own tables: the glossary, the queue of index updates, and the database
fallback's search entries (one per service, with text already analysed by `text.py`)."""

from django.db import connection, models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class VocabularySource(models.TextChoices):
    SHIPPED = "shipped", "Shipped with Practice Commons"
    LOCAL = "local", "Added here"


class ShippedVocabulary(models.Model):
    """A row that may come with the product: data migrations add and update shipped rows, but
    never one a practice lead has edited (its words differ from what was shipped) or added."""

    source = models.CharField(max_length=10, choices=VocabularySource.choices, default=VocabularySource.LOCAL, editable=False)
    # The words as last shipped, to tell a local edit from an untouched shipped row.
    shipped_words = models.JSONField(default=dict, blank=True, editable=False)
    in_use = models.BooleanField(
        default=True, help_text="Untick to stop searches using this entry (an upgrade will not tick it again)."
    )
    updated_at = models.DateTimeField(auto_now=True)

    # The fields a shipped file provides (and a local edit may change).
    shipped_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    @property
    def edited_locally(self) -> bool:
        return self.source == VocabularySource.SHIPPED and any(
            getattr(self, f) != self.shipped_words.get(f) for f in self.shipped_fields
        )

    @classmethod
    def version(cls) -> tuple:
        """(entries in use, when one last changed): what a vocabulary built from them is kept by.

        Asked on every search, so written as SQL once: Django's aggregate took 0.7 ms of CPU to
        build a statement the database answers in a tenth of that."""
        statement = cls.__dict__.get("_version_sql")
        if statement is None:
            quote, meta = connection.ops.quote_name, cls._meta
            column = {f.name: quote(f.column) for f in meta.concrete_fields}
            statement = f"SELECT COUNT(*), MAX({column['updated_at']}) FROM {quote(meta.db_table)} WHERE {column['in_use']}"
            cls._version_sql = statement
        with connection.cursor() as cursor:
            cursor.execute(statement)
            return tuple(cursor.fetchone())


class GlossaryTerm(index.Indexed, ShippedVocabulary):
    """An abbreviation or piece of jargon and what it stands for, used to widen searches both ways.

    Searching for the term also finds services that use any expansion, and the reverse. Edits
    take effect on the next search: queries are expanded, the index is not. A standard UK health
    and social care glossary ships with the product (`shipped/glossary.json`).
    """

    term = models.CharField(max_length=100, unique=True, help_text='The short form, for example "LD" or "PBS".')
    expansions = models.TextField(
        help_text='What it stands for, one per line, for example "learning disability" and "learning disabilities".'
    )
    notes = models.CharField(max_length=255, blank=True, help_text="Optional: where the term is used, for editors.")

    shipped_fields = ("expansions",)
    panels = [FieldPanel("term"), FieldPanel("expansions"), FieldPanel("notes"), FieldPanel("in_use")]
    search_fields = [index.SearchField("term"), index.SearchField("expansions"), index.AutocompleteField("term")]

    class Meta:
        ordering = ["term"]
        verbose_name = "glossary term"

    def __str__(self):
        return self.term

    def expansion_list(self):
        return [line.strip() for line in self.expansions.splitlines() if line.strip()]


class PendingIndexUpdate(models.Model):
    """A service whose search entry must be brought up to date.

    Written in the same transaction as the change, applied right after it commits, and kept
    until Elasticsearch has accepted it: an outage delays updates but never loses them.
    """

    class Action(models.TextChoices):
        INDEX = "index", "Index"
        DELETE = "delete", "Delete"

    service_id = models.UUIDField(db_index=True)
    action = models.CharField(max_length=10, choices=Action.choices, default=Action.INDEX)
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.action} {self.service_id}"


class SearchEntry(models.Model):
    """One service as the database fallback searches it: prepared words per field and filters.

    Kept up to date by the same queue as the Elasticsearch index (but written at once, since it
    is in the same database). Only listed services (not inactive or defunct) have an entry.
    """

    service = models.OneToOneField("directory.Service", on_delete=models.CASCADE, primary_key=True, related_name="+")
    name = models.CharField(max_length=255)
    name_sort = models.CharField(max_length=255, db_index=True)
    description = models.TextField(blank=True)
    # Analysed words (text.analysed_text), with a space at each end so " word " finds whole words.
    name_terms = models.TextField(blank=True)
    taxonomy_terms = models.TextField(blank=True)
    organisation_terms = models.TextField(blank=True)
    description_terms = models.TextField(blank=True)
    place_terms = models.TextField(blank=True)
    all_terms = models.TextField(blank=True)
    # Folded, unstemmed words, for "did you mean".
    spelling = models.TextField(blank=True)
    min_age = models.FloatField(null=True, blank=True)
    max_age = models.FloatField(null=True, blank=True)
    is_free = models.BooleanField(default=False)
    # When the listing was last reviewed (the directory's assured date), for the recency boost.
    assured_date = models.DateField(null=True, blank=True)
    # Its facets as "kind:value" keys (the rows of SearchEntryFacet, on the entry itself): on
    # PostgreSQL one pass over the matching entries counts every facet, with no join.
    facet_keys = models.JSONField(default=list, blank=True)
    # The service's vector (semantic.py: 256 numbers in half precision, 512 bytes), for retrieval
    # by meaning (meaning.py); null until the entry is next written with the model installed.
    meaning = models.BinaryField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "search entries"
        indexes = [models.Index(fields=["min_age", "max_age"])]

    def __str__(self):
        return self.name


class SearchEntryMatch(models.Model):
    """PostgreSQL: the few columns of a search entry that the fallback reads for every match.

    A common word matches tens of thousands of entries, and each is tested, counted and ranked
    before the best few are read in full. Read from the entries table, each of those rows would
    be 2 KB of text, its word vector stored out of line and unpacked again for every rank; here
    a row is a tenth of that. Written with the entry (`indexing.write_entries`, a copy of the
    entry's generated `search_vector` column), removed with it; not written on other databases.
    Its own `search_vector` column and GIN index are added by `fulltext.install`, not a model field.
    """

    entry = models.OneToOneField(
        SearchEntry, on_delete=models.CASCADE, primary_key=True, related_name="match", db_column="service_id"
    )
    name_sort = models.CharField(max_length=255)
    min_age = models.FloatField(null=True, blank=True)
    max_age = models.FloatField(null=True, blank=True)
    is_free = models.BooleanField(default=False)
    facet_keys = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name_plural = "search entry matches"

    def __str__(self):
        return self.name_sort


class SearchEntryFacet(models.Model):
    """A filterable value of a search entry: a taxonomy term, taxonomy, service area or accessibility feature."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facets")
    kind = models.CharField(max_length=20)
    value = models.CharField(max_length=255)
    label = models.CharField(max_length=255)

    class Meta:
        indexes = [models.Index(fields=["kind", "value"])]

    def __str__(self):
        return f"{self.kind}: {self.label}"

    @property
    def key(self) -> str:
        """As the entry's `facet_keys` hold it."""
        return facet_key(self.kind, self.value)


def facet_key(kind: str, value: str) -> str:
    return f"{kind}:{value}"


class SearchEntryLocation(models.Model):
    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="locations")
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["latitude", "longitude"])]

    def __str__(self):
        return f"{self.latitude:.5f}, {self.longitude:.5f}"


class SearchEntryOpening(models.Model):
    """A stretch of the week when the service is open, in minutes from Monday 00:00."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="openings")
    start_minute = models.PositiveIntegerField()
    end_minute = models.PositiveIntegerField()

    def __str__(self):
        return f"{self.start_minute}-{self.end_minute}"


class SearchWord(models.Model):
    """A word of the search entries and how many entries hold it.

    The database fallback's document frequencies (for scoring) and the list that typo tolerance
    and "did you mean" look through (a trigram index on PostgreSQL). Kept in step by
    `indexing.write_entries`; a rebuild starts it afresh.
    """

    class Kind(models.TextChoices):
        TERM = "t", "Prepared word (stemmed, as searched)"
        SPELLING = "s", "Word as written (for spelling suggestions)"

    kind = models.CharField(max_length=1, choices=Kind.choices)
    word = models.CharField(max_length=100)
    entries = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "word"], name="search_word_kind_word")]

    def __str__(self):
        return f"{self.word} ({self.entries})"


class EverydayPhrase(ShippedVocabulary):
    """How people say a need in their own words, and the words services use for it.

    One way only: "can't pay the rent" also searches "rent arrears", "housing advice" and "debt
    advice", never the reverse. A phrase matches when all its words are in the question, in any
    order ("my son won't go to school" matches "won't go to school"). Ships with the product
    (`shipped/everyday.json`); practice leads add and edit entries in the Wagtail admin.
    """

    need = models.CharField(max_length=100, unique=True, help_text='A short name for the need, for example "Rent arrears".')
    phrases = models.TextField(help_text="Everyday ways of saying it, one per line, for example \"can't pay the rent\".")
    service_terms = models.TextField(
        help_text="Words services and categories use for it, one per line, for example \"housing advice\" and \"debt advice\"."
    )
    notes = models.CharField(max_length=255, blank=True, help_text="Optional: why these words, for editors.")

    shipped_fields = ("phrases", "service_terms")
    panels = [FieldPanel("need"), FieldPanel("phrases"), FieldPanel("service_terms"), FieldPanel("notes"), FieldPanel("in_use")]

    class Meta:
        ordering = ["need"]
        verbose_name = "everyday words entry"
        verbose_name_plural = "everyday words"

    def __str__(self):
        return self.need

    def phrase_list(self):
        return [line.strip() for line in self.phrases.splitlines() if line.strip()]

    def service_term_list(self):
        return [line.strip() for line in self.service_terms.splitlines() if line.strip()]
