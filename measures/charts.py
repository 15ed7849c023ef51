"""Charts drawn on the server as SVG shapes: sizes are attributes, colours are classes in
measures.css, so pages keep a strict Content-Security-Policy (no inline style or script).
Each chart sits beside the table holding the same figures, which is what screen readers read."""


def chart_for(table):
    """What the chart template draws for a table, or None when the table has no chart."""
    if table.chart == "bars":
        return _bars(table)
    if table.chart == "distribution" and table.levels:
        return _distribution(table)
    return None


def _width(value, top):
    return f"{100 * value / top:.2f}" if top else "0"


def _bars(table):
    columns = list(table.chart_columns)
    shown = [row for row in table.rows if not row.suppressed]
    numbers = [row.values[c] for row in shown for c in columns if isinstance(row.values[c], (int, float))]
    top = 100 if table.unit == "%" else max(numbers + [0])
    rows = []
    for row in table.rows:
        bars = []
        if not row.suppressed:
            for series, column in enumerate(columns):
                value = row.values[column]
                if isinstance(value, (int, float)):
                    bars.append({"series": series, "value": value, "width": _width(max(value, 0), top)})
        rows.append({"label": row.label, "suppressed": row.suppressed, "bars": bars})
    legend = [{"series": i, "label": table.columns[c]} for i, c in enumerate(columns)] if len(columns) > 1 else []
    return {"kind": "bars", "rows": rows, "legend": legend, "unit": table.unit}


def _distribution(table):
    count = len(table.levels)
    rows = []
    for row in table.rows:
        parts = []
        if not row.suppressed:
            people = row.values[0] or 0
            for when, offset in (("Before", 1), ("After", 1 + count)):
                segments, x = [], 0.0
                for level in range(count):
                    n = row.values[offset + level] or 0
                    width = 100 * n / people if people else 0
                    if n:
                        segments.append({"level": level + 1, "x": f"{x:.2f}", "width": f"{width:.2f}"})
                    x += width
                parts.append({"when": when, "segments": segments})
        rows.append({"label": row.label, "suppressed": row.suppressed, "parts": parts})
    legend = [{"level": i + 1, "label": label} for i, label in enumerate(table.levels)]
    return {"kind": "distribution", "rows": rows, "legend": legend}
