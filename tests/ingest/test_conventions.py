import datetime

import pytest

from masthead.ingest.formats.conventions import agency_credits, clean_dateline, parse_masthead_date, split_dateline


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "rest"),
    [
        ("MOSCOW: A Russian delegation has arrived.", "Moscow", "", "A Russian delegation has arrived."),
        ("KARACHI (APP): The port will expand.", "Karachi", "APP", "The port will expand."),
        ("GROSSETO, Italy (AP) -- The trial has begun.", "Grosseto, Italy", "AP", "The trial has begun."),
        ("NEW YORK — Stocks fell.", "New York", "", "Stocks fell."),
    ],
)
def test_datelines_are_split_off_the_first_paragraph(paragraph, place, agency, rest):
    found = split_dateline(paragraph)
    assert (found.place, found.agency, found.rest) == (place, agency, rest)


@pytest.mark.parametrize(
    "paragraph",
    ["Spokesperson Dmitry Peskov said: talks begin.", "UPDATE: more to follow.", "The minister - who spoke late - left."],
)
def test_prose_is_not_a_dateline(paragraph):
    assert split_dateline(paragraph) is None


def test_dateline_fields_are_cleaned():
    assert clean_dateline("London (dpa) -") == ("London", "dpa")
    assert clean_dateline("MOSCOW,") == ("Moscow", "")


def test_agency_credits_are_found_as_written():
    assert agency_credits("a Kremlin spokesperson was quoted by the Ifax news agency as saying") == ["Ifax"]
    assert agency_credits("the official told the Interfax News Agency on Monday") == ["Interfax"]
    assert agency_credits("Prices rose sharply. — AFP") == ["AFP"]
    assert agency_credits("Nothing credited here.") == []


def test_the_seed_masthead_date_agrees_in_both_calendars():
    found = parse_masthead_date("Sunday 28th May 2023 / 8 Zulkaedah 1444")
    assert found.gregorian == datetime.date(2023, 5, 28)
    assert found.hijri_offset == 0 and not found.warning


def test_a_moon_sighting_offset_is_accepted():
    assert parse_masthead_date("Sunday 28th May 2023 / 9 Zulkaedah 1444").hijri_offset == 1


def test_disagreeing_masthead_dates_are_reported():
    found = parse_masthead_date("Sunday 28th May 2023 / 20 Zulkaedah 1444")
    assert found.gregorian == datetime.date(2023, 5, 28)
    assert found.hijri_offset is None and "disagree" in found.warning


def test_a_line_that_is_not_a_date_is_not_a_masthead():
    assert parse_masthead_date("Russia ready for talks with Ukraine in Belarus: Report") is None
