"""Build small fixture sites strictly and check what a reader gets."""

from __future__ import annotations

from conftest import build_site, copy_fixture, main_content, scenario, visible_text


def test_single_municipality_has_no_municipality_layer(one_municipality_site):
    front = one_municipality_site.html("")
    assert "Efter kommune" not in front
    assert "Testrup Kommune" not in main_content(front)
    nav = one_municipality_site.html("strategier/")
    # The strategy sits directly under "Strategier" in the navigation, not under a municipality.
    assert "md-nav__link" in nav and "Testrup Kommune</span>" not in nav
    assert (one_municipality_site.site_dir / "strategier/testrup-voksne/index.html").is_file()


def test_text_from_data_is_content_not_code(one_municipality_site):
    page = main_content(one_municipality_site.html("strategier/testrup-voksne/"))
    assert "{{ ikke_en_makro }}" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page


def test_each_theme_page_shows_its_goal(one_municipality_site):
    for slug, goal in (("første", "Målet for det første fokusområde."), ("andet", "Målet for det andet fokusområde.")):
        text = visible_text(main_content(one_municipality_site.html(f"strategier/testrup-voksne/{slug}/")))
        assert f"Mål {goal}" in text


def test_broken_data_stops_the_build_with_file_line_and_field(tmp_path):
    site = copy_fixture("one-municipality", tmp_path)
    strategy = site / "data/strategier/testrup-voksne.yml"
    strategy.write_text(
        strategy.read_text(encoding="utf-8")
        .replace("    mål: Målet for det andet fokusområde.\n", "")
        .replace("status: vedtaget", "status: vedtagt"),
        encoding="utf-8",
    )
    result = build_site(site / "mkdocs.yml", tmp_path / "out")
    assert result.returncode != 0
    assert "Der er 2 fejl i data/:" in result.output
    assert "data/strategier/testrup-voksne.yml, linje" in result.output
    assert "Fokusområde 2 mangler feltet 'mål'" in result.output
    assert "Status: 'vedtagt' er ikke en mulig værdi" in result.output
    assert not (tmp_path / "out" / "index.html").exists()


def test_first_use_of_a_defined_term_links_to_its_explanation(one_municipality_site):
    page = main_content(one_municipality_site.html("strategier/testrup-voksne/"))
    assert page.count('class="ks-term"') == 1
    assert '<a class="ks-term" href="../../ordliste/#test-begreb" data-ks-term="test-begreb">testbegrebet</a>' in page
    # No 'kort_definition' in the data: the word links to the glossary and no explanation is carried along.
    assert "ks-term-explanations" not in page
    glossary = main_content(one_municipality_site.html("ordliste/"))
    assert '<dt id="test-begreb">Testbegreb</dt>' in glossary


def test_failed_build_leaves_previous_site_untouched(tmp_path):
    import subprocess
    import sys

    site = copy_fixture("one-municipality", tmp_path)
    out = tmp_path / "published"
    command = [sys.executable, "-m", "macros.build", str(site / "mkdocs.yml"), str(out)]
    assert subprocess.run(command, capture_output=True, text=True).returncode == 0
    before = (out / "strategier/testrup-voksne/index.html").read_text(encoding="utf-8")
    strategy = site / "data/strategier/testrup-voksne.yml"
    strategy.write_text(
        strategy.read_text(encoding="utf-8").replace("titel: Strategi for voksne i Testrup", "titel:"), encoding="utf-8"
    )
    failed = subprocess.run(command, capture_output=True, text=True)
    assert failed.returncode != 0
    assert "Titel er tom" in failed.stderr + failed.stdout
    assert "Det tidligere site" in failed.stderr
    assert (out / "strategier/testrup-voksne/index.html").read_text(encoding="utf-8") == before
    # No staging folder left behind; the lock file stays (removing it would race with a waiting build).
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".published")) == [".published.lock"]


