import datetime

from masthead.ingest import freshness

SEED_BODY = """A Russian delegation has arrived in Belarus for talks with Ukraine, a Kremlin spokesperson was quoted by the Ifax news agency as saying on Sunday, the first negotiations since Russia started its invasion on Feb. 24.
Moscow ordered its troops to advance in Ukraine “from all directions” while the West responded late Saturday with sanctions.
Ukrainian officials said 198 civilians had been killed since Russia invaded on Thursday.
But on day three of Russia’s invasion, defiant Ukrainian President Volodymyr Zelensky vowed his country would never give in."""


def test_the_seed_copy_is_stale_and_dated_february_2022():
    found = freshness.assess(SEED_BODY, datetime.date(2023, 5, 28))
    assert found.stale
    assert found.copy_date == datetime.date(2022, 2, 27)
    resolved = {ref.text: ref.resolved for ref in found.references}
    assert resolved["Feb. 24"] == datetime.date(2022, 2, 24)
    assert resolved["on Thursday"] == datetime.date(2022, 2, 24)
    assert resolved["late Saturday"] == datetime.date(2022, 2, 26)
    assert resolved["on Sunday"] == datetime.date(2022, 2, 27)
    assert resolved["day three of Russia’s invasion"] == datetime.date(2022, 2, 26)
    assert "February 2022" in found.reason


def test_the_same_copy_dated_when_it_was_written_is_fresh():
    found = freshness.assess(SEED_BODY, datetime.date(2022, 2, 27))
    assert not found.stale
    assert found.copy_date == datetime.date(2022, 2, 27)


def test_weekdays_resolve_to_the_week_before_the_item_date():
    found = freshness.assess(
        "The minister said on Thursday that the budget would pass. Talks resume next Monday.", datetime.date(2023, 5, 28)
    )
    assert not found.stale
    resolved = {ref.text: ref.resolved for ref in found.references}
    assert resolved["on Thursday"] == datetime.date(2023, 5, 25)


def test_background_dates_do_not_make_fresh_copy_stale():
    text = "The court ruled on Thursday. The law passed on Feb. 24 has been challenged ever since, and the 2005 earthquake was recalled."
    assert not freshness.assess(text, datetime.date(2023, 5, 28)).stale


def test_yearless_dates_take_the_latest_year_before_the_item():
    found = freshness.assess("Prices have risen since Dec. 3.", datetime.date(2023, 1, 10))
    assert found.references[0].resolved == datetime.date(2022, 12, 3)


def test_copy_without_time_references_is_fresh():
    found = freshness.assess("Nothing dated here.", datetime.date(2023, 5, 28))
    assert not found.stale and found.references == [] and found.copy_date == datetime.date(2023, 5, 28)
