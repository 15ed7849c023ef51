"""The actions of the learning app, callable from views, commands and tests without a request."""

import datetime
import re
import uuid

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from wagtail.models import Revision

from core.prepared import PreparedQuery
from core.privacy import check_text, configured_names
from core.words import count

from . import exports, permissions, record
from . import statements as framework_statements
from .models import (
    ActivityType,
    AssessmentComment,
    EntryKind,
    Evidence,
    LogStatus,
    LogTag,
    Rating,
    RecordEntry,
    ReflectiveLog,
    SelfAssessment,
    registration_year_bounds,
    registration_year_start,
)

LOG_SOURCE = "learning.log"
ASSESSMENT_SOURCE = "learning.assessment"
MANUAL_SOURCE = "learning.manual"

class StaleLog(Exception):
    """The log was saved elsewhere (another tab or device) after the version this save was based on."""

    def __init__(self, current):
        super().__init__("This log was changed somewhere else since you opened it.")
        self.current = current


def new_log(owner, template):
    """An unsaved log on the template's prompts: it is stored on its first save or autosave, so choosing
    a model and leaving stores nothing."""
    return ReflectiveLog(
        owner=owner,
        template=template,
        template_name=template.name,
        is_cpd_record=template.is_cpd_record,
        prompts=template.snapshot(),
        answers={},
        title="",
        activity_type=ActivityType.TRAINING if template.is_cpd_record else ActivityType.DIRECT_WORK,
    )


def with_statements_and_tags(logs):
    """The logs, each given .statement_list (the process's shared statements, in the frameworks' order)
    and .tag_names (sorted): two queries of ids and names for the lot. Prefetching the statements and
    the tags as model objects cost more than the rest of the list of logs."""
    logs = list(logs)
    by_log = {log.pk: log for log in logs}
    for log in logs:
        log.statement_list, log.tag_names = [], []
    if not by_log:
        return logs
    order = {s.pk: i for i, s in enumerate(framework_statements.all_statements())}
    statements = framework_statements.by_pk()
    links = ReflectiveLog.statements.through.objects.filter(reflectivelog_id__in=by_log)
    for log_id, statement_id in links.values_list("reflectivelog_id", "frameworkstatement_id"):
        if statement_id in statements:  # one added since this process read them: shown within a minute
            by_log[log_id].statement_list.append(statements[statement_id])
    tags = LogTag.objects.filter(content_object_id__in=by_log).values_list("content_object_id", "tag__name")
    for log_id, name in tags:
        by_log[log_id].tag_names.append(name)
    for log in logs:
        log.statement_list.sort(key=lambda s: order[s.pk])
        log.tag_names.sort(key=str.casefold)
    return logs


def create_log(owner, template):
    """A stored draft log (demo data and tests; the pages store a log on its first save)."""
    log = new_log(owner, template)
    log.save()
    log.save_revision(user=owner, log_action=False, clean=False)
    return log


def includes_peer_reflection(log):
    """The rule (see README): a peer_reflection answer, or a peer discussion with a written reflection."""
    answers = log.answers or {}
    if str(answers.get("peer_reflection") or "").strip():
        return True
    if log.activity_type == ActivityType.PEER_DISCUSSION:
        long_answers = [p["key"] for p in log.prompts if p["answer_type"] == "long_text"]
        return any(str(answers.get(k) or "").strip() for k in long_answers)
    return False


def _text(value):
    if isinstance(value, (datetime.date,)):
        return f"{value:%d %B %Y}"
    return str(value or "").strip()


def cpd_details(log):
    """Copy-ready sections in Social Work England's order (exports.SWE_FORM): [{key, heading, text}]."""
    answers = log.answers or {}
    long_answers = [(p, _text(answers.get(p["key"]))) for p in log.prompts if p["answer_type"] == "long_text"]
    if log.is_cpd_record:
        text = {key: _text(answers.get(key)) for key in ("cpd_type", "description", "learning", "impact")}
        text["cpd_type"] = text["cpd_type"] or log.get_activity_type_display()
        day = _format_date(answers.get("activity_date")) or f"{log.occurred_on:%d %B %Y}"
    else:
        # Any other reflective model: what happened is its first answer, the rest is what was learnt.
        written = [(p, a) for p, a in long_answers if a and p["key"] != "peer_reflection"]
        text = {
            "cpd_type": log.get_activity_type_display(),
            "description": written[0][1] if written else "",
            "learning": "\n\n".join(f"{p['heading']}: {a}" for p, a in written[1:]),
            "impact": "",
        }
        day = f"{log.occurred_on:%d %B %Y}"
    text.update({
        "title": log.title,
        "date": day,
        "peer_reflection": _text(answers.get("peer_reflection")),
        "standard_4": exports.standard_4_parts(log.statements.select_related("domain__framework")),
    })
    return [{"key": key, "heading": heading, "text": text[key]} for key, heading in exports.SWE_FORM]


