"""The real site, built strictly: what citizens get from the seed strategies."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from conftest import ROOT, main_content, visible_text
from macros.loader import load_site
from page import Page

SITE = load_site(ROOT / "data")
KALUNDBORG_PREVENTION = "kalundborg-forebyggelse-voksne"


def strategy(strategy_id: str):
    return next(s for s in SITE.strategies if s.id == strategy_id)


def page_text(real_site, url: str) -> str:
    return visible_text(main_content(real_site.html(url)))


# --- Kalundborg's prevention strategy (issue 2) --------------------------------

GOAL_OPENINGS = (  # from seed 001, one per focus area, in order
    "Styrkelse af det tværgående samarbejde ved forbedret dokumentations- og opfølgningspraksis",
    "Fremme fysisk og mental sundhed samt livskvalitet hos borgerne",
    "Styrkelse af indsatser og organisering der sikrer støtte til borgere",
    "Øge borgernes deltagelse i sociale aktiviteter og fællesskaber",
)


def test_four_focus_areas_each_have_a_page_showing_their_goal(real_site):
    themes = strategy(KALUNDBORG_PREVENTION).themes
    assert len(themes) == 4
    for theme, opening in zip(themes, GOAL_OPENINGS, strict=True):
        assert theme.goal.startswith(opening)
        page = Page(real_site.html(f"strategier/{KALUNDBORG_PREVENTION}/{theme.id}/"))
        goal = page.article.find("section", class_="ks-goal")
        assert goal, f"no goal card on {theme.id}"
        assert opening in goal.text and goal.text.startswith("Mål ")


def test_all_nine_actions_appear_on_the_strategy_page_by_audience(real_site):
    text = page_text(real_site, f"strategier/{KALUNDBORG_PREVENTION}/")
    guidance = strategy(KALUNDBORG_PREVENTION).guidance
    assert [g.audience for g in guidance] == ["borger", "medarbejder", "civilsamfund"]
    actions = [a.text for g in guidance for a in g.actions]
    assert len(actions) == 9
    for heading in ("Hvis du er borger", "Hvis du er medarbejder", "Hvis du er en del af civilsamfundet"):
        assert heading in text
    for action in actions:
        assert visible_text(action) in text
    assert "Opsøg rådgivning og støtte, hvis du har brug for det" in text


def test_focus_areas_link_their_actions(real_site):
    s = strategy(KALUNDBORG_PREVENTION)
    for theme in s.themes:
        expected = [a.text for g in s.guidance for a in g.actions if theme.id in a.themes]
        text = page_text(real_site, f"strategier/{KALUNDBORG_PREVENTION}/{theme.id}/")
        for action in expected:
            assert visible_text(action) in text, (theme.id, action)


def test_strategy_page_shows_decision_vision_principles_and_sources(real_site):
    text = page_text(real_site, f"strategier/{KALUNDBORG_PREVENTION}/")
    assert "Godkendt i Socialudvalget den 4. dec. 2024." in text
    assert "Styrket Forebyggelse" in visible_text(real_site.html(f"strategier/{KALUNDBORG_PREVENTION}/formålspapir/"))
    for principle in (
        "Borgerperspektiv og selvbestemmelse",
        "Systematisk refleksiv praksis",
        "Tværfaglighed og samarbejde",
        "Kompetenceudvikling og ledelsesopbakning",
    ):
        assert principle in text
    assert "styregruppe" in text
    assert "TrygFonden og SFI (2017)" in visible_text(
        real_site.html(f"strategier/{KALUNDBORG_PREVENTION}/formålspapir/")
    )


OCR_DAMAGE = re.compile(r"\b(faellesskab\w*|stgtte|hgj|malrettet|lgbende|fxlles|Fzelles|tvaergaende|omrade)\b")


def test_published_text_has_no_ocr_damage(real_site):
    for page in real_site.pages():
        text = (
            visible_text(main_content(page.read_text(encoding="utf-8")))
            if "md-content__inner" in page.read_text(encoding="utf-8")
            else ""
        )
        assert not OCR_DAMAGE.search(text), (page, OCR_DAMAGE.search(text))


# --- The site as a Danish public site ---------------------------------------------


def test_pages_are_danish_and_anchors_keep_danish_letters(real_site):
    for page in real_site.pages():
        assert '<html lang="da"' in page.read_text(encoding="utf-8"), page
    html = real_site.html("strategier/kalundborg-børn-og-unge/")
    assert 'id="hvad-kan-du-gøre"' in html and 'id="områder"' in html and 'id="børne-og-ungepolitikken"' in html


def test_footer_names_municipality_and_links_accessibility_statement(real_site):
    html = real_site.html("strategier/hjørring-forebyggelse/")
    page = Page(html)
    footer = page.root.find("footer", class_="md-footer")
    assert footer is not None
    assert "Ansvarlig for indholdet: Hjørring Kommune" in footer.text
    assert ("Tilgængelighedserklæring", "../../tilgaengelighedserklaering/") in page.links(footer)
    assert "Made with" not in html and "mkdocs-material" not in footer.text


RESOURCE_ATTR = re.compile(
    r'<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc="([^"]+)"'
    r'|<link\b[^>]*\bhref="([^"]+)"',
    re.I,
)


def test_built_site_loads_nothing_from_other_hosts(real_site):
    """Every resource a page, stylesheet or script loads is the site's own (links to sources are fine)."""
    offenders = []
    for path in real_site.site_dir.rglob("*"):
        if path.suffix == ".html":
            html = path.read_text(encoding="utf-8")
            for match in RESOURCE_ATTR.finditer(html):
                url = match.group(1) or match.group(2)
                if urlsplit(url).netloc:
                    offenders.append((path.name, url))
        elif path.suffix == ".css":
            for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", path.read_text(encoding="utf-8")):
                if urlsplit(url).netloc:
                    offenders.append((path.name, url))
    assert offenders == []


