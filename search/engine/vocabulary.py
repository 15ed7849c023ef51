"""The glossary as a search uses it: cached until it changes, shown as "Also searched for", and
offered as completions. (Everyday words, the other vocabulary, live in everyday.py.)"""

from __future__ import annotations

import threading

from . import text

_glossary_lock = threading.Lock()
_glossary_cache: dict = {"key": None, "glossary": text.Glossary()}


def current_glossary() -> text.Glossary:
    from .models import GlossaryTerm

    key = GlossaryTerm.version()
    with _glossary_lock:
        if _glossary_cache["key"] != key:
            entries = [(g.term, g.expansion_list()) for g in GlossaryTerm.objects.filter(in_use=True)]
            _glossary_cache["glossary"] = text.build_glossary(entries)
            _glossary_cache["key"] = key
        return _glossary_cache["glossary"]


def expansion_labels(prepared: text.PreparedQuery, glossary: text.Glossary) -> list[str]:
    """Human words for the glossary expansions used ("LD: learning disability, ...")."""
    index = glossary.index()
    labels = []
    for clause in prepared.clauses:
        if clause.from_everyday:
            labels.append(f"{clause.original}: {', '.join(clause.labels)}")
        elif clause.from_glossary and clause.typed in index:
            human = glossary.labels[index[clause.typed]]
            labels.append(f"{clause.original}: {', '.join(h for h in human if text.analyse(h) != list(clause.typed))}")
    return labels


def with_glossary(prefix: str, found: list[str], limit: int) -> list[str]:
    """Add glossary terms that start with what was typed ("cam" -> "CAMHS")."""
    from .models import GlossaryTerm

    folded = text.fold(prefix)
    extra = []
    for term in GlossaryTerm.objects.filter(in_use=True):
        for form in [term.term, *term.expansion_list()]:
            if text.fold(form).startswith(folded):
                extra.append(form)
    seen, result = set(), []
    for item in [*found[: max(1, limit - 2)], *extra, *found]:
        key = text.fold(item)
        if key not in seen:
            seen.add(key)
            result.append(item)
    return result[:limit]
