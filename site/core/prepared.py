"""Queries the ORM writes once per process and each request runs with its own values.

Building a query's SQL costs Django 1 to 2 ms of CPU, running it on PostgreSQL a fraction of that,
and the pages people open most (the dashboard) ask the same queries on every visit with only the
person and the day changed. A PreparedQuery keeps the queryset readable where it is declared and
pays for building it once:

    recent_logs = PreparedQuery(
        lambda owner: ReflectiveLog.objects.filter(owner=owner).order_by("-updated_at").values("id", "title")[:5],
        owner=int,
    )
    recent_logs(owner=request.user.pk)  # -> [{"id": 7, "title": "..."}, ...]

`build` is called once with a stand-in for each named value (an unlikely value of the declared
type: int, datetime.date or datetime.datetime); the place of each stand-in among the SQL's
parameters is noted, and each call puts its own values there. A date or time among the
parameters that is not a stand-in is refused when the query is prepared: a "today" worked out
inside `build` would otherwise stay fixed for the life of the process. `build` must return a
values() queryset (rows come back as dicts, as values() gives them) and must not depend on the
values in any other way (an `in` list of them, a branch on them): only their places in the SQL
change from call to call. A privacy rule may be called inside `build` for a person known only by
their id (`User(pk=person)`) when the rule's SQL is the same for everyone; a rule that reads the
person's teams, roles or groups first, and changes shape with them, cannot be prepared.
"""

import datetime
import re
import threading

from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from django.db.models.query import ValuesIterable

# Values no real row has: negative ids, dates a thousand years ago (each name gets its own).
_STAND_INS = {
    int: lambda n: -987_654_300 - n,
    datetime.date: lambda n: datetime.date(1000 + n, 1, 1),
    datetime.datetime: lambda n: datetime.datetime(1000 + n, 1, 1, tzinfo=datetime.UTC),
}
# How the database's driver is given each kind (as the ORM gives it: SQLite takes dates as text).
_ADAPT = {
    int: lambda ops, value: value,
    datetime.date: lambda ops, value: ops.adapt_datefield_value(value),
    datetime.datetime: lambda ops, value: ops.adapt_datetimefield_value(value),
}


class PreparedQuery:
    def __init__(self, build, **kinds):
        unknown = {name: kind for name, kind in kinds.items() if kind not in _STAND_INS}
        if unknown:
            raise ImproperlyConfigured(f"PreparedQuery values must be int, date or datetime: {unknown}")
        self.build = build
        self.kinds = kinds
        self._prepared = None
        self._lock = threading.Lock()

    def __call__(self, **values):
        """The rows, as dicts, for these values (one query)."""
        if set(values) != set(self.kinds):
            raise TypeError(f"expected values for {sorted(self.kinds)}, got {sorted(values)}")
        prepared = self._prepared or self._prepare()
        sql, slots, names, compiler, alias = prepared
        ops = connections[alias].ops
        values = {name: _ADAPT[self.kinds[name]](ops, value) for name, value in values.items()}
        params = [values[name] if name is not None else constant for name, constant in slots]
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return [dict(zip(names, row, strict=True)) for row in compiler.results_iter(results=[rows])]

    def sql(self):
        """The prepared SQL and its parameters, stand-ins in place (for tests and --sql listings)."""
        return self._prepare()[0]

    def _prepare(self):
        with self._lock:
            if self._prepared is None:
                self._prepared = self._compile()
            return self._prepared

    def _compile(self):
        stand_ins = {name: _STAND_INS[kind](n) for n, (name, kind) in enumerate(self.kinds.items())}
        queryset = self.build(**stand_ins)
        if queryset._iterable_class is not ValuesIterable:
            raise ImproperlyConfigured("PreparedQuery needs a values() queryset")
        query = queryset.query
        compiler = query.get_compiler(queryset.db)
        sql, params = compiler.as_sql()
        ops = connections[queryset.db].ops
        by_value = {_ADAPT[self.kinds[name]](ops, value): name for name, value in stand_ins.items()}
        slots = []
        for param in params:
            name = by_value.get(param) if isinstance(param, (int, str, datetime.date)) else None
            if name is None and (isinstance(param, (datetime.date, datetime.time)) or _looks_like_a_date(param)):
                raise ImproperlyConfigured(f"{param!r} would stay fixed in a prepared query: pass it as a value")
            slots.append((name, None if name else param))
        unused = set(stand_ins) - {name for name, _ in slots}
        if unused:
            raise ImproperlyConfigured(f"PreparedQuery values not found in the SQL's parameters: {sorted(unused)}")
        names = list(query.selected) if query.selected else [*query.extra_select, *query.values_select, *query.annotation_select]
        return sql, slots, names, compiler, queryset.db


def _looks_like_a_date(param):
    """A date or time given to the driver as text (SQLite's way)."""
    return isinstance(param, str) and bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}([ T][\d:.+-]+)?", param))
