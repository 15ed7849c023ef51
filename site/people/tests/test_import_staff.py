import pytest
from django.core.management import call_command

from people.models import Membership, Role, SupervisionRelationship, User
from people.services import import_staff_csv

GOOD_AND_BAD = """email,first_name,last_name,job_title,team,role,supervisor_email,supervision_kind,start_date
tom@example.org,Tom,Reilly,Team manager,CLDT South,supervisor,,,
sam@example.org,Sam,Taylor,Social worker,CLDT South,worker,tom@example.org,line manager,2025-01-06
not-an-email,Bad,Row,,CLDT South,worker,,,
ann@example.org,Ann,,,CLDT South,wizard,,,
kay@example.org,Kay,Lee,,CLDT South,Worker,ghost@example.org,,
lin@example.org,Lin,Ho,,CLDT South,worker,,,31/01/2025
"""


@pytest.mark.django_db
def test_good_rows_import_and_each_bad_row_is_reported():
    report = import_staff_csv(GOOD_AND_BAD)
    assert set(User.objects.values_list("email", flat=True)) == {"tom@example.org", "sam@example.org", "kay@example.org"}
    assert Membership.objects.get(user__email="sam@example.org").role == Role.WORKER
    rel = SupervisionRelationship.objects.get(supervisee__email="sam@example.org")
    assert rel.supervisor.email == "tom@example.org" and str(rel.start_date) == "2025-01-06"
    errors = {line: reason for line, _email, reason in report.errors}
    assert "not a valid email" in errors[4]
    assert "last name is empty" in errors[5] and "role 'wizard'" in errors[5]
    assert "ghost@example.org is not a known member of staff" in errors[6]
    assert "not a date" in errors[7]
    assert report.created == 3


@pytest.mark.django_db
def test_import_twice_changes_nothing():
    import_staff_csv(GOOD_AND_BAD)
    counts = (User.objects.count(), Membership.objects.count(), SupervisionRelationship.objects.count())
    second = import_staff_csv(GOOD_AND_BAD)
    assert (User.objects.count(), Membership.objects.count(), SupervisionRelationship.objects.count()) == counts
    assert second.created == 0 and second.relationships == 0


@pytest.mark.django_db
def test_missing_columns_are_reported():
    report = import_staff_csv("email,name\nx@example.org,X\n")
    assert report.errors and "missing column" in report.errors[0][2]
    assert not User.objects.exists()


@pytest.mark.django_db
def test_command_prints_each_rejected_row(tmp_path, capsys):
    path = tmp_path / "staff.csv"
    path.write_text(GOOD_AND_BAD)
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_staff", str(path))
    assert exit_info.value.code == 1
    out = capsys.readouterr()
    assert "line 4" in out.err and "line 7" in out.err
    assert "3 new" in out.out and "4 rows rejected" in out.out


@pytest.mark.django_db
def test_dry_run_saves_nothing(tmp_path):
    path = tmp_path / "staff.csv"
    path.write_text(GOOD_AND_BAD)
    with pytest.raises(SystemExit):
        call_command("import_staff", str(path), "--dry-run")
    assert not User.objects.exists()


HEADER = "email,first_name,last_name,job_title,team,role,supervisor_email,supervision_kind,start_date\n"


@pytest.mark.django_db
def test_unknown_columns_refuse_the_file_naming_them(tmp_path, capsys):
    path = tmp_path / "staff.csv"
    path.write_text(HEADER.strip() + ",nhs_number,notes\nsam@example.org,Sam,Taylor,,CLDT South,worker,,,,123,x\n")
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_staff", str(path))
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "line 1" in err and "unknown column(s): 'nhs_number', 'notes'" in err
    assert not User.objects.exists()


@pytest.mark.django_db
def test_a_row_with_more_values_than_columns_is_reported_not_a_crash():
    report = import_staff_csv(HEADER + "sam@example.org,Sam,Taylor,,CLDT South,worker,,,,surplus\n"
                              "tom@example.org,Tom,Reilly,,CLDT South,worker,,,\n")
    assert [(line, email) for line, email, _ in report.errors] == [(2, "sam@example.org")]
    assert "10 values but the header names 9 columns" in report.errors[0][2]
    assert list(User.objects.values_list("email", flat=True)) == ["tom@example.org"]


@pytest.mark.django_db
def test_a_file_that_is_not_utf8_is_reported_with_its_line(tmp_path, capsys):
    path = tmp_path / "staff.csv"
    path.write_bytes((HEADER + "sam@example.org,Sam,Taylor,,CLDT South,worker,,,\n").encode()
                     + "zoe@example.org,Zoë,Brontë,,CLDT South,worker,,,\n".encode("cp1252"))
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_staff", str(path))
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "line 3" in err and "not UTF-8" in err
    assert not User.objects.exists()


@pytest.mark.django_db
def test_an_email_on_two_rows_is_refused_on_both_and_never_merged():
    report = import_staff_csv(
        HEADER
        + "sam@example.org,Sam,Taylor,,CLDT South,worker,,,\n"
        + "tom@example.org,Tom,Reilly,,CLDT South,supervisor,,,\n"
        + "SAM@example.org,Samuel,Taylor,,CLDT North,administrator,,,\n"
    )
    errors = {line: reason for line, _email, reason in report.errors}
    assert set(errors) == {2, 4}
    assert "also on line 4" in errors[2] and "also on line 2" in errors[4]
    assert list(User.objects.values_list("email", flat=True)) == ["tom@example.org"]
    assert not Membership.objects.filter(role=Role.ADMINISTRATOR).exists()