def test_no_google_fonts_or_cdn_anywhere(real_site):
    for path in real_site.site_dir.rglob("*"):
        if path.suffix in (".html", ".css"):  # scripts: the browser tests record what they actually request
            text = path.read_text(encoding="utf-8")
            for host in (
                "fonts.googleapis.com",
                "fonts.gstatic.com",
                "cdn.jsdelivr.net",
                "unpkg.com",
                "google-analytics",
                "googletagmanager",
            ):
                assert host not in text, (path, host)


def test_internal_links_resolve(real_site):
    """Links rendered from data are raw HTML MkDocs cannot check: check every internal href and anchor."""
    broken = []
    for page in real_site.pages():
        if page.name == "404.html":
            continue  # served at any missing path, so MkDocs gives it root-relative links
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'<a\b[^>]*\bhref="([^"]+)"', html):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append((str(page.relative_to(real_site.site_dir)), href))
                continue
            anchor = f'id="{unquote(parts.fragment)}"'
            if parts.fragment and target.suffix == ".html" and anchor not in target.read_text(encoding="utf-8"):
                broken.append((str(page.relative_to(real_site.site_dir)), href))
    assert broken == []


# --- The other seed strategies through the same model (issue 3) -------------------


def test_hjørring_has_its_three_tracks_with_organisation_and_follow_up(real_site):
    s = strategy("hjørring-forebyggelse")
    assert [t.number for t in s.themes] == ["1", "2", "3"]
    overview = page_text(real_site, "strategier/hjørring-forebyggelse/")
    assert "3 spor" in overview and "Godkendt i Byrådet den 29. maj 2024." in overview
    for theme in s.themes:
        # The purpose paper gives the tracks only their titles: they are listed, but get no empty page (issue 11).
        assert theme.title in overview
        assert not (real_site.site_dir / "strategier" / "hjørring-forebyggelse" / theme.id).exists()
    assert "Kilden har ingen tekst om de enkelte spor ud over titlen." in overview
    for fact in ("Støttesporet", "Økonomi og Finans", "MED-udvalg", "økonomisk opfølgningsramme"):
        assert fact in overview


def test_children_strategy_has_four_areas_and_all_nine_definitions(real_site):
    s = strategy("kalundborg-børn-og-unge")
    assert [t.number for t in s.themes] == ["I", "II", "III", "IV"]
    for theme in s.themes:
        text = page_text(real_site, f"strategier/kalundborg-børn-og-unge/{theme.id}/")
        assert theme.title in text
        first_paragraph = theme.text.split("\n\n")[0].strip()
        assert visible_text(first_paragraph)[:80] in text
    glossary = main_content(real_site.html("ordliste/"))
    names = (
        "Moderne børnesyn",
        "Civilsamfundsorganisationer",
        "Robotløsninger",
        "Mental sundhed",
        "Netværksinddragelse",
        "Familierådslagning",
        "Brobygning",
        "Beskyttende faktorer",
        "Det specialiserede børne- og ungeområde",
    )  # the ninth starred definition in seed 003 (issue 11)
    assert set(names) <= {t.term for t in s.terms}  # plus jargon the strategy's own text explains (SSP, KUI)
    for term in s.terms:
        assert f'<dt id="{term.id}">{term.term}</dt>' in glossary
    assert "Definition fra Sundhedsstyrelsen" in visible_text(glossary)


def test_defined_terms_are_explained_where_the_strategy_uses_them(real_site):
    html = main_content(real_site.html("strategier/kalundborg-børn-og-unge/forbedring-af-den-mentale-sundhed/"))
    assert re.search(
        r'<a class="ks-term" href="../../../ordliste/#mental-sundhed" data-ks-term="mental-sundhed">'
        r"mentale sundhed</a>",
        html,
    )
    # The short definition waits outside the text, for terms.js (tests/browser/test_glossary.py).
    assert 'data-ks-term-explanation="mental-sundhed"' in html


