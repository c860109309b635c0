"""Lookups, dates and addresses inside a strategy that every view uses."""

from __future__ import annotations

import datetime as dt
import functools
import weakref
from collections.abc import Callable
from typing import TypeVar

from .. import urls
from ..model import (
    Action,
    Audience,
    Document,
    Municipality,
    Site,
    Strategy,
    Theme,
    walk_sections,
)

GUIDANCE_ANCHOR = "hvad-kan-du-gøre"
THEME_TEXT_ANCHOR = "strategiens-tekst"


def theme_label(theme: Theme) -> str:
    """A theme's name where it stands alone (navigation, progress, guides): '1. Title', 'IV. Title' or 'Title'.

    The one place that writes a theme's number with its title, so the navigation, "Sådan går det" and the
    guides never number the same theme differently.
    """
    return f"{theme.number}. {theme.title}" if theme.number else theme.title


def theme_kicker(strategy_: Strategy, theme: Theme) -> str:
    """The strategy's own word for a theme with its number, e.g. 'Spor 1' or 'Pejlemærke 2'; '' without a number."""
    return f"{strategy_.labels.singular.capitalize()} {theme.number}" if theme.number else ""


def has_own_text(theme: Theme) -> bool:
    """A theme gets a page only if the source gives it text of its own; a page with just a title misleads."""
    return bool(
        theme.intro or theme.text or theme.goal or theme.sections or theme.principles or theme.summary or theme.motto
    )


MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)


def danish_date(value: dt.date) -> str:
    """4. december 2024."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def strategy(site: Site, strategy_id: str) -> Strategy:
    """A strategy by id (an index built once per loaded site, so a page's lookup does not grow with the site)."""
    try:
        return site.strategies_by_id[strategy_id]
    except KeyError:
        raise KeyError(f"no strategy with id {strategy_id!r}") from None


def theme(strategy_: Strategy, theme_id: str) -> Theme:
    for item in strategy_.themes:
        if item.id == theme_id:
            return item
    raise KeyError(f"no theme {theme_id!r} in {strategy_.id!r}")


def municipality(site: Site, municipality_id: str) -> Municipality:
    return next(m for m in site.municipalities if m.id == municipality_id)


def target_group_names(site: Site, strategy_: Strategy) -> str:
    names = {g.id: g.name for g in site.settings.target_groups}
    return ", ".join(names[g] for g in strategy_.target_groups)


def audience(site: Site, audience_id: str) -> Audience:
    return next(a for a in site.settings.audiences if a.id == audience_id)


def themes_by_id(strategy_: Strategy) -> dict[str, Theme]:
    return {t.id: t for t in strategy_.themes}


def website_label(municipality_: Municipality) -> str:
    """kalundborg.dk: the website as a reader would type it."""
    host = municipality_.website.split("//", 1)[-1].strip("/")
    return host[4:] if host.startswith("www.") else host


def page_themes(strategy_: Strategy) -> list[Theme]:
    """The themes that have a page of their own (a theme without text of its own has none)."""
    return [t for t in strategy_.themes if has_own_text(t)]


def has_lead_text(theme_: Theme) -> bool:
    """The theme has text before its sections: the page shows it under "Strategiens tekst"."""
    return bool(theme_.intro or theme_.summary or theme_.text)


def theme_text_anchor(theme_: Theme) -> str:
    """Where a theme's own text starts on its page, below the reader blocks."""
    if has_lead_text(theme_) or not theme_.sections:
        return THEME_TEXT_ANCHOR
    return theme_.sections[0].id


# --- end of issue 12 shaping


T = TypeVar("T")
R = TypeVar("R")


def per_object(function: Callable[[T], R]) -> Callable[[T], R]:
    """``function`` computed once per model object (a site, a strategy), not once per page that asks.

    Pages of one build share the same validated site, so a shape every page needs (the "Vær med" entries,
    a strategy's anchors) is made once. Model objects hold lists and do not hash, so results are kept by
    the object's identity and dropped when the object is (a rebuild under ``make serve`` loads new objects
    and never keeps the old site alive). The result is shared: callers must not change it.
    """
    results: dict[int, R] = {}

    @functools.wraps(function)
    def wrapper(obj: T) -> R:
        key = id(obj)
        if key not in results:
            results[key] = function(obj)
            weakref.finalize(obj, results.pop, key, None)
        return results[key]

    return wrapper


def anchor_urls(strategy_: Strategy) -> dict[str, str]:
    """Site-relative URL of everything an action can point to with 'kilde' (a copy: callers may change it)."""
    return dict(_anchor_urls(strategy_))


@per_object  # every action of a strategy asks; the map is made once per strategy
def _anchor_urls(strategy_: Strategy) -> dict[str, str]:
    overview = urls.strategy(strategy_.id)
    found: dict[str, str] = {
        s.id: urls.with_fragment(overview, s.id)
        for s in walk_sections([*strategy_.sections, *strategy_.implementation])
    }
    items: list[Theme | Document] = [*strategy_.themes, *strategy_.documents]
    for item in items:
        page = urls.of(item, strategy_)
        # A theme page opens with its actions: "where it says so" is the theme's own text below them.
        found[item.id] = urls.with_fragment(page, theme_text_anchor(item)) if isinstance(item, Theme) else page
        found.update({s.id: urls.with_fragment(page, s.id) for s in walk_sections(item.sections)})
    return found


def action_source_url(strategy_: Strategy, action: Action) -> str:
    """Where the strategy states the action: its section, or its own 'Hvad kan du gøre?'."""
    if action.source:
        return _anchor_urls(strategy_)[action.source]
    return urls.with_fragment(urls.strategy(strategy_.id), GUIDANCE_ANCHOR)
