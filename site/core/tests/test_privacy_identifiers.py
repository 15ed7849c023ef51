import pytest

from core.privacy import find_identifiers, nhs_check_digit_ok


def kinds(text, names=()):
    return [(f.kind, f.text) for f in find_identifiers(text, names)]


def test_nhs_numbers_need_a_valid_check_digit():
    assert nhs_check_digit_ok("9434765919")
    assert not nhs_check_digit_ok("9434765918")
    assert kinds("NHS no 943 476 5919") == [("nhs_number", "943 476 5919")]
    assert kinds("NHS no 943-476-5919") == [("nhs_number", "943-476-5919")]
    assert kinds("NHS no 9434765918") == []


@pytest.mark.parametrize("text", ["B12 9QX", "sw1a 1aa", "M1 1AE", "EC1A1BB"])
def test_postcodes(text):
    assert kinds(f"lives at {text} now") == [("postcode", text)]


def test_outward_code_alone_is_not_a_postcode():
    assert kinds("works across B12 and the M6") == []


@pytest.mark.parametrize("text", ["0161 496 0000", "07700 900123", "+44 (0)20 7946 0018", "+447700900123", "(0121) 496 0123", "020-7946-0018"])
def test_phone_numbers(text):
    assert kinds(f"ring {text} later") == [("phone", text)]


def test_emails():
    assert kinds("write to jo.bloggs@example.nhs.uk.") == [("email", "jo.bloggs@example.nhs.uk")]


@pytest.mark.parametrize("text", ["12/03/1987", "12-03-87", "12 March 1987", "March 12th 1987", "1987-03-12"])
def test_dates_of_birth(text):
    assert kinds(f"DOB {text}.") == [("date_of_birth", text)]


def test_partial_dates_after_born():
    assert kinds("she was born on 3rd of May") == [("date_of_birth", "3rd of May")]


def test_names_are_whole_word_and_case_insensitive():
    assert kinds("Met mary smith and Johnson", names=["Mary Smith", "John"]) == [("name", "mary smith")]


def test_ordinary_text_has_nothing():
    text = ("Visit at 10:30 for 1.5 hours, cost £1,200.50, in 2024; case CR-2024-0193, ref 12345678, "
            "section 1.2.3, score 12/20, room 101, 3 of 5 goals met.")
    assert kinds(text) == []


def test_offsets_point_at_the_text():
    text = "Call 07700 900123 now"
    (finding,) = find_identifiers(text)
    assert text[finding.start:finding.end] == "07700 900123"


def test_a_very_long_text_is_checked_in_linear_time():
    # Before: overlapping findings were compared pairwise, so 300 KB of notes took about 25 seconds.
    import time

    text = "Called Mary Jones on 0161 496 0000, born 3/4/1950, with Mr Patel. " * 5000
    started = time.perf_counter()
    found = find_identifiers(text)
    assert time.perf_counter() - started < 5
    assert len(found) == 4 * 5000


def test_an_nhs_number_copied_in_fours_and_threes_is_found_but_a_landline_is_not():
    assert kinds("NHS 1374 847 771 was on the wristband.") == [("nhs_number", "1374 847 771")]
    assert kinds("Ring the ward on 0113 496 0331.") == [("phone", "0113 496 0331")]
    assert kinds("The boiler serial 9276 811 732 is on the warranty.") == []  # check digit fails


@pytest.mark.parametrize("text", [
    "sam_b1987 [at] example [dot] org", "d.okafor(at)example.nhs.uk", "kerry dot walsh at example dot com",
    "jo {at} example {dot} co {dot} uk",
])
def test_email_addresses_written_to_hide_them_are_found(text):
    assert kinds(f"mum's email: {text}, she says") == [("email", text)]


@pytest.mark.parametrize("text", [
    "look at bbc dot co dot uk for the news", "we met her at Tesco dot com", "the meeting is at the office",
])
def test_a_bare_at_and_dot_in_ordinary_words_is_not_an_email(text):
    assert kinds(text) == []