def _format_date(value):
    try:
        return f"{datetime.date.fromisoformat(str(value)):%d %B %Y}"
    except ValueError:
        return ""


def sync_log(log):
    """Keep the log's entry on the development record in step with it: complete logs only."""
    if log.status != LogStatus.COMPLETE:
        record.withdraw(source=LOG_SOURCE, source_key=str(log.pk), owner=log.owner_id)
        return None
    first = next((_text(a) for p, a in log.answer_items() if p["answer_type"] == "long_text" and _text(a)), "")
    return record.contribute(
        owner=log.owner,
        source=LOG_SOURCE,
        source_key=str(log.pk),
        kind=EntryKind.REFLECTIVE_LOG,
        title=log.title,
        occurred_on=log.occurred_on,
        hours=log.hours,
        url=f"/learning/logs/{log.pk}/",
        summary=first[:300],
        statement_ids=list(log.statements.values_list("pk", flat=True)),
        counts_as_cpd=True,
        includes_peer_reflection=includes_peer_reflection(log),
        cpd_details=cpd_details(log),
    )


LOG_FIELDS = ("title", "occurred_on", "hours", "activity_type", "person_reference", "answers")


def _store(log, *, user, changes, statements, based_on, tags=None):
    """Write the changes on a fresh version of the log, refusing a save based on an older version."""
    if log.pk is None:
        if log.owner_id != user.pk:
            raise PermissionDenied("A log is written by its owner.")
    else:
        if not permissions.can_edit_log(user, log):
            raise PermissionDenied("Only the person who wrote a log can change it.")
        current = ReflectiveLog.objects.select_for_update().get(pk=log.pk)
        if based_on is not None and current.version != based_on:
            raise StaleLog(current)
        log.version = current.version
    for field, value in (changes or {}).items():
        if field not in LOG_FIELDS:
            raise ValueError(f"{field} is not something a person edits on a log")
        setattr(log, field, value)
    log.version += 1
    log.save()
    if statements is not None:
        log.statements.set(statements)
    if tags is not None:
        log.tags.set(list(tags), clear=True)


@transaction.atomic
def update_log(log, *, user, changes=None, statements=None, complete=None, based_on=None, tags=None):
    """Save a log as its owner: details and answers, then statements, a revision kept, the record entry
    synced once. complete=True completes it, False makes it a draft again, None keeps its status.

    based_on is the version the person was editing: if the log has moved on since (saved in another
    tab), StaleLog is raised and nothing is stored. A new (unsaved) log is stored here. tags: the
    log's tag names (None leaves them as they are).
    """
    if complete is True and log.status != LogStatus.COMPLETE:
        log.status = LogStatus.COMPLETE
        log.completed_at = timezone.now()
    elif complete is False:
        log.status = LogStatus.DRAFT
    _store(log, user=user, changes=changes, statements=statements, based_on=based_on, tags=tags)
    log.save_revision(user=user, log_action=False, clean=False)
    sync_log(log)
    return log


def save_log(log, *, user, complete=None):
    """Save what is already set on the log (demo data, restore): update_log without changes."""
    return update_log(log, user=user, complete=complete)


@transaction.atomic
def autosave_log(log, *, user, changes=None, statements=None, based_on=None, tags=None):
    """Keep what has been typed so far in one rolling draft revision, not one per pause in typing.

    The rolling revision is updated only while it is still the latest: after an explicit "Save draft"
    or "Complete" (update_log) the next autosave starts a new one, so those stay in the history. A
    complete log's record entry is synced with what was typed (it is the same text).
    """
    _store(log, user=user, changes=changes, statements=statements, based_on=based_on, tags=tags)
    rolling = log.autosave_revision_id
    # Updated in place without reading it first: an autosave comes every few seconds while someone types.
    updated = rolling is not None and rolling == log.latest_revision_id and Revision.objects.filter(pk=rolling).update(
        content=log.serializable_data(), object_str=str(log)[:255], user=user, created_at=timezone.now(),
    )
    if not updated:
        log.autosave_revision = log.save_revision(user=user, log_action=False, clean=False)
        log.save(update_fields=["autosave_revision"])
    sync_log(log)
    return log


def restore_revision(log, revision, *, user):
    """Bring back the answers and details of an earlier revision as a new revision."""
    old = revision.as_object()
    return update_log(log, user=user, changes={field: getattr(old, field) for field in LOG_FIELDS})


# ---- Forgetting identifiers kept in earlier versions ------------------------------------------

REMOVED = "[removed]"