def test_vaer_med_holds_every_entry_without_javascript(one_municipality_site):
    page = main_content(one_municipality_site.html("vaer-med/"))
    assert page.count('class="ks-card ks-entry"') == 2
    assert "2 måder at være med på" in visible_text(page)
    # No contact in the data: the municipality's website, configured once, is shown instead.
    assert 'Kontakt Testrup Kommune via <a href="https://testrup.example/">kommunens hjemmeside</a>' in page
    assert '<a href="mailto:test@testrup.example">test@testrup.example</a>' in page
    # The single municipality needs no municipality filter; the filter form waits for JavaScript.
    assert 'id="ks-filter-municipality"' not in page and '<form class="ks-filter" data-ks-filter hidden' in page
    # The source link lands on the theme's own text, below its "Det kan du gøre" (issue 11).
    assert 'href="../strategier/testrup-voksne/første/#strategiens-tekst"' in page


def test_editor_guide_skeleton_adds_a_strategy_with_four_themes(tmp_path):
    """Following REDAKTOERVEJLEDNING.md: copy the skeleton, set id and municipality, write every text, and the site shows it."""
    import re

    from conftest import ROOT
    from macros.convert import PLACEHOLDER_RE

    site = copy_fixture("one-municipality", tmp_path)
    skeleton = (ROOT / "skabeloner/ny-strategi.yml").read_text(encoding="utf-8")
    strategy = skeleton.replace("id: ny-strategi", "id: testrup-børn").replace(
        "kommune: kalundborg", "kommune: testrup"
    )
    # The editor replaces every placeholder with real text (left as it is, each one is an error: test_validation).
    strategy = PLACEHOLDER_RE.sub(lambda m: m.group()[1:-1].removeprefix("Fx ") + ".", strategy)
    assert not re.search(r"<[A-ZÆØÅ]", re.sub(r"(?m)^\s*#.*$", "", strategy))  # comments may keep examples
    (site / "data/strategier/testrup-børn.yml").write_text(strategy, encoding="utf-8")
    result = build_site(site / "mkdocs.yml", tmp_path / "out")
    assert result.returncode == 0, result.output
    for slug in ("første-tema", "andet-tema", "tredje-tema", "fjerde-tema"):
        page = main_content(result.html(f"strategier/testrup-børn/{slug}/"))
        assert 'class="ks-goal"' in page
    assert "testrup-børn/" in result.html("strategier/")


def test_accessibility_statement_follows_was_structure_and_answers_at_was(one_municipality_site):
    text = visible_text(main_content(one_municipality_site.html("tilgaengelighedserklaering/")))
    for part in (
        "Overholdelsesstatus",
        "Ikke-tilgængeligt indhold",
        "Feedback og kontaktoplysninger",
        "Håndhævelse",
        "Digitaliseringsstyrelsen",
        "WCAG 2.1 niveau AA",
    ):
        assert part in text
    # No contact in the data: the reader is sent to the municipality's website, no invented phone number.
    assert "Telefonnummer og adresse til skriftlig henvendelse står på kommunens hjemmeside" in text
    redirect = one_municipality_site.html("was/")
    assert '<meta http-equiv="refresh" content="0; url=../tilgaengelighedserklaering/">' in redirect


def test_glossary_links_related_terms(one_municipality_site):
    glossary = main_content(one_municipality_site.html("ordliste/"))
    assert '<p class="ks-glossary__see">Se også: <a href="#andet-begreb">Andet begreb</a>.</p>' in glossary
    assert '<dt id="andet-begreb">Andet begreb</dt>' in glossary


def test_edit_links_point_to_the_file_each_page_comes_from(tmp_path, one_municipality_site):
    assert "Rediger denne side" not in one_municipality_site.html("strategier/testrup-voksne/")  # no repository set
    config = scenario("edit-links", tmp_path) / "mkdocs.yml"
    result = build_site(config, tmp_path / "out")
    assert result.returncode == 0, result.output
    base = "https://git.example/kommune/strategier/-/edit/main/"
    expected = {
        "strategier/testrup-voksne/": "data/strategier/testrup-voksne.yml",
        "strategier/testrup-voksne/første/": "data/strategier/testrup-voksne.yml",
        "": "docs/index.md",
        "vaer-med/": "docs/vaer-med.md",
    }
    for url, source in expected.items():
        assert f'<p class="ks-edit"><a href="{base}{source}" rel="edit">Rediger denne side</a></p>' in result.html(
            url
        ), url
    # A guide gathers actions from every strategy: there is no single file to edit.
    assert "Rediger denne side" not in result.html("hvad-kan-du-gøre/borger/")
