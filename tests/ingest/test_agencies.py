"""Agency credits: copyright boilerplate never becomes an agency; aliases resolve; unknown credits are offered."""

from __future__ import annotations

import pytest

from masthead.ingest import agencies
from masthead.ingest.formats.conventions import clean_credits, credit_name
from masthead.news.models import Agency


@pytest.mark.parametrize(
    ("credit", "name"),
    [
        ("The Canadian Press. All rights reserved.", "The Canadian Press"),
        ("© 2024 AFP", "AFP"),
        ("Copyright 2024 The Associated Press. All rights reserved. This material may not be published.", "The Associated Press"),
        ("Copyright Business Wire 2013", "Business Wire"),
        ("(c) 2023 Reuters", "Reuters"),
        ("All rights reserved.", ""),
        ("©", ""),
        ("2024", ""),
        ("Ifax", "Ifax"),
        ("dpa", "dpa"),
    ],
)
def test_credit_name(credit, name):
    assert credit_name(credit) == name


def test_clean_credits_drops_boilerplate_and_repeats():
    assert clean_credits(["AFP", "© 2024 AFP", "All rights reserved", "afp.com"]) == ["AFP", "afp.com"]


@pytest.mark.django_db
def test_a_copyright_line_is_never_the_agency():
    agency, credit = agencies.resolve_first(["The Canadian Press. All rights reserved."])
    assert agency is not None and agency.name == "The Canadian Press"
    assert credit == "The Canadian Press"
    assert not Agency.objects.filter(name__icontains="rights reserved").exists()
    assert agencies.resolve_first(["All rights reserved."]) == (None, "")


@pytest.mark.django_db
def test_aliases_resolve_through_the_register():
    assert agencies.resolve("afp.com").short_name == "AFP"
    assert agencies.resolve("ΑΠΕ-ΜΠΕ").short_name == "ANA-MPE"
    assert agencies.resolve("© 2016 ritzau.dk").name == "Ritzau"


@pytest.mark.django_db
def test_an_unknown_credit_is_offered_then_added():
    class Item:
        agency_credit = "Copyright 2024 Bugle Wire Service"

    assert agencies.resolve("Bugle Wire Service") is None
    assert agencies.unknown_credit(Item()) == "Bugle Wire Service"
    agency = agencies.add_credit("Bugle Wire Service", name="Bugle Wire")
    assert agency.name == "Bugle Wire"
    assert agencies.unknown_credit(Item()) == ""
    assert agencies.resolve("Bugle Wire Service") == agency
    with pytest.raises(ValueError):
        agencies.add_credit("All rights reserved.")
