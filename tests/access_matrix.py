"""The access matrix: every URL of the site against every role, as the product promises it.

A record is seen only by its owner and those the owner shares it with. Supervisors read supervision
content only for sessions they were in, while they still supervise; practice leads see counts and
dates, never notes; auditors read supervision records through the audit permission; administrators
manage the system but do not read workers' reflections through product pages.

`tests/test_access_matrix.py` builds one world (`tests/access_world.py`) in which every private
text is a planted marker, makes each request below as each role, and checks the answer.

How to read a cell
    C     content: 200, and the row's `shows` markers this role may read are all in the body
    F     facts only: 200 (the page answers; nothing the role may not read is in it)
    L     sent to sign in (302 to the login page)
    R     redirected elsewhere (302, not to a login page)
    D     admin refused: 403, or 302 away from the page and below it (to sign in, or Wagtail's
          "no permission")
    403, 404, 405 (GET on a form that only takes POST)

In every cell, whatever the outcome, no marker outside READERS[kind] for that role may appear
anywhere in the answer (HTML, CSV, JSON, PDF text, .ics).

Rows: `name  target  cells...  shows`. The target picks the world's objects for the URL's
arguments (see TARGETS in the test); a URL name may have several rows (a shared and an unshared
log). Every URL pattern of the site must have at least one row, or the test fails; the Wagtail
admin's own patterns are one family (ADMIN_FAMILY) checked on a sample (ADMIN_SAMPLE).
"""

ROLES = (
    "anonymous", "owner", "other_worker", "supervisor", "unrelated_supervisor",
    "ended_supervisor", "practice_lead", "auditor", "administrator",
)
HEADER = ("anon", "owner", "other", "sup", "unrel", "ended", "lead", "audit", "admin")

EVERYONE = set(ROLES) - {"anonymous"}
OWNER = {"owner"}
OWNER_AND_SUPERVISOR = {"owner", "supervisor"}
SUPERVISION_ROOM = {"owner", "supervisor", "auditor"}

# Who may read each planted kind, on any page, export, email or calendar file.
READERS = {
    "log-unshared": OWNER,
    "log-unshared-title": OWNER_AND_SUPERVISOR,  # a supervisor sees that a log exists, not its text
    "log-shared": OWNER_AND_SUPERVISOR,
    "log-shared-title": OWNER_AND_SUPERVISOR,
    "log-draft": OWNER,
    "log-draft-title": OWNER,  # drafts are not on the record
    "assessment-note": OWNER_AND_SUPERVISOR,
    "agreement-text": OWNER_AND_SUPERVISOR,
    "agreement-place": OWNER_AND_SUPERVISOR,
    "former-agreement-text": OWNER,  # the relationship ended yesterday
    "session-agenda": SUPERVISION_ROOM,
    "session-notes": SUPERVISION_ROOM,
    "session-case": SUPERVISION_ROOM,
    "session-action": SUPERVISION_ROOM,
    "session-addendum": SUPERVISION_ROOM,
    "session-place": SUPERVISION_ROOM,
    "former-session-notes": {"owner", "auditor"},
    "former-session-case": {"owner", "auditor"},
    "former-session-place": {"owner", "auditor"},
    "peer-themes": {"owner", "other_worker"},  # the group's members
    "peer-learning": {"owner", "other_worker"},
    "peer-reflection": OWNER,
    "team-note": EVERYONE,  # directory team notes are for all staff
    "shortlist-label": OWNER,
    "shortlist-note": OWNER,
    # A panel request and its decision: the worker, their current supervisor, the panel's members.
    "panel-request": {"owner", "supervisor", "other_worker"},
    "panel-decision": {"owner", "supervisor", "other_worker"},
    "panel-reflection": {"owner", "other_worker"},  # copied to the record: the people at the meeting
    "pen-picture": OWNER,  # the worker's own until they hand it over on paper
}

