"""Measure the identifier check on a labelled set of texts written for the purpose.

labelled.jsonl holds one JSON object a line: {"text": ..., "labels": [[kind, text], ...]} where each
label's text occurs in the line (the first occurrence after the previous label of the same text).
A finding counts as right when a label of the same kind covers an overlapping span.
"""

import json
import time
from pathlib import Path

from ..identifiers import KINDS, find_identifiers

LABELLED_SET = Path(__file__).resolve().parent / "labelled.jsonl"
# Written after the check, in other people's styles, to measure how it generalises (see the tests' floors).
HELD_APART_SET = Path(__file__).resolve().parent / "held_apart.jsonl"


def read_labelled(path=LABELLED_SET):
    """(text, [(kind, start, end)]) for each line of a labelled set."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            item = json.loads(line)
            text, spans, seen = item["text"], [], {}
            for kind, label in item.get("labels", []):
                if kind not in KINDS:
                    raise ValueError(f"line {number}: unknown kind {kind!r}")
                start = text.find(label, seen.get(label, 0))
                if start < 0:
                    raise ValueError(f"line {number}: {label!r} is not in the text")
                seen[label] = start + len(label)
                spans.append((kind, start, start + len(label)))
            rows.append((text, spans))
    return rows


def _overlaps(a_start, a_end, b_start, b_end):
    return a_start < b_end and b_start < a_end


def evaluate(path=LABELLED_SET, names=()):
    """Precision and recall per kind (and overall) of find_identifiers on the labelled set."""
    counts = {kind: {"labelled": 0, "found": 0, "true_found": 0, "true_labelled": 0} for kind in KINDS}
    rows = read_labelled(path)
    for text, spans in rows:
        found = find_identifiers(text, names)
        for kind, start, end in spans:
            counts[kind]["labelled"] += 1
            if any(f.kind == kind and _overlaps(start, end, f.start, f.end) for f in found):
                counts[kind]["true_labelled"] += 1
        for f in found:
            counts[f.kind]["found"] += 1
            if any(kind == f.kind and _overlaps(start, end, f.start, f.end) for kind, start, end in spans):
                counts[f.kind]["true_found"] += 1
    kinds = {}
    for kind, c in counts.items():
        kinds[kind] = {
            "labelled": c["labelled"],
            "found": c["found"],
            "precision": round(c["true_found"] / c["found"], 3) if c["found"] else 1.0,
            "recall": round(c["true_labelled"] / c["labelled"], 3) if c["labelled"] else 1.0,
        }
    return {"lines": len(rows), "kinds": kinds}


def benchmark(words=1000, rounds=7, per_round=30):
    """CPU milliseconds find_identifiers takes on one text of `words` words (best of `rounds`).

    The text is the labelled sets' lines run together: denser in names, numbers and dates than most notes,
    so a fair upper bound for the check that runs on every autosave.
    """
    lines = [text for path in (LABELLED_SET, HELD_APART_SET) for text, _ in read_labelled(path)]
    pool = " ".join(lines).split()
    while len(pool) < words:
        pool += pool
    text = " ".join(pool[:words])
    find_identifiers(text)  # load the name lists and compile the patterns first
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(per_round):
            find_identifiers(text)
        best = min(best, (time.process_time() - start) / per_round * 1000)
    return {"words": words, "ms_per_text": round(best, 2)}