def _strings(value):
    """Every string inside a revision's content (answers are a dict, prompts a list of dicts)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _scrub(value, pattern):
    if isinstance(value, str):
        return pattern.sub(REMOVED, value)
    if isinstance(value, dict):
        return {key: _scrub(item, pattern) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub(item, pattern) for item in value]
    return value


def _written(log_or_content):
    """What the worker wrote: title, person reference and answers (not the template's prompts)."""
    if isinstance(log_or_content, dict):
        title, reference, answers = (log_or_content.get(k) for k in ("title", "person_reference", "answers"))
    else:
        title, reference, answers = log_or_content.title, log_or_content.person_reference, log_or_content.answers
    return [title or "", reference or "", *_strings(answers or {})]


def lingering_identifiers(log):
    """Identifiers the worker has edited out of the log that its earlier versions still hold."""
    current = "\n".join(_written(log)).casefold()
    names = configured_names()
    # Each distinct text once: most answers are the same from one version to the next.
    texts = dict.fromkeys(
        text for content, object_str in log.revisions.values_list("content", "object_str")
        for text in [*_written(content or {}), object_str or ""] if text
    )
    found = {}
    for text in texts:
        for finding in check_text(text, names):
            key = finding.text.casefold()
            if key not in current and key not in found:
                found[key] = finding
    return sorted(found.values(), key=lambda f: (f.kind, f.text.casefold()))


@transaction.atomic
def forget_identifiers(log, user):
    """Rewrite every earlier version of the owner's log without what they edited out; returns what went."""
    if log.owner_id != user.pk:
        raise PermissionDenied("Only the person who wrote a log can change its earlier versions.")
    lingering = lingering_identifiers(log)
    if not lingering:
        return []
    texts = sorted({f.text for f in lingering}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(t) for t in texts), re.IGNORECASE)
    for revision in log.revisions.select_for_update():
        content = _scrub(revision.content, pattern)
        object_str = pattern.sub(REMOVED, revision.object_str or "")
        if content != revision.content or object_str != revision.object_str:
            revision.content, revision.object_str = content, object_str
            revision.save(update_fields=["content", "object_str"])
    log.save(update_fields=["search_text"])  # rebuilt from the current text
    sync_log(log)  # the record entry is a copy: write it again from the current text
    return lingering


def delete_log(log):
    """Delete a log and withdraw its record entry (its revisions go with it)."""
    record.withdraw(source=LOG_SOURCE, source_key=str(log.pk), owner=log.owner)
    names = list(log.tags.names())
    log.delete()
    _forget_unused_tags(names)


def _forget_unused_tags(names):
    """A tag name is the owner's words: once no log (nor anything else) uses it, it goes too."""
    from taggit.models import Tag

    Tag.objects.filter(name__in=names, learning_logtag_items__isnull=True, taggit_taggeditem_items__isnull=True).delete()


def add_manual_entry(owner, *, kind, title, occurred_on, hours, summary="", url="", statement_ids=(),
                     includes_peer_reflection=False, key=None):
    return record.contribute(
        owner=owner,
        source=MANUAL_SOURCE,
        source_key=key or uuid.uuid4().hex,
        kind=kind,
        title=title,
        occurred_on=occurred_on,
        hours=hours,
        url=url,
        summary=summary,
        statement_ids=statement_ids,
        counts_as_cpd=True,
        includes_peer_reflection=includes_peer_reflection,
    )


def sync_assessment(assessment):
    rated = assessment.ratings.count()
    return record.contribute(
        owner=assessment.owner,
        source=ASSESSMENT_SOURCE,
        source_key=str(assessment.pk),
        kind=EntryKind.SELF_ASSESSMENT,
        title=f"Self-assessment against {assessment.framework}",
        occurred_on=assessment.assessed_on,
        url=f"/learning/assessments/{assessment.pk}/",
        summary=f"Rated confidence against {count(rated, 'statement')}.",
        statement_ids=list(assessment.ratings.values_list("statement_id", flat=True)),
    )


# ---- CPD readiness ------------------------------------------------------------------------


# Asked on every visit to the dashboard and the record: built once per process (core.prepared).
_cpd_counts = PreparedQuery(
    lambda owner, first, last: RecordEntry.objects.filter(owner=owner, occurred_on__range=(first, last), counts_as_cpd=True)
    .values("owner").annotate(cpd=Count("id"), peer=Count("id", filter=Q(includes_peer_reflection=True))).order_by(),
    owner=int, first=datetime.date, last=datetime.date,
)