LOG_UNSHARED = "log-unshared log-unshared-title"
LOG_SHARED = "log-shared log-shared-title"
RECORD = f"{LOG_UNSHARED} {LOG_SHARED}"
SESSION = "session-agenda session-notes session-case session-action session-addendum"
SHORTLIST = "shortlist-label shortlist-note"

# name                                    target             anon  owner other sup   unrel ended lead  audit admin shows
TABLE = f"""
people:my-account                         -                  L     F     F     F     F     F     F     F     F
learning:index                            -                  L     C     F     F     F     F     F     F     F     log-unshared-title log-shared-title log-draft-title
learning:log-list                         -                  L     C     F     F     F     F     F     F     F     log-unshared-title log-shared-title log-draft-title
learning:log-list                         search             L     C     F     F     F     F     F     F     F     log-unshared-title
learning:log-create                       -                  L     F     F     F     F     F     F     F     F
learning:log-start                        template           L     F     F     F     F     F     F     F     F
learning:log-start-autosave               template           L     405   405   405   405   405   405   405   405
learning:log-shared                       -                  L     F     F     C     F     F     F     F     F     log-shared-title
learning:log-detail                       unshared           L     C     404   404   404   404   404   404   404   {LOG_UNSHARED}
learning:log-detail                       shared             L     C     404   C     404   404   404   404   404   {LOG_SHARED}
learning:log-detail                       draft              L     C     404   404   404   404   404   404   404   log-draft log-draft-title
learning:log-edit                         unshared           L     C     404   404   404   404   404   404   404   {LOG_UNSHARED}
learning:log-edit                         shared             L     C     404   404   404   404   404   404   404   {LOG_SHARED}
learning:log-autosave                     unshared           L     405   405   405   405   405   405   405   405
learning:log-share                        unshared           L     C     404   404   404   404   404   404   404   log-unshared-title
learning:log-delete                       unshared           L     C     404   404   404   404   404   404   404   log-unshared-title
learning:log-revisions                    unshared           L     F     404   404   404   404   404   404   404
learning:log-revision                     unshared-revision  L     C     404   404   404   404   404   404   404   log-unshared
learning:log-revision-restore             unshared-revision  L     405   405   405   405   405   405   405   405
learning:log-forget                       unshared           L     F     404   404   404   404   404   404   404
learning:log-evidence-add                 unshared           L     C     404   404   404   404   404   404   404   log-unshared-title
learning:entry-evidence-add               manual-entry       L     F     404   404   404   404   404   404   404
learning:evidence-download                evidence-unshared  L     C     404   404   404   404   404   404   404   log-unshared
learning:evidence-download                evidence-shared    L     C     404   C     404   404   404   404   404   log-shared
learning:evidence-remove                  evidence-unshared  L     405   405   405   405   405   405   405   405
learning:record                           -                  L     C     F     F     F     F     F     F     F     {RECORD}
learning:record-add                       -                  L     F     F     F     F     F     F     F     F
learning:coverage                         -                  L     F     F     F     F     F     F     F     F
learning:record-entry-delete              manual-entry       L     F     404   404   404   404   404   404   404
learning:record-export                    csv                L     C     F     F     F     F     F     F     F     {RECORD}
learning:record-export                    json               L     C     F     F     F     F     F     F     F     {RECORD}
learning:record-export                    pdf                L     C     F     F     F     F     F     F     F     {RECORD}
learning:record-for                       owner              L     C     403   C     403   403   403   403   403   {RECORD}
learning:coverage-for                     owner              L     F     403   F     403   403   403   403   403
learning:record-export-for                owner-csv          L     C     403   C     403   403   403   403   403   {RECORD}
learning:record-export-for                owner-json         L     C     403   C     403   403   403   403   403   {RECORD}
learning:record-export-for                owner-pdf          L     C     403   C     403   403   403   403   403   {RECORD}
learning:framework-list                   -                  L     F     F     F     F     F     F     F     F
learning:framework-detail                 framework          L     F     F     F     F     F     F     F     F
learning:assessment-create                framework          L     F     F     F     F     F     F     F     F
learning:assessment-list                  -                  L     F     F     F     F     F     F     F     F
learning:assessment-detail                assessment         L     C     404   C     404   404   404   404   404   assessment-note
supervision:index                         -                  L     F     F     F     F     F     F     F     F
supervision:agreement-create              -                  L     403   403   F     F     403   403   403   403
supervision:agreement-detail              agreement          L     C     404   C     404   404   404   404   404   agreement-text agreement-place
supervision:agreement-detail              former-agreement   L     C     404   404   404   F     404   404   404   former-agreement-text
supervision:agreement-edit                agreement          L     403   404   C     404   404   404   404   404   agreement-text
supervision:agreement-accept              agreement          L     405   405   405   405   405   405   405   405
supervision:session-create                -                  L     403   403   F     F     403   403   403   403
supervision:session-detail                session            L     C     404   C     404   404   404   C     404   {SESSION}
supervision:session-detail                former-session     L     C     404   404   404   403   404   C     404   former-session-notes former-session-case
supervision:agenda-add                    session            L     405   405   405   405   405   405   405   405
supervision:session-notes                 session            L     403   404   403   404   404   404   403   404
supervision:case-add                      session            L     405   405   405   405   405   405   405   405
supervision:action-add                    session            L     405   405   405   405   405   405   405   405
supervision:session-sign                  session            L     405   405   405   405   405   405   405   405
supervision:addendum-add                  session            L     405   405   405   405   405   405   405   405
supervision:session-reschedule            session            L     403   404   403   404   404   404   403   404
supervision:session-ics                   session            L     C     404   C     404   404   404   C     404   session-place
supervision:session-ics                   former-session     L     C     404   404   404   F     404   C     404   former-session-place
supervision:session-transition            session-start      L     405   405   405   405   405   405   405   405
supervision:action-status                 action             L     405   405   405   405   405   405   405   405
supervision:peer-group-list               -                  L     F     F     F     F     F     F     F     F
supervision:peer-group-create             -                  L     403   403   F     F     F     F     403   F
supervision:peer-group-detail             peer-group         L     F     F     404   404   404   F     404   F
supervision:peer-group-edit               peer-group         L     403   F     404   404   404   F     404   F
supervision:peer-session-create           peer-group         L     F     F     404   404   404   F     404   F
supervision:peer-session-detail           peer-session       L     C     C     404   404   404   403   404   403   peer-themes peer-learning peer-reflection
supervision:team-numbers                  -                  L     403   403   403   403   403   F     403   F
supervision:team-numbers-csv              -                  L     403   403   403   403   403   F     403   F
panels:index                              -                  L     F     F     F     F     F     F     F     F
panels:panel-detail                       panel              L     403   F     403   403   403   F     403   F
panels:meeting-create                     panel              L     403   F     403   403   403   403   403   403
panels:request-create                     -                  L     F     F     F     F     F     F     F     F
panels:request-detail                     panel-request      L     C     C     C     403   403   403   403   403   panel-request panel-decision
panels:request-edit                       panel-request      L     403   403   403   403   403   403   403   403
panels:request-autosave                   panel-request      L     405   405   405   405   405   405   405   405
panels:request-step                       panel-request-agree L    405   405   405   405   405   405   405   405
panels:meeting-detail                     panel-meeting      L     F     C     403   403   403   403   403   403   panel-decision
panels:meeting-agenda                     panel-meeting      L     405   405   405   405   405   405   405   405
panels:meeting-attendance                 panel-meeting      L     403   403   403   403   403   403   403   403
panels:decision-record                    panel-meeting-request L  403   403   403   403   403   403   403   403
panels:meeting-sign-off                   panel-meeting      L     405   405   405   405   405   405   405   405
panels:addendum-add                       panel-meeting      L     405   405   405   405   405   405   405   405
panels:meeting-reflection                 panel-meeting      L     C     F     403   403   403   403   403   403   panel-reflection
panels:action-status                      panel-action       L     405   405   405   405   405   405   405   405
panels:review-record                      panel-decision     L     F     F     403   403   403   403   403   403
measures:index                            -                  L     403   403   403   403   403   F     403   F
measures:export-csv                       -                  L     403   403   403   403   403   F     403   F
measures:report-pdf                       -                  L     403   403   403   403   403   F     403   F
penpictures:mine                          -                  L     C     F     F     F     F     F     F     F     pen-picture
penpictures:edit                          -                  L     C     F     F     F     F     F     F     F     pen-picture
penpictures:print                         -                  L     C     404   404   404   404   404   404   404   pen-picture
penpictures:print                         pen-version-query  L     C     404   404   404   404   404   404   404   pen-picture
penpictures:pdf                           -                  L     C     404   404   404   404   404   404   404   pen-picture
penpictures:pdf                           pen-version-large  L     C     404   404   404   404   404   404   404   pen-picture
penpictures:version                       pen-version        L     C     404   404   404   404   404   404   404   pen-picture
penpictures:make-current                  pen-version        L     405   405   405   405   405   405   405   405
penpictures:photo                         pen-version        L     F     404   404   404   404   404   404   404
penpictures:guide                         -                  L     F     F     F     F     F     F     F     F
penpictures:guide                         large              L     F     F     F     F     F     F     F     F
penpictures:guide-pdf                     -                  L     F     F     F     F     F     F     F     F
penpictures:guide-pdf                     large              L     F     F     F     F     F     F     F     F
search:search                             search             L     F     F     F     F     F     F     F     F
search:suggest                            search             L     F     F     F     F     F     F     F     F
search:service-detail                     service            L     C     C     C     C     C     C     C     C     team-note
search:note-add                           service            L     405   405   405   405   405   405   405   405
search:report-out-of-date                 service            L     F     F     F     F     F     F     F     F
search:service-mark-reviewed              service            L     405   405   405   405   405   405   405   405
search:note-delete                        note               L     405   405   405   405   405   405   405   405
search:review-list                        -                  L     403   403   403   403   403   F     403   F
search:report-resolve                     report             L     405   405   405   405   405   405   405   405
search:shortlist                          -                  L     C     F     F     F     F     F     F     F     shortlist-label
search:shortlist-add                      -                  L     405   405   405   405   405   405   405   405
search:shortlist-new                      -                  L     405   405   405   405   405   405   405   405
search:shortlist-item-edit                shortlist-item     L     405   405   405   405   405   405   405   405
search:shortlist-item-remove              shortlist-item     L     405   405   405   405   405   405   405   405
search:shortlist-detail                   shortlist          L     C     404   404   404   404   404   404   404   {SHORTLIST}
search:shortlist-rename                   shortlist          L     405   405   405   405   405   405   405   405
search:shortlist-delete                   shortlist          L     405   405   405   405   405   405   405   405
search:shortlist-print                    shortlist          L     C     404   404   404   404   404   404   404   shortlist-note
search:shortlist-pdf                      shortlist          L     C     404   404   404   404   404   404   404   shortlist-note
search:shortlist-text                     shortlist          L     C     404   404   404   404   404   404   404   shortlist-note
oruk:root                                 -                  F     F     F     F     F     F     F     F     F
oruk:openapi                              -                  F     F     F     F     F     F     F     F     F
oruk:service-list                         -                  F     F     F     F     F     F     F     F     F
oruk:service-detail                       oruk-service       F     F     F     F     F     F     F     F     F
oruk:service-at-location-list             -                  F     F     F     F     F     F     F     F     F
oruk:service-at-location-detail           sample-id          404   404   404   404   404   404   404   404   404
oruk:taxonomy-list                        -                  F     F     F     F     F     F     F     F     F
oruk:taxonomy-detail                      sample-id          404   404   404   404   404   404   404   404   404
oruk:taxonomy-term-list                   -                  F     F     F     F     F     F     F     F     F
oruk:taxonomy-term-detail                 sample-id          404   404   404   404   404   404   404   404   404
page-search                               search             L     F     F     F     F     F     F     F     F
my-data                                   -                  L     F     F     F     F     F     F     F     F
email-preferences                         -                  L     F     F     F     F     F     F     F     F
download-detail                           download           L     F     404   404   404   404   404   404   404
download-file                             download           L     C     404   404   404   404   404   404   404   log-unshared
health                                    -                  F     F     F     F     F     F     F     F     F
home                                      home               L     F     F     F     F     F     F     F     F
wagtail_serve                             home               L     F     F     F     F     F     F     F     F
wagtail_serve                             guidance           L     F     F     F     F     F     F     F     F
wagtail_serve                             no-such-page       L     404   404   404   404   404   404   404   404
wagtailcore_login                         -                  F     F     F     F     F     F     F     F     F
wagtailcore_authenticate_with_password    sample-restriction L     404   404   404   404   404   404   404   404
wagtaildocs_serve                         sample-document    L     404   404   404   404   404   404   404   404
wagtaildocs_authenticate_with_password    sample-restriction L     404   404   404   404   404   404   404   404
"""