def test_front_page_finds_strategies_by_municipality_and_target_group(real_site):
    front = main_content(real_site.html(""))
    text = visible_text(front)
    for s in SITE.strategies:  # each strategy once (issue 12), narrowed by municipality and target group
        assert s.title in text
        assert front.count(f'href="strategier/{s.id}/"') == 1
    for group in {g for s in SITE.strategies for g in s.target_groups}:
        assert f'data-ks-finder-value="{group}"' in front
    for m in {s.municipality for s in SITE.strategies}:
        assert next(x.name for x in SITE.municipalities if x.id == m) in text
    for status in ("Vedtaget", "Offentliggjort"):
        assert status in text


def test_audience_guides_list_every_action_with_a_working_source_link(real_site):
    for audience in SITE.settings.audiences:
        html = main_content(real_site.html(f"hvad-kan-du-gøre/{audience.id}/"))
        text = visible_text(html)
        actions = [a for s in SITE.strategies for g in s.guidance if g.audience == audience.id for a in g.actions]
        assert actions, audience.id
        for action in actions:
            assert visible_text(action.text) in text
        # Each action once (its themes named), each with its source link (issue 12; tests/site/test_guides.py).
        assert html.count('class="ks-actions__source"') + html.count('class="ks-actions__note"') == len(actions)


def test_vaer_med_holds_every_entry(real_site):
    html = main_content(real_site.html("vaer-med/"))
    assert html.count('class="ks-card ks-entry"') == len(SITE.participation)
    for entry in SITE.participation:
        assert f'id="{entry.id}"' in html


# --- Faxe: read straight from the seed, so the test checks the site against the source, not against our data --

# A copy of the source text (../shared/seeds/004_*.txt), kept in the repository so the check runs anywhere.
FAXE_SEED = ROOT / "tests" / "fixtures" / "seeds" / "004-faxe-voksne.txt"
FAXE_CORRECTIONS = {"fælleskab": "fællesskab"}  # the seed's typo, corrected on the site


def _faxe_themes(source: str) -> list[dict]:
    """Each pejlemærke in the seed: its title, motto, first sentence and every principle bullet."""
    source = source.split("\n\n\n\tForord")[0]  # the PDF's table of contents closes the text
    for wrong, right in FAXE_CORRECTIONS.items():
        source = source.replace(wrong, right)
    themes = []
    for chunk in source.split("Pejlemærke:")[1:]:
        lines = [line.strip() for line in chunk.strip().splitlines()]
        title, body = lines[0], lines[1:]
        bullets, groups = [], []
        for index, line in enumerate(body):
            if line.startswith("Vi ") and line.endswith(":"):
                groups.append(line[:-1])
            if not line.startswith("•"):
                continue
            text = line.lstrip("•").strip()
            following = [next_line for next_line in body[index + 1 : index + 3] if next_line]
            if following and following[0][:1].islower() and not following[0].startswith("•"):
                text = f"{text} {following[0]}"
            bullets.append(" ".join(text.split()))
        after = chunk.split("Principper", 1)[1]
        motto = " ".join(after.split("Pejlemærke:")[0].split("MENINGEN MED")[0].split())
        themes.append(
            {
                "title": title,
                "intro": " ".join(body[0].split()[:8]),
                "groups": groups,
                "bullets": bullets,
                "motto": motto,
            }
        )
    return themes


def test_faxe_has_four_pejlemærker_with_every_motto_and_every_principle_bullet(real_site):
    seed = _faxe_themes(FAXE_SEED.read_text(encoding="utf-8"))
    assert [t["title"] for t in seed] == [
        "Medborgerskab og ansvar",
        "Sammen og på tværs",
        "Økonomisk bæredygtighed",
        "Dialog og tillid",
    ]
    assert [len(t["bullets"]) for t in seed] == [27, 13, 15, 22] and all(t["motto"].endswith("!") for t in seed)
    s = strategy("faxe-voksne")
    overview = page_text(real_site, "strategier/faxe-voksne/")
    for expected, theme in zip(seed, s.themes, strict=True):
        text = page_text(real_site, f"strategier/faxe-voksne/{theme.id}/")
        assert theme.title == expected["title"] and expected["title"] in text
        assert expected["motto"].casefold() in text.casefold(), expected["motto"]
        assert expected["motto"].casefold() in overview.casefold(), expected["motto"]
        assert expected["intro"] in text
        missing = [group for group in expected["groups"] if group not in text]
        missing += [bullet for bullet in expected["bullets"] if bullet not in text]
        assert missing == [], f"{theme.title}: {missing}"


def test_faxe_shows_vision_foreword_history_reading_guide_and_related_policies(real_site):
    overview = page_text(real_site, "strategier/faxe-voksne/")
    assert "Vi skaber fremtiden og det gode liv sammen" in overview
    assert "9. november 2020" in overview
    for heading in ("Forord", "Tilblivelse", "Læsevejledning"):
        assert f">{heading}<" in main_content(real_site.html("strategier/faxe-voksne/")), heading
    for policy in (
        "Udsattepolitikken",
        "Handicappolitikken",
        "Sundhedspolitikken",
        "Fælles om Forebyggelse på børne- og ungeområdet",
        "Verdensmålene",
    ):
        assert policy in overview, policy
    assert "Faxe Kommune" in overview and "Offentliggjort" in overview
