"""One world for the access matrix: a worker's private records, each text a unique planted marker.

Every private text is "PLANTED-<kind>-<random>", so a test can look for it in any answer (a page,
a CSV, a PDF, an .ics, an email) and know exactly whose words leaked where. `World.markers` maps
each kind to its text; `tests.access_matrix.READERS` says who may read each kind.
"""

import datetime
import secrets
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

# A word in the unshared log that is not itself a marker, so a search for it does not echo a marker back.
SEARCH_WORD = "kingfisher"


def plant(markers, kind):
    markers[kind] = f"PLANTED-{kind}-{secrets.token_hex(4)}"
    return markers[kind]


def build_world():
    from allauth.mfa.models import Authenticator
    from django.contrib.auth.models import Group

    from core.demo import seed_site
    from learning import services as learning_services
    from learning.models import Framework, Rating, SelfAssessment
    from learning.tests.factories import make_log
    from people.models import Role
    from people.roles import ensure_role_groups, sync_user_groups
    from people.tests.factories import SupervisionRelationshipFactory, TeamFactory, make_person
    from search.models import OutOfDateReport, ServiceNote, Shortlist, ShortlistItem
    from search.tests.factories import ServiceFactory, add_location
    from supervision import services as supervision_services
    from supervision.demo import ensure_auditor_group
    from supervision.models import CaseDiscussion, SessionParticipant, SessionStatus
    from supervision.tests.factories import AgreementFactory, PeerGroupFactory, SessionFactory

    seed_site()
    ensure_role_groups()
    m = {}
    today = timezone.localdate()
    team = TeamFactory(name="Matrix Team (North)")
    elsewhere = TeamFactory(name="Matrix Team (South)")

    cast = {
        "owner": make_person(Role.WORKER, team, email="owner@example.org", first_name="Olive"),
        "other_worker": make_person(Role.WORKER, team, email="colleague@example.org", first_name="Colin"),
        "supervisor": make_person(Role.SUPERVISOR, team, email="supervisor@example.org", first_name="Sue"),
        "unrelated_supervisor": make_person(Role.SUPERVISOR, elsewhere, email="elsewhere@example.org"),
        "ended_supervisor": make_person(Role.SUPERVISOR, team, email="former@example.org", first_name="Fran"),
        "practice_lead": make_person(Role.PRACTICE_LEAD, team, email="lead@example.org"),
        "auditor": make_person(Role.WORKER, elsewhere, email="auditor@example.org"),
        "administrator": make_person(Role.ADMINISTRATOR, elsewhere, email="admin@example.org"),
    }
    owner, supervisor, former = cast["owner"], cast["supervisor"], cast["ended_supervisor"]
    unrelated_supervisee = make_person(Role.WORKER, elsewhere, email="someone.else@example.org")
    SupervisionRelationshipFactory(supervisor=supervisor, supervisee=owner)
    SupervisionRelationshipFactory(supervisor=cast["unrelated_supervisor"], supervisee=unrelated_supervisee)
    SupervisionRelationshipFactory(
        supervisor=former, supervisee=owner,
        start_date=today - datetime.timedelta(days=400), end_date=today - datetime.timedelta(days=1),
    )
    cast["auditor"].groups.add(ensure_auditor_group())
    for person in cast.values():
        sync_user_groups(person)
    # Administrators must set up two-factor authentication; this one has.
    Authenticator.objects.create(user=cast["administrator"], type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    assert Group.objects.get(name="Administrators").user_set.filter(pk=cast["administrator"].pk).exists()

    # ---- Learning: three logs and a self-assessment ---------------------------------------------
    def answers(kind, extra=""):
        text = plant(m, kind)
        return {"description": f"{text} {extra}".strip(), "feelings": f"{text} and how it felt"}

    unshared = make_log(owner, title=plant(m, "log-unshared-title"),
                        answers=answers("log-unshared", f"we watched a {SEARCH_WORD}"))
    shared = make_log(owner, title=plant(m, "log-shared-title"), answers=answers("log-shared"))
    shared.share_with_all_supervisors = True
    shared.save(update_fields=["share_with_all_supervisors", "search_text"])
    draft = make_log(owner, complete=False, title=plant(m, "log-draft-title"), answers=answers("log-draft"))
    draft.share_with_all_supervisors = True  # sharing set, but drafts stay with their author
    draft.save(update_fields=["share_with_all_supervisors", "search_text"])

    framework = Framework.objects.filter(is_active=True).order_by("pk").first()
    assessment = SelfAssessment.objects.create(owner=owner, framework=framework, note=plant(m, "assessment-note"))
    statement = framework.domains.first().statements.first()
    Rating.objects.create(assessment=assessment, statement=statement, value=3)
    learning_services.sync_assessment(assessment)
    manual_entry = learning_services.add_manual_entry(
        owner, kind="course", title="Positive behaviour support course", occurred_on=today, hours=3,
        summary="", statement_ids=[], includes_peer_reflection=False,
    )

    # Evidence files whose bytes carry the log's own marker: only the log's readers may get them.
    evidence_unshared = learning_services.add_evidence(
        owner, SimpleUploadedFile("notes.txt", f"Notes: {m['log-unshared']}".encode()), log=unshared)
    evidence_shared = learning_services.add_evidence(
        owner, SimpleUploadedFile("certificate.txt", f"Certificate: {m['log-shared']}".encode()), log=shared)

    # ---- Supervision: an agreement, a signed-off session, and one the former supervisor ran -----
    agreement = AgreementFactory(supervisor=supervisor, supervisee=owner, place=plant(m, "agreement-place"),
                                 notes_arrangements=plant(m, "agreement-text"))
    former_agreement = AgreementFactory(supervisor=former, supervisee=owner,
                                        starts_on=today - datetime.timedelta(days=390),
                                        notes_arrangements=plant(m, "former-agreement-text"))

    session = SessionFactory(supervisor=supervisor, supervisees=[owner], place=plant(m, "session-place"),
                             starts_at=timezone.now() - datetime.timedelta(days=2))
    prompt_key = session.template_snapshot["sections"][0]["prompts"][0]["key"]
    supervision_services.add_agenda_item(session, owner, plant(m, "session-agenda"))
    supervision_services.save_notes(session, supervisor, {prompt_key: plant(m, "session-notes")})
    supervision_services.add_case_discussion(
        session, supervisor, case_reference="CR-1001", presenting_situation=plant(m, "session-case"),
        decision="Carry on", rationale="Agreed together",
    )
    action = supervision_services.add_action(session, supervisor, description=plant(m, "session-action"), owner=owner)
    supervision_services.send_for_sign_off(session, supervisor)
    supervision_services.sign(session, supervisor)
    supervision_services.sign(session, owner)
    session.refresh_from_db()
    assert session.status == SessionStatus.SIGNED_OFF
    supervision_services.add_addendum(session, owner, plant(m, "session-addendum"))

    # Held while the relationship was current; written straight to the model since it has ended now.
    former_session = SessionFactory(supervisor=former, supervisees=[owner], place=plant(m, "former-session-place"),
                                    starts_at=timezone.now() - datetime.timedelta(days=60))
    former_key = former_session.template_snapshot["sections"][0]["prompts"][0]["key"]
    former_session.notes = {former_key: plant(m, "former-session-notes")}
    former_session.status = SessionStatus.SIGNED_OFF
    former_session.supervisor_signed_at = former_session.locked_at = timezone.now() - datetime.timedelta(days=59)
    former_session.save()
    SessionParticipant.objects.filter(session=former_session).update(signed_at=former_session.locked_at)
    CaseDiscussion.objects.create(session=former_session, added_by=former, case_reference="CR-0900",
                                  presenting_situation=plant(m, "former-session-case"), decision="-", rationale="-")
    supervision_services.contribute_supervision(former_session)

    # ---- Peer learning: the owner and a colleague in a group the practice lead's team runs ------
    group = PeerGroupFactory(team=team, facilitator=cast["other_worker"], members=[owner, cast["other_worker"]],
                             description="Monthly case consultation")
    peer_session = supervision_services.record_peer_session(
        group=group, recorded_by=cast["other_worker"], attendees=[owner, cast["other_worker"]], guests=[],
        held_on=today - datetime.timedelta(days=3), length_minutes=60, format=group.default_format,
        themes=plant(m, "peer-themes"), learning_points=plant(m, "peer-learning"),
    )
    reflection = supervision_services.save_peer_reflection(peer_session, owner, plant(m, "peer-reflection"))

    # ---- Risk enablement panel: the owner's request to a panel the colleague chairs ------------
    from panels import services as panel_services
    from panels.models import Outcome
    from panels.tests.factories import PanelFactory, answers

    panel = PanelFactory(name="Matrix panel", team=team, chair=cast["other_worker"], members=[])
    panel_request = panel_services.start_request(panel=panel, worker=owner, case_reference="CR-5005")
    panel_services.save_request(panel_request, owner, **{**answers(), "what_person_wants": plant(m, "panel-request")})
    panel_services.agree_request(panel_request, supervisor)
    panel_services.submit_request(panel_request, owner)
    panel_meeting = panel_services.schedule_meeting(panel=panel, chair=cast["other_worker"], meets_on=today)
    panel_services.add_to_agenda(panel_meeting, cast["other_worker"], panel_request)
    panel_services.record_attendance(panel_meeting, cast["other_worker"], attendees=[cast["other_worker"]], guests=[])
    panel_decision = panel_services.record_decision(
        panel_meeting, cast["other_worker"], panel_request, outcome=Outcome.AGREED_WITH_CONDITIONS,
        rationale=plant(m, "panel-decision"), conditions="Carries a phone", shared_by=[cast["other_worker"]],
        review_on=today + datetime.timedelta(days=30), actions=[("Arrange travel training", owner, None)],
    )
    panel_services.sign_off(panel_meeting, cast["other_worker"])
    panel_services.save_reflection(panel_meeting, owner, plant(m, "panel-reflection"))

    # ---- Directory: a service with a team note; the owner's private shortlist --------------------
    service = ServiceFactory(name="Matrix short breaks")
    add_location(service)
    note = ServiceNote.objects.create(service=service, author=cast["other_worker"], text=plant(m, "team-note"))
    report = OutOfDateReport.objects.create(service=service, reported_by=cast["other_worker"], reason="Moved")
    shortlist = Shortlist.objects.create(owner=owner, label=plant(m, "shortlist-label"))
    item = ShortlistItem.objects.create(shortlist=shortlist, service=service, note=plant(m, "shortlist-note"))

    # ---- A prepared download of the owner's data (what the worker leaves for them) ---------------
    from core.models import Download

    download = Download.objects.create(
        owner=owner, builder="my_data", title="Your data", status=Download.Status.READY, file_name="my-data.zip",
        content_type="text/plain", content=m["log-unshared"].encode(), size=1,  # their own private words
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    # ---- Pen pictures: the owner's own, two versions with a photo, the first made current again ----
    from penpictures import services as pen_services
    from penpictures.tests.factories import photo_bytes

    pen_texts = {"who_i_am": plant(m, "pen-picture"), "what_i_do": "Named social worker", "how_to_reach_me": "The team's phone"}
    pen_version = pen_services.save_version(owner, texts=pen_texts, photo=photo_bytes())
    pen_services.save_version(owner, texts={**pen_texts, "what_i_enjoy": "Walking"})
    pen_services.make_current(owner, pen_version)

    return SimpleNamespace(
        download=download,
        cast=cast, markers=m, team=team, owner=owner,
        log_unshared=unshared, log_shared=shared, log_draft=draft,
        rev_unshared=unshared.revisions.order_by("pk").last(),
        assessment=assessment, framework=framework, manual_entry=manual_entry, report=report,
        evidence_unshared=evidence_unshared, evidence_shared=evidence_shared,
        agreement=agreement, former_agreement=former_agreement,
        session=session, former_session=former_session, action=action,
        peer_group=group, peer_session=peer_session, reflection=reflection,
        service=service, note=note, shortlist=shortlist, shortlist_item=item,
        panel=panel, panel_request=panel_request, panel_meeting=panel_meeting, panel_decision=panel_decision,
        panel_action=panel_decision.actions.get(), pen_version=pen_version,
    )