# Signing in, out and managing one's own account (django-allauth): no records on these pages.
# Anonymous visitors reach the public ones; signed-in people are sent on from the sign-in pages.
ACCOUNT_TABLE = """
account_login                             -                  F     R     R     R     R     R     R     R     R
account_logout                            -                  R     F     F     F     F     F     F     F     F
account_inactive                          -                  F     F     F     F     F     F     F     F     F
account_signup                            -                  F     R     R     R     R     R     R     R     R
account_reauthenticate                    -                  L     F     F     F     F     F     F     F     F
account_email                             -                  L     F     F     F     F     F     F     F     F
account_email_verification_sent           -                  F     F     F     F     F     F     F     F     F
account_change_password                   -                  L     F     F     F     F     F     F     F     F
account_set_password                      -                  L     R     R     R     R     R     R     R     R
account_reset_password                    -                  F     F     F     F     F     F     F     F     F
account_confirm_login_code                -                  L     R     R     R     R     R     R     R     R
account_confirm_email                     sample-key         F     F     F     F     F     F     F     F     F
account_reset_password_from_key_done      -                  F     F     F     F     F     F     F     F     F
account_reset_password_from_key           sample-key         F     F     F     F     F     F     F     F     F
account_reset_password_done               -                  F     F     F     F     F     F     F     F     F
mfa_index                                 -                  L     F     F     F     F     F     F     F     F
mfa_authenticate                          -                  L     R     R     R     R     R     R     R     R
mfa_reauthenticate                        -                  L     R     R     R     R     R     R     R     F
mfa_activate_totp                         -                  L     R     R     R     R     R     R     R     R
mfa_deactivate_totp                       -                  L     404   404   404   404   404   404   404   R
mfa_view_recovery_codes                   -                  L     404   404   404   404   404   404   404   404
mfa_generate_recovery_codes               -                  L     R     R     R     R     R     R     R     R
mfa_download_recovery_codes               -                  L     404   404   404   404   404   404   404   404
socialaccount_login_cancelled             -                  F     F     F     F     F     F     F     F     F
socialaccount_login_error                 -                  L     401   401   401   401   401   401   401   401
socialaccount_signup                      -                  L     L     L     L     L     L     L     L     L
socialaccount_connections                 -                  L     F     F     F     F     F     F     F     F
openid_connect_login                      sample-provider    404   404   404   404   404   404   404   404   404
openid_connect_callback                   sample-provider    404   404   404   404   404   404   404   404   404
"""

