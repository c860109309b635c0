"""'Vær med' filtered by municipality and by theme with the keyboard only; the count is announced."""

from __future__ import annotations

from conftest import ROOT
from macros.loader import load_site
from macros.shaping import participation


def focus_select_by_keyboard(page, select_id: str) -> None:
    """Tab from the top of the page until the select has focus (no clicks, no element.focus())."""
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == select_id:
            return
    raise AssertionError(f"#{select_id} cannot be reached with Tab")


def visible_entry_ids(page) -> list[str]:
    return page.evaluate("() => [...document.querySelectorAll('.ks-entry')].filter(e => !e.hidden)"
                         ".map(e => e.querySelector('h2').id)")


def choose_by_keyboard(page, select_id: str, value: str) -> None:
    """Move through the options with ArrowDown until the wanted one is selected."""
    for _ in range(100):
        if page.evaluate(f"() => document.getElementById('{select_id}').value") == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"option {value!r} not reachable in #{select_id}")


def test_filter_by_municipality_and_theme_with_keyboard(server, browser):
    items = participation(load_site(ROOT / "data"))
    themed = next(i for i in items if i.themes)
    municipality = themed.municipality.id
    expected_municipality = [i.entry.id for i in items if i.municipality.id == municipality]
    assert 0 < len(expected_municipality) < len(items), "the data should give the filter something to do"

    page = browser.new_page()
    page.goto(server + "vaer-med/", wait_until="networkidle")
    status = page.locator("[data-ks-filter-count]")
    assert status.get_attribute("role") == "status"
    assert status.text_content().strip() == f"{len(items)} måder at være med på"

    focus_select_by_keyboard(page, "ks-filter-municipality")
    choose_by_keyboard(page, "ks-filter-municipality", municipality)
    assert sorted(visible_entry_ids(page)) == sorted(expected_municipality)
    assert status.text_content().strip() == \
        f"Viser {len(expected_municipality)} af {len(items)} måder at være med på"

    theme_value = f"{themed.strategy.id}/{themed.themes[0].id}"
    expected_both = [i.entry.id for i in items if i.municipality.id == municipality
                     and any(f"{i.strategy.id}/{t.id}" == theme_value for t in i.themes)]
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "ks-filter-theme"
    choose_by_keyboard(page, "ks-filter-theme", theme_value)
    assert sorted(visible_entry_ids(page)) == sorted(expected_both)
    assert status.text_content().strip() == f"Viser {len(expected_both)} af {len(items)} måder at være med på"
    page.close()