def readiness(owner, on=None):
    """CPD readiness for the registration year containing `on`: two CPD records, one with peer reflection."""
    on = on or timezone.localdate()
    start_year = registration_year_start(on)
    first, last = registration_year_bounds(start_year)
    counts = _cpd_counts(owner=owner.pk, first=first, last=last)
    cpd, peer = (counts[0]["cpd"], counts[0]["peer"]) if counts else (0, 0)
    missing = []
    if cpd < 2:
        need = 2 - cpd
        missing.append(
            f"You need {need} more CPD record{'s' if need > 1 else ''} dated between "
            f"{first:%-d %B %Y} and {last:%-d %B %Y}."
        )
    if peer < 1:
        missing.append(
            "None of your CPD records for this year includes peer reflection yet: add what you learnt from "
            "discussing your learning with a colleague to at least one of them."
        )
    return {
        "start_year": start_year,
        "first": first,
        "last": last,
        "cpd_count": cpd,
        "peer_count": peer,
        "ready": not missing,
        "missing": missing,
    }


def logs_shared_with(user):
    """"Shared with me": the logs permissions.logs_shared_with lets the user read, newest first."""
    return permissions.logs_shared_with(user).order_by("-occurred_on", "-pk")


SHARE_AUDIENCES = ("private", "all_supervisors", "chosen")


@transaction.atomic
def share_log(log, *, user, audience, supervisors=(), teams=(), peer_groups=None):
    """Share the owner's log with all current supervisors or chosen ones, teams and peer groups
    ({id: name}, the user's own from record.peer_groups_of); "private" with nothing else withdraws it."""
    if not permissions.can_edit_log(user, log):
        raise PermissionDenied("Only the person who wrote a log can share it.")
    if audience not in SHARE_AUDIENCES:
        raise ValueError(f"Unknown audience {audience!r}")
    log.share_with_all_supervisors = audience == "all_supervisors"
    log.save(update_fields=["share_with_all_supervisors", "search_text"])
    log.shared_supervisors.set(list(supervisors) if audience == "chosen" else [])
    log.shared_teams.set(list(teams))
    share_with_peer_groups(log, dict(peer_groups or {}))
    return log


def share_with_peer_groups(log, groups):
    """Share the log with exactly these peer groups ({id: name}); an empty dict withdraws it."""
    from .models import LogPeerGroupShare

    log.peer_group_shares.exclude(peer_group_id__in=list(groups)).delete()
    for group_id, name in groups.items():
        LogPeerGroupShare.objects.update_or_create(log=log, peer_group_id=group_id, defaults={"group_name": name})


# ---- Self-assessment ------------------------------------------------------------------------


@transaction.atomic
def record_assessment(owner, framework, *, ratings, note=""):
    """A new self-assessment (earlier ones are kept): ratings {statement: 1-5}, put on the record."""
    assessment = SelfAssessment.objects.create(owner=owner, framework=framework, note=note or "")
    Rating.objects.bulk_create([
        Rating(assessment=assessment, statement=statement, value=int(value))
        for statement, value in ratings.items() if value
    ])
    sync_assessment(assessment)
    return assessment


def comment_on_assessment(assessment, *, user, text):
    """A current supervisor of the owner adds a comment to the self-assessment's dated history."""
    if not permissions.can_comment_on_assessment(user, assessment):
        raise PermissionDenied("Only a current supervisor can comment on a self-assessment.")
    return AssessmentComment.objects.create(
        assessment=assessment, author=user, author_name=user.get_full_name() or user.email, text=text.strip()
    )


# ---- Evidence files ----------------------------------------------------------------------------


@transaction.atomic
def add_evidence(user, upload, *, log=None, entry=None):
    """Attach a checked file (forms.EvidenceForm) to the user's own log or learning added by hand."""
    if (log is None) == (entry is None):
        raise ValueError("Evidence backs one log or one record entry")
    if log is not None and not permissions.can_edit_log(user, log):
        raise PermissionDenied("Only the person who wrote a log can add evidence to it.")
    if entry is not None and (entry.owner_id != user.pk or entry.source != MANUAL_SOURCE):
        raise PermissionDenied("You can add evidence only to learning you added yourself.")
    return Evidence.objects.create(
        owner=user, log=log, entry=entry, file=upload, name=upload.name[:200],
        content_type=(getattr(upload, "content_type", "") or "application/octet-stream")[:100], size=upload.size,
    )


def remove_evidence(evidence, *, user):
    """The owner removes a file; it is deleted from storage with its row."""
    if evidence.owner_id != user.pk:
        raise PermissionDenied("Only the person who added a file can remove it.")
    evidence.delete()


# ---- Learning added by hand ------------------------------------------------------------------


def remove_manual_entry(entry, *, user):
    """The owner removes learning they added by hand (other entries belong to the records they came from)."""
    if entry.owner_id != user.pk or entry.source != MANUAL_SOURCE:
        raise PermissionDenied("You can remove only learning you added yourself.")
    return record.withdraw(source=MANUAL_SOURCE, source_key=entry.source_key, owner=user)