# Old allauth paths kept without names: they answer as their named twins do.
UNNAMED_ROUTES = {
    "accounts/social/login/cancelled/": "socialaccount_login_cancelled",
    "accounts/social/login/error/": "socialaccount_login_error",
    "accounts/social/signup/": "socialaccount_signup",
    "accounts/social/connections/": "socialaccount_connections",
}

# The Wagtail admin is one family: practice leads reach content only, administrators everything,
# everyone else nothing. Every URL under admin/ belongs to it; it is checked on this sample:
# the listing and "add" page of each registered viewset and snippet, users and groups.
ADMIN_FAMILY = "admin/"
ADMIN_CONTENT = [  # practice leads edit these
    "wagtailsnippets_learning_reflectivetemplate:list", "wagtailsnippets_learning_reflectivetemplate:add",
    "wagtailsnippets_learning_framework:list", "wagtailsnippets_learning_frameworkstatement:list",
    "wagtailsnippets_core_identifiername:list",
    "wagtailsnippets_directory_service:list", "wagtailsnippets_directory_service:add",
    "wagtailsnippets_directory_organization:list", "wagtailsnippets_directory_location:list",
    "wagtailsnippets_directory_taxonomy:list", "wagtailsnippets_directory_taxonomyterm:list",
    "wagtailsnippets_directory_outofdatereport:list", "wagtailsnippets_search_engine_glossaryterm:list",
    "wagtailsnippets_search_engine_everydayphrase:list",
    "supervisiontemplate:index", "supervisiontemplate:add",
    "termsofreference:index", "termsofreference:add",
    "wagtailsnippets_penpictures_conversationprompt:list", "wagtailsnippets_penpictures_conversationprompt:add",
    "wagtailsnippets_penpictures_penpicturelayout:list",
    "wagtailadmin_home", "wagtailadmin_explore_root", "wagtailforms:index",
]
ADMIN_SYSTEM = [  # roles, relationships, groups, settings, audits and the access log: administrators only
    "team:index", "membership:index", "membership:add",
    "supervisionrelationship:index", "supervisionrelationship:add",
    "peergroup:index", "peergroup:add", "accesslogentry:index", "privacy_audit:index",
    "panel:index", "panel:add", "panelaccesslog:index",
    "wagtailusers_users:index", "wagtailusers_users:add", "wagtailusers_groups:index", "wagtailusers_groups:add",
    "wagtailsites:index", "wagtailredirects:index",
    "wagtailadmin_workflows:index", "wagtailadmin_workflows:task_index",
]
ADMIN_SETTINGS = [  # Settings › Retention, Security and Measures
    "wagtailsettings:edit core/retentionsettings", "wagtailsettings:edit people/securitysettings",
    "wagtailsettings:edit measures/measuressettings",
]
# Listings left out of the sample, with the reason. Images, documents and collections are reached
# through collection permissions, which this world does not grant to anyone; the snippets index
# only sends people on to the admin's home (snippets are grouped in their apps' menus).
ADMIN_NOT_SAMPLED = {"wagtailimages:index", "wagtaildocs:index", "wagtailadmin_collections:index", "wagtailsnippets:index"}


