"""How a finding is told to the person who wrote it: a label per kind and a masked form of the text."""

import re

KIND_LABELS = {
    "nhs_number": "NHS number",
    "postcode": "Postcode",
    "phone": "Phone number",
    "email": "Email address",
    "date_of_birth": "Date of birth",
    "name": "Name",
}


def mask(finding):
    """Enough of a finding to recognise it, not enough to repeat it: "Mary J…", "NHS number ending …4321"."""
    text = finding.text
    if finding.kind in ("nhs_number", "phone"):
        digits = re.sub(r"\D", "", text)
        return f"{KIND_LABELS[finding.kind]} ending …{digits[-4:]}"
    if finding.kind == "email":
        return f"Email address at {text.rsplit('@', 1)[-1]}"
    if finding.kind == "postcode":
        return f"Postcode starting {text.split()[0][:4].upper() if ' ' in text else text[:-3].upper()}"
    if finding.kind == "date_of_birth":
        return "Date of birth in the year " + text[-4:] if text[-4:].isdigit() else "A date of birth"
    words = text.split()
    if len(words) == 1:
        return f"{text[:3]}…" if len(text) > 3 else text
    return f"{' '.join(words[:-1])} {words[-1][0]}…"


def in_sentence(kind):
    """The kind's label inside a sentence: 'name', 'date of birth', but 'NHS number'."""
    label = KIND_LABELS[kind]
    return label if label.split()[0].isupper() else label[0].lower() + label[1:]


def describe(finding):
    """One line for a warning: 'Name “Mary Jones”'."""
    return f"{KIND_LABELS[finding.kind]} “{finding.text}”"
