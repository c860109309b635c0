"""'Vær med' filtered by municipality and by theme (keyboard only, every reachable state, the address, no
JavaScript); the count is announced; a municipality chosen in a guide carries over."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

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
    return page.evaluate(
        "() => [...document.querySelectorAll('.ks-entry')].filter(e => !e.hidden).map(e => e.querySelector('h2').id)"
    )


def choose_by_keyboard(page, select_id: str, value: str) -> None:
    """Move through the options with ArrowDown until the wanted one is selected."""
    for _ in range(100):
        if page.evaluate(f"() => document.getElementById('{select_id}').value") == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"option {value!r} not reachable in #{select_id}")


def _theme_value(page) -> str:
    return page.evaluate("() => (document.querySelector('input[name=tema]:checked') || {value: ''}).value")


def choose_theme_by_keyboard(page, value: str) -> None:
    """Arrow keys move through the radio group (checking each); the focused radio is the chosen theme."""
    for _ in range(50):
        if _theme_value(page) == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"theme {value!r} not reachable with the arrow keys")


def choose_theme(page, value: str) -> None:
    page.check(f"input[name=tema][value='{value}']")


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
    assert status.text_content().strip() == f"Viser {len(expected_municipality)} af {len(items)} måder at være med på"

    theme_value = f"{themed.strategy.id}/{themed.themes[0].id}"
    expected_both = [
        i.entry.id
        for i in items
        if i.municipality.id == municipality and any(f"{i.strategy.id}/{t.id}" == theme_value for t in i.themes)
    ]
    # The themes are radio buttons (long names wrap on a phone): Tab reaches the group, arrows choose.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == "tema"
    choose_theme_by_keyboard(page, theme_value)
    assert sorted(visible_entry_ids(page)) == sorted(expected_both)
    assert status.text_content().strip() == f"Viser {len(expected_both)} af {len(items)} måder at være med på"
    page.close()


# --- Issue 12: filters that never dead-end, state in the address, no JavaScript needed -------------------------


def _state(page) -> dict:
    return page.evaluate("""() => {
        const m = document.getElementById('ks-filter-municipality');
        const checked = document.querySelector('input[name=tema]:checked');
        const reset = document.querySelector('[data-ks-filter-reset]');
        return {
            municipality: m ? m.value : '', theme: checked ? checked.value : '',
            themeOptions: [...document.querySelectorAll('input[name=tema]')].filter(r => r.value && r.checkVisibility())
                .map(r => ({value: r.value, label: r.labels[0].textContent,
                            group: r.closest('.ks-filter__group').querySelector('legend').textContent})),
            visible: [...document.querySelectorAll('.ks-entry')].filter(e => !e.hidden).length,
            resetVisible: !!reset && !reset.hidden && reset.offsetParent !== null,
        };
    }""")


def test_no_reachable_filter_state_shows_zero_entries_and_a_set_filter_always_offers_reset(server, browser):
    site = load_site(ROOT / "data")
    items = participation(site)
    names = {m.id: m.name for m in site.municipalities}
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + "vaer-med/", wait_until="networkidle")
    municipalities = page.evaluate("[...document.getElementById('ks-filter-municipality').options].map(o => o.value)")
    cut_off = page.evaluate("""() => [...document.querySelectorAll('.ks-filter label, .ks-filter legend')]
        .filter(l => l.getBoundingClientRect().right > window.innerWidth || l.scrollWidth > l.clientWidth)
        .map(l => l.textContent)""")
    assert cut_off == [], "theme names must wrap on a phone, not be cut off"
    assert sorted(m for m in municipalities if m) == sorted({i.municipality.id for i in items})
    checked = 0
    for municipality in municipalities:
        page.select_option("#ks-filter-municipality", municipality)
        state = _state(page)
        assert state["theme"] == ""
        for option in state["themeOptions"]:
            # Every theme option is grouped under its municipality and strategy, and belongs to the chosen one.
            owner = option["value"].split("/")[0]
            owner_municipality = site.strategies_by_id[owner].municipality
            assert option["group"].startswith(names[owner_municipality] + ":")
            if municipality:
                assert owner_municipality == municipality, (municipality, option)
        for option in [""] + [o["value"] for o in state["themeOptions"]]:
            choose_theme(page, option)
            after = _state(page)
            expected = [
                i
                for i in items
                if (not municipality or i.municipality.id == municipality)
                and (not option or any(f"{i.strategy.id}/{t.id}" == option for t in i.themes))
            ]
            assert after["visible"] == len(expected) > 0, (municipality, option)
            assert after["resetVisible"] == bool(municipality or option), (municipality, option)
            checked += 1
    # A theme chosen first, then another municipality: the theme goes back to "all", never zero entries.
    kalundborg_theme = next(o for o in _state(page)["themeOptions"] if o["value"].startswith("kalundborg"))
    page.select_option("#ks-filter-municipality", "")
    choose_theme(page, kalundborg_theme["value"])
    page.select_option("#ks-filter-municipality", "faxe")
    after = _state(page)
    assert after["theme"] == "" and after["visible"] == sum(1 for i in items if i.municipality.id == "faxe") > 0
    page.click("[data-ks-filter-reset]")
    after = _state(page)
    assert (after["municipality"], after["theme"], after["resetVisible"]) == ("", "", False)
    assert after["visible"] == len(items)
    assert checked > len(municipalities)
    page.close()


def test_filter_state_is_in_the_address_and_survives_a_reload(server, browser):
    items = participation(load_site(ROOT / "data"))
    themed = next(i for i in items if i.themes and i.municipality.id == "kalundborg")
    theme_value = f"{themed.strategy.id}/{themed.themes[0].id}"
    page = browser.new_page()
    page.goto(server + "vaer-med/", wait_until="networkidle")
    page.select_option("#ks-filter-municipality", "kalundborg")
    choose_theme(page, theme_value)
    before = sorted(visible_entry_ids(page))
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"kommune": ["kalundborg"], "tema": [theme_value]}
    page.reload(wait_until="networkidle")
    assert _state(page)["municipality"] == "kalundborg" and _state(page)["theme"] == theme_value
    assert sorted(visible_entry_ids(page)) == before
    # The same address in a fresh page (a shared link) shows the same list.
    shared = browser.new_page()
    shared.goto(page.url, wait_until="networkidle")
    assert sorted(visible_entry_ids(shared)) == before
    assert (
        shared.locator("[data-ks-filter-count]").text_content().strip()
        == f"Viser {len(before)} af {len(items)} måder at være med på"
    )
    # A stale or foreign value is ignored: everything is shown, no dead end.
    shared.goto(server + "vaer-med/?kommune=ingen&tema=findes/ikke", wait_until="networkidle")
    assert len(visible_entry_ids(shared)) == len(items)
    page.close()
    shared.close()


def test_without_javascript_every_entry_is_shown_and_the_filter_stays_hidden(server, browser):
    items = participation(load_site(ROOT / "data"))
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "vaer-med/?kommune=faxe", wait_until="load")
    assert len(visible_entry_ids(page)) == len(items)
    assert not page.is_visible("[data-ks-filter]")
    assert page.locator("[data-ks-filter-count]").text_content().strip() == f"{len(items)} måder at være med på"
    context.close()


def test_each_entry_says_where_to_turn_and_boilerplate_is_not_repeated(server, browser):
    site = load_site(ROOT / "data")
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + "vaer-med/", wait_until="networkidle")
    for entry in site.participation:
        card = page.locator(f".ks-entry:has(h2#{entry.id})")
        text = card.inner_text()
        assert "Henvend dig:" in text and "For:" in text, entry.id
        assert card.locator(".ks-entry__fact a").count() >= 1, entry.id
    body = page.locator("article").inner_text()
    assert body.count("nævner ingen kontaktperson") <= 1
    page.close()


def test_municipality_chosen_in_a_guide_narrows_it_and_carries_to_vaer_med(server, browser):
    site = load_site(ROOT / "data")
    audience = max(
        site.settings.audiences,
        key=lambda a: len({s.municipality for s in site.strategies for g in s.guidance if g.audience == a.id}),
    )
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + f"hvad-kan-du-gøre/{audience.id}/", wait_until="networkidle")
    assert page.locator("section.ks-guide-municipality").count() > 1
    with page.expect_navigation():
        page.locator("[data-ks-choose-municipality='kalundborg']").click()
    page.wait_for_load_state("networkidle")
    assert parse_qs(urlsplit(page.url).query) == {"kommune": ["kalundborg"]}
    shown = page.evaluate(
        "[...document.querySelectorAll('section.ks-guide-municipality')]"
        ".filter(s => !s.hidden).map(s => s.dataset.ksMunicipality)"
    )
    assert shown == ["kalundborg"]
    assert page.locator("[data-ks-choose-municipality='kalundborg']").get_attribute("aria-current") == "true"
    with page.expect_navigation():
        page.get_by_role("link", name="Vis alle kommuner").click()
    assert page.locator("section.ks-guide-municipality:not([hidden])").count() > 1
    # The civil-society guide's link to "Vær med" keeps the choice, and "Vær med" opens filtered.
    page.goto(server + "hvad-kan-du-gøre/civilsamfund/?kommune=kalundborg", wait_until="networkidle")
    with page.expect_navigation():
        page.locator("a[data-ks-carry-municipality]").first.click()
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path.endswith("/vaer-med/")
    assert parse_qs(urlsplit(page.url).query) == {"kommune": ["kalundborg"]}
    assert _state(page)["municipality"] == "kalundborg"
    assert sorted(visible_entry_ids(page)) == sorted(
        e.id for e in site.participation if site.strategies_by_id[e.strategy].municipality == "kalundborg"
    )
    page.close()