def admin_rows():
    rows = []
    for sample, cells in [
        (ADMIN_CONTENT, "L D D D D D F D F"), (ADMIN_SYSTEM, "L D D D D D D D F"), (ADMIN_SETTINGS, "L D D D D D D D F"),
    ]:
        for entry in sample:
            name, _, target = entry.partition(" ")
            rows.append(Row(name, target or "-", dict(zip(ROLES, cells.split(), strict=True)), (), admin=True))
    return rows


class Row:
    def __init__(self, name, target, cells, shows, admin=False):
        self.name, self.target, self.cells, self.shows, self.admin = name, target, cells, tuple(shows), admin

    @property
    def label(self):
        return self.name if self.target == "-" else f"{self.name} [{self.target}]"

    def expected(self, role):
        return self.cells[role]


def parse(table):
    rows = []
    for line in table.strip().splitlines():
        parts = line.split()
        name, target, cells, shows = parts[0], parts[1], parts[2:2 + len(ROLES)], parts[2 + len(ROLES):]
        assert len(cells) == len(ROLES), f"{name} [{target}]: {len(cells)} cells, expected {len(ROLES)}"
        unknown = set(shows) - set(READERS)
        assert not unknown, f"{name}: unknown markers {unknown}"
        row = Row(name, target, dict(zip(ROLES, cells, strict=True)), shows)
        rows.append(row)
    return rows


ROWS = parse(TABLE) + parse(ACCOUNT_TABLE)
ALL_ROWS = ROWS + admin_rows()
