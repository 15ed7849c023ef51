"""Load the shipped frameworks and reflective templates (content/*.json). Idempotent.

Existing rows are matched by slug (and statements by code); loading again adds what is missing
and never overwrites what practice leads have edited in the admin.
"""

import json

from django.db import transaction

from .models import CONTENT_DIR, Framework, FrameworkDomain, FrameworkStatement, ReflectiveTemplate


def _read(name):
    with open(CONTENT_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


@transaction.atomic
def load_frameworks():
    created = 0
    for data in _read("frameworks.json")["frameworks"]:
        framework, made = Framework.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "short_name": data.get("short_name", data["name"])[:60],
                "publisher": data.get("publisher", ""),
                "description": data.get("description", ""),
                "is_local": data["slug"].startswith("named-social-worker"),
            },
        )
        created += made
        for d_order, d in enumerate(data["domains"]):
            domain, _ = FrameworkDomain.objects.get_or_create(
                framework=framework, code=d["code"], defaults={"title": d["title"], "sort_order": d_order}
            )
            for s_order, s in enumerate(d["statements"]):
                FrameworkStatement.objects.get_or_create(
                    domain=domain,
                    code=s["code"],
                    defaults={
                        "title": s["title"],
                        "summary": s.get("summary", ""),
                        "descriptors": "\n".join(s.get("descriptors", [])),
                        "sort_order": s_order,
                    },
                )
    return created


@transaction.atomic
def load_templates():
    created = 0
    for order, data in enumerate(_read("reflective_templates.json")):
        if ReflectiveTemplate.objects.filter(slug=data["slug"]).exists():
            continue
        prompts = [
            (
                "prompt",
                {
                    "key": p["key"],
                    "heading": p["heading"],
                    "guidance": p.get("guidance", ""),
                    "answer_type": p["answer_type"],
                    "required": bool(p.get("required")),
                    "choices": list(p.get("choices") or []),
                },
            )
            for p in data["prompts"]
        ]
        ReflectiveTemplate.objects.create(
            slug=data["slug"],
            name=data["name"],
            summary=data.get("summary", ""),
            is_cpd_record=bool(data.get("is_cpd_record")),
            sort_order=order,
            prompts=prompts,
        )
        created += 1
    return created


def load_all():
    return load_frameworks(), load_templates()
