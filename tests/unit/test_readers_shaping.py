"""Shaping for the top of strategy pages (issue 11): routes, decisions with their documents, pageless themes."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import ROOT
from macros import shaping
from macros.loader import load_site

SITE = load_site(ROOT / "data")


def action(strategy_id: str, starts: str):
    s = shaping.strategy(SITE, strategy_id)
    return s, next(a for g in s.guidance for a in g.actions if a.text.startswith(starts))


def test_routes_lead_to_vaer_med_glossary_website_or_say_the_source_names_none() -> None:
    s, a = action("kalundborg-børn-og-unge", "Som civilsamfundsaktør")
    assert shaping.action_route(SITE, s, a).url == "vaer-med/#kalundborg-beskyttende-faktorer"
    s, a = action("kalundborg-børn-og-unge", "Familien og dens netværk")
    assert shaping.action_route(SITE, s, a).url == "ordliste/#familierådslagning"
    s, a = action("kalundborg-børn-og-unge", "Hold øje med kurser")
    route = shaping.action_route(SITE, s, a)
    assert (route.kind, route.url, route.quote) == (
        "hjemmeside",
        "https://kalundborg.dk/",
        "Kurserne vil blive annonceret på hjemmesiden.",
    )
    s, a = action("kalundborg-forebyggelse-voksne", "Opsøg rådgivning")
    route = shaping.action_route(SITE, s, a)
    assert (route.kind, route.label, route.municipality.name) == ("ingen", "kalundborg.dk", "Kalundborg Kommune")


def test_a_route_to_an_unknown_entry_names_file_and_line() -> None:
    s, a = action("kalundborg-børn-og-unge", "Som civilsamfundsaktør")
    broken = dataclasses.replace(a, participation="findes-ikke")
    with pytest.raises(KeyError, match=r"kalundborg-børn-og-unge\.yml, linje \d+: 'vær_med: findes-ikke'"):
        shaping.action_route(SITE, s, broken)


def test_decisions_keep_each_document_apart() -> None:
    items = shaping.decisions(shaping.strategy(SITE, "kalundborg-forebyggelse-voksne"))
    assert [(i.document.kind if i.document else None, i.decision.about) for i in items] == [
        (None, "Beslutningsoplægget"),
        ("Formålspapir", None),
    ]
    assert items[1].url == "strategier/kalundborg-forebyggelse-voksne/formålspapir/"


def test_themes_without_text_have_no_page_and_source_links_land_on_the_theme_text() -> None:
    hjørring = shaping.strategy(SITE, "hjørring-forebyggelse")
    assert shaping.page_themes(hjørring) == []
    children = shaping.strategy(SITE, "kalundborg-børn-og-unge")
    urls = shaping.anchor_urls(children)
    assert urls["forbedring-af-den-mentale-sundhed"].endswith("/forbedring-af-den-mentale-sundhed/#strategiens-tekst")


def test_vaer_med_entries_already_linked_from_an_action_are_not_listed_twice() -> None:
    s = shaping.strategy(SITE, "kalundborg-børn-og-unge")
    groups = shaping.routed_guidance(SITE, s)
    linked = {a.participation for g in groups for a, _ in g.items if a.participation}
    others = shaping.other_participation(SITE, s, groups)
    assert linked and not linked & {i.entry.id for i in others}
