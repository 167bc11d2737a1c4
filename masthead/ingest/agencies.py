"""Which agency a credit means, creating well-known agencies the first time copy credits them.

An install starts with no agencies; the first Interfax story should not be
credited to nobody because an editor has not yet typed "Interfax" into the
admin. So a credit that matches no agency in the database is looked up in
:data:`KNOWN_AGENCIES`, a short built-in list of agencies and the names
copy uses for them; a match is created with all its aliases. A credit that
matches nothing stays on the wire item as text, for an editor to map.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from masthead.ingest.formats.conventions import clean_credits, credit_name
from masthead.news.models import Agency, AgencyAlias


@dataclass(frozen=True)
class KnownAgency:
    name: str
    short_name: str
    aliases: tuple[str, ...]
    url: str = ""


KNOWN_AGENCIES: tuple[KnownAgency, ...] = (
    KnownAgency("Interfax", "Interfax", ("Ifax", "INTERFAX", "Interfax News Agency"), "https://www.interfax.ru/"),
    KnownAgency("Reuters", "Reuters", ("RTRS", "REUTERS", "Thomson Reuters", "reuters.com"), "https://www.reuters.com/"),
    KnownAgency("Agence France-Presse", "AFP", ("AFP", "A.F.P.", "Agence France Presse", "afp.com"), "https://www.afp.com/"),
    KnownAgency("Associated Press", "AP", ("AP", "A.P.", "The Associated Press", "ap.org"), "https://apnews.com/"),
    KnownAgency("The Canadian Press", "CP", ("Canadian Press", "La Presse Canadienne"), "https://www.thecanadianpress.com/"),
    KnownAgency("Athens-Macedonian News Agency", "ANA-MPE", ("ΑΠΕ-ΜΠΕ", "ANA", "ana-mpe.gr", "AMNA"), "https://www.amna.gr/"),
    KnownAgency("Ritzau", "Ritzau", ("ritzau.dk", "/ritzau/", "Ritzaus Bureau"), "https://ritzau.com/"),
    KnownAgency("Associated Press of Pakistan", "APP", ("APP", "A.P.P.", "APP News"), "https://www.app.com.pk/"),
    KnownAgency("Pakistan Press International", "PPI", ("PPI", "P.P.I."), ""),
    KnownAgency("Online International News Network", "Online", ("INP", "Online News"), ""),
    KnownAgency("Press Trust of India", "PTI", ("PTI",), "https://www.ptinews.com/"),
    KnownAgency("Asian News International", "ANI", ("ANI",), ""),
    KnownAgency("Xinhua News Agency", "Xinhua", ("Xinhua", "XINHUA"), "https://english.news.cn/"),
    KnownAgency("TASS", "TASS", ("ITAR-TASS", "Tass"), "https://tass.com/"),
    KnownAgency("RIA Novosti", "RIA", ("RIA", "RIA Novosti"), ""),
    KnownAgency("Anadolu Agency", "AA", ("Anadolu", "AA"), "https://www.aa.com.tr/"),
    KnownAgency(
        "Deutsche Presse-Agentur", "dpa", ("dpa", "DPA", "Deutsche Presse-Agentur GmbH", "dpa.com"), "https://www.dpa.com/"
    ),
    KnownAgency("Agencia EFE", "EFE", ("EFE",), "https://www.efe.com/"),
    KnownAgency("ANSA", "ANSA", ("ansa.it",), "https://www.ansa.it/"),
    KnownAgency("Australian Associated Press", "AAP", ("AAP",), "https://www.aap.com.au/"),
    KnownAgency("Press Association", "PA", ("PA", "PA Media", "PA Sport"), ""),
    KnownAgency("NTB", "NTB", ("Norsk Telegrambyrå",), "https://www.ntb.no/"),
    KnownAgency("STT", "STT", ("STT-Info", "Suomen Tietotoimisto"), ""),
    KnownAgency("TT Nyhetsbyrån", "TT", ("TT",), ""),
    KnownAgency("United Press International", "UPI", ("UPI",), "https://www.upi.com/"),
    KnownAgency("Bernama", "Bernama", ("BERNAMA",), ""),
    KnownAgency("Kyodo News", "Kyodo", ("Kyodo",), ""),
    KnownAgency("Yonhap", "Yonhap", ("YONHAP",), ""),
    KnownAgency("Bloomberg", "Bloomberg", ("BLOOMBERG",), ""),
)


def _known(name: str) -> KnownAgency | None:
    wanted = " ".join(name.split()).casefold()
    for agency in KNOWN_AGENCIES:
        if wanted in {agency.name.casefold(), agency.short_name.casefold(), *(alias.casefold() for alias in agency.aliases)}:
            return agency
    return None


def resolve(name: str, *, create: bool = True) -> Agency | None:
    """The agency a credit names: in the database (by name, short name or alias), else from the built-in list.

    Copyright boilerplate is taken off first (``© 2024 AFP`` is AFP); a
    credit that is only boilerplate names no agency.
    """
    name = credit_name(name)
    if not name:
        return None
    found = Agency.objects.resolve(name)
    if found is not None or not create:
        return found
    known = _known(name)
    if known is None:
        return None
    # The known agency may already exist under its full name with none of this alias.
    existing = Agency.objects.resolve(known.name) or Agency.objects.resolve(known.short_name)
    if existing is not None:
        return existing
    with transaction.atomic():
        agency = Agency.objects.create(name=known.name, short_name=known.short_name, url=known.url)
        AgencyAlias.objects.bulk_create(
            AgencyAlias(agency=agency, alias=alias, sort_order=i) for i, alias in enumerate(known.aliases)
        )
    return agency


def resolve_first(names: list[str], *, create: bool = True) -> tuple[Agency | None, str]:
    """The first credit that names an agency, and that credit ('' and the first credit when none does).

    Credits come back without boilerplate: "The Canadian Press. All rights
    reserved." is kept as "The Canadian Press", "All rights reserved." not at all.
    """
    names = clean_credits(names)
    for name in names:
        agency = resolve(name, create=create)
        if agency is not None:
            return agency, name
    return None, names[0] if names else ""


def unknown_credit(item) -> str:
    """The credit of a wire item that names no agency in the register, for the wire editor to add ('' when none).

    ``item`` is a WireItem (``agency_credit``); the credit is checked against
    the register (names, short names, aliases) without creating anything.
    """
    credit = credit_name(getattr(item, "agency_credit", "") or "")
    if not credit or Agency.objects.resolve(credit) is not None:
        return ""
    return credit


def add_credit(credit: str, *, agency: Agency | None = None, name: str = "") -> Agency:
    """Register an unknown credit: as an alias of ``agency``, or as a new agency called ``name`` (the credit by default)."""
    credit = credit_name(credit)
    if not credit:
        raise ValueError("the credit names no agency (only copyright boilerplate)")
    with transaction.atomic():
        if agency is None:
            agency = Agency.objects.resolve(name or credit) or Agency.objects.create(
                name=(name or credit)[:255], short_name=credit[:64] if len(credit) <= 64 else ""
            )
        if Agency.objects.resolve(credit) is None:
            AgencyAlias.objects.create(agency=agency, alias=credit[:128], sort_order=agency.aliases.count())
    return agency
