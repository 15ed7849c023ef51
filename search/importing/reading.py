"""Reading an import file: a JSON list, one JSON object, or JSON Lines."""

import json
from dataclasses import dataclass
from pathlib import Path


def read_records(path):
    """Yield (index, record) from a JSON list, one JSON object or JSON Lines.

    A line of JSON Lines that is not JSON yields (index, InvalidJSON(message)).
    JSON Lines is read a line at a time, so a large feed is never held in memory.
    """
    path = Path(path)
    with path.open(encoding="utf-8-sig") as handle:
        first = _first_char(handle)
        handle.seek(0)
        if first == "[":
            data = json.load(handle)
            yield from enumerate(data, start=1)
            return
        lines = iter(handle)
        first_line = ""
        for first_line in lines:
            if first_line.strip():
                break
        try:
            first_record = json.loads(first_line)
        except json.JSONDecodeError:
            # One pretty-printed object (or nonsense, which json.load reports).
            handle.seek(0)
            yield 1, json.load(handle)
            return
        yield 1, first_record
        number = 1
        for line in lines:
            if not line.strip():
                continue
            number += 1
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, InvalidJSON(f"not valid JSON: {exc.msg} (column {exc.colno})")


def _first_char(handle):
    while True:
        char = handle.read(1)
        if not char or not char.isspace():
            return char


@dataclass
class InvalidJSON:
    message: str
