"""Escaping for HTML drawn in Python on the busiest pages (the directory's results)."""

import html


def escaped(value) -> str:
    """`value` as format_html and {{ value }} put it in HTML: escaped unless already safe.

    Django's `escape` gives the same text from behind a check for lazy text that costs more than
    the escaping itself; a results page escapes some 700 values."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))
