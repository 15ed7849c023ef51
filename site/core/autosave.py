"""What an autosave endpoint answers, read by static core/autosave.js (the reflective log, a panel request).

saved: true only when every field sent was stored; otherwise nothing was, and not_saved names each
field with its label and why, so the page keeps the text on the device and says what to fix.
"""

from django.http import JsonResponse


def not_saved(form, status=400):
    """Nothing stored: the form's errors, per field, for the page to show beside the save bar."""
    return JsonResponse({
        "saved": False,
        "errors": {name: [str(e) for e in errors] for name, errors in form.errors.items()},
        "not_saved": [
            {"field": name, "label": str(form[name].label) if name in form.fields else "The form",
             "messages": [str(e) for e in errors]}
            for name, errors in form.errors.items()
        ],
    }, status=status)
