"""Issue 13 on built sites: "Sådan går det", "Nyt", consultations, drafts, feeds and open data.

The fixture site (tests/fixtures/progress-site) is a clearly fictional municipality with every status,
milestones, indicators with several measurements, updates, and consultations with a deadline in the future
and one in the past. The real site is checked for sourced facts only.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html as html_lib
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, BuildResult, build_site, main_content, visible_text
from macros import loader, progress
from macros.shaping import danish_date

FIXTURE = FIXTURES / "progress-site"
BEFORE_DEADLINE = dt.date(2026, 1, 10)
AFTER_DEADLINE = dt.date(2030, 7, 1)  # the fictional consultation closes 2030-06-30
HTML_BUDGET = 20_000  # bytes gzipped per page, as in tests/site/test_page_weight.py (charts count towards it)


def _build_on(day: dt.date, out: Path) -> BuildResult:
    epoch = calendar.timegm(day.timetuple())
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", str(epoch))
        result = build_site(FIXTURE / "mkdocs.yml", out)
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return _build_on(BEFORE_DEADLINE, tmp_path_factory.mktemp("progress") / "site")


@pytest.fixture(scope="module")
def later_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return _build_on(AFTER_DEADLINE, tmp_path_factory.mktemp("progress-later") / "site")


@pytest.fixture(scope="module")
def model():
    return loader.load_site(FIXTURE / "data")


def _text(site: BuildResult, url: str) -> str:
    return visible_text(main_content(site.html(url)))


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def test_every_initiative_status_milestone_and_indicator_is_on_the_page(fixture_site, model):
    strategy = model.strategies_by_id["eksempelby-voksne"]
    page = main_content(fixture_site.html("strategier/eksempelby-voksne/saadan-gaar-det/"))
    text = visible_text(page)
    statuses = {s.id: s for s in model.settings.initiative_statuses}
    assert {i.status for i in strategy.progress.initiatives if i.status} == set(statuses)  # every status used
    for initiative in strategy.progress.initiatives:
        article = re.search(
            rf'<div class="ks-initiative" data-ks-initiative="{initiative.id}">(.*?)</div>\n'
            r'(?=<div class="ks-initiative"|<h[23])',
            page,
            re.S,
        )
        assert article, initiative.id
        body = visible_text(article.group(1))
        assert initiative.title in body
        if initiative.status:
            assert f"{statuses[initiative.status].name}. {statuses[initiative.status].description}" in body
        else:
            assert "Ingen status offentliggjort." in body
        if initiative.responsible:
            assert initiative.responsible in body
        for day in (initiative.start, initiative.end):
            if day:
                assert danish_date(day) in body
        for milestone in initiative.milestones:
            assert f"{danish_date(milestone.date)} : {milestone.title}" in body
        for indicator in initiative.indicators:
            assert f"{indicator.name} ({indicator.unit})" in body
        for link in initiative.links:
            assert f'href="{link.url}"' in article.group(1)
    assert "Den fiktive styregruppe" in text and "Hvert kvartal" in text and "Rapporterer til Socialudvalget" in text
    assert "Der er endnu ikke offentliggjort nogen status" not in text


def test_every_chart_has_a_text_alternative_and_a_table_with_the_same_numbers(fixture_site, model):
    page = main_content(fixture_site.html("strategier/eksempelby-voksne/saadan-gaar-det/"))
    svgs = re.findall(
        r'<svg class="ks-chart__svg" role="img"[^>]*aria-labelledby="([^"]+)"[^>]*>(.*?)</svg>', page, re.S
    )
    indicators = [ind for i in model.strategies_by_id["eksempelby-voksne"].progress.initiatives for ind in i.indicators]
    measured = [ind for ind in indicators if ind.measurements]
    assert len(svgs) == len(measured) + 1  # one per indicator with measurements, and the status overview
    for labelledby, body in svgs:
        title_id, desc_id = labelledby.split()
        assert re.search(rf'<title id="{title_id}">[^<]+</title>', body)
        assert re.search(rf'<desc id="{desc_id}">[^<]{{20,}}</desc>', body)
    for initiative in model.strategies_by_id["eksempelby-voksne"].progress.initiatives:
        for ind in initiative.indicators:
            block = re.search(rf'id="indikator-{initiative.id}-{ind.id}">(.*?)</table>', page, re.S)
            assert block, ind.id
            values = [_number(v) for v in re.findall(r"<td data-ks-value>([^<]+)</td>", block.group(1))]
            assert values == [m.value for m in sorted(ind.measurements, key=lambda m: m.date)]
            dates = re.findall(r'<th scope="row"><time datetime="([^"]+)">', block.group(1))
            assert dates == [m.date.isoformat() for m in sorted(ind.measurements, key=lambda m: m.date)]
            if ind.target is not None:
                assert _number(re.search(r"data-ks-target>([^<]+)<", block.group(1)).group(1)) == ind.target
            if ind.measurements:
                desc = re.search(r"<desc [^>]*>([^<]+)</desc>", block.group(1)).group(1)
                for m in ind.measurements:
                    assert f"den {danish_date(m.date)}" in html_lib.unescape(desc)
            else:
                assert "Der er endnu ingen målinger." in visible_text(block.group(1))
    # the status table: the same counts as the model
    table = re.search(r'<table class="ks-chart__table ks-status-table">(.*?)</table>', page, re.S).group(1)
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th>((?:<td>\d+</td>)+)</tr>', table)
    strategy = model.strategies_by_id["eksempelby-voksne"]
    for row, (label, cells) in zip(progress.status_overview(model, strategy), rows, strict=True):
        assert html_lib.unescape(label) == row.label
        assert [int(c) for c in re.findall(r"\d+", cells)] == [c.count for c in row.counts] + [row.without_status]


def test_timeline_lists_decisions_milestones_and_updates_in_date_order(fixture_site):
    page = main_content(fixture_site.html("strategier/eksempelby-voksne/saadan-gaar-det/"))
    timeline = re.search(r'<ol class="ks-timeline">(.*?)</ol>', page, re.S).group(1)
    dates = re.findall(r'<time datetime="([^"]+)"', timeline)
    assert dates == sorted(dates) and "2025-02-03" in dates and "2025-06-15" in dates and "2025-10-01" in dates


def test_updates_newest_first_on_the_site_and_on_their_strategies(fixture_site, model):
    news = main_content(fixture_site.html("strategier/nyt/"))
    titles = [u.update.title for u in progress.site_updates(model)]
    positions = [news.index(html_lib.escape(t, quote=False)) for t in titles]
    assert positions == sorted(positions) and len(titles) == 3
    page = main_content(fixture_site.html("strategier/eksempelby-voksne/saadan-gaar-det/"))
    voksne = visible_text(page[page.index('<h2 id="nyt">') :])
    # the update written in the draft says it also concerns the adopted strategy: it is shown there too
    assert "Udkastet er sendt i høring" in voksne and "Første åbne værksted er åbnet" in voksne
    assert voksne.index("Udkastet er sendt i høring") < voksne.index("Første åbne værksted er åbnet")


def test_feeds_are_linked_in_the_head(fixture_site):
    page = fixture_site.html("strategier/eksempelby-voksne/saadan-gaar-det/")
    links = re.findall(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)"', page)
    assert links == ["../../../feed.xml", "../../../feed-eksempelby-voksne.xml"]
    front = fixture_site.html("index.html")
    assert re.findall(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)"', front) == ["feed.xml"]
    for link in links:
        target = (fixture_site.site_dir / "strategier/eksempelby-voksne/saadan-gaar-det" / link).resolve()
        assert target.is_file(), link


def test_consultation_notice_shows_until_the_deadline_and_then_disappears(fixture_site, later_site):
    notice = "Fiktivt udkast til strategi for unge i Eksempelby er i høring"
    for url in (
        "index.html",
        "strategier/",
        "strategier/eksempelby-unge/",
        "strategier/eksempelby-unge/skole/",
        "strategier/eksempelby-unge/saadan-gaar-det/",
    ):
        before = _text(fixture_site, url)
        assert notice in before and "Frist for høringssvar: 30. juni 2030" in before, url
        assert notice not in _text(later_site, url), url
    # a consultation whose deadline passed before either build date is never shown
    for site in (fixture_site, later_site):
        assert "ældre i Eksempelby er i høring" not in _text(site, "index.html")


def test_a_draft_is_marked_on_every_page_that_lists_it(fixture_site):
    draft = "Fiktivt udkast til strategi for unge i Eksempelby"
    marker = re.compile(r'class="(?:ks-draft__label|ks-status ks-status--udkast)">(?:<[^>]+>)*Udkast<')
    listing = (
        "index.html",
        "strategier/",
        "strategier/nyt/",
        "strategier/eksempelby-unge/",
        "strategier/eksempelby-unge/skole/",
        "hvad-kan-du-gøre/borger/",
        "strategier/eksempelby-unge/saadan-gaar-det/",
        "strategier/eksempelby-voksne/saadan-gaar-det/",
    )
    for url in listing:
        page = main_content(fixture_site.html(url))
        assert draft in visible_text(page), url
        assert len(marker.findall(page)) >= 1, url
    # pages about the adopted strategy alone carry no draft marker
    assert not marker.search(main_content(fixture_site.html("strategier/eksempelby-aeldre/saadan-gaar-det/")))
    for url in ("strategier/eksempelby-unge/saadan-gaar-det/", "strategier/eksempelby-unge/skole/"):
        assert "Denne strategi er et udkast" in _text(fixture_site, url), url
    # the document title (and so the search result title, made from it) says so too
    for url in ("strategier/eksempelby-unge/", "strategier/eksempelby-unge/skole/"):
        title = re.search(r"<title>(.*?)</title>", fixture_site.html(url), re.S).group(1)
        assert "(udkast)" in title, url
        assert 'data-ks-title="' in fixture_site.html(url) and "(udkast)" in re.search(
            r'data-ks-title="([^"]*)"', fixture_site.html(url)
        ).group(1), url
    assert "(udkast)" not in re.search(
        r"<title>(.*?)</title>", fixture_site.html("strategier/eksempelby-voksne/")
    ).group(1)
    assert "Denne strategi er et udkast" not in _text(fixture_site, "strategier/eksempelby-voksne/saadan-gaar-det/")


def test_hent_data_links_reach_the_published_files(fixture_site):
    base = fixture_site.site_dir / "strategier/eksempelby-voksne/saadan-gaar-det"
    page = main_content(fixture_site.html("strategier/eksempelby-voksne/saadan-gaar-det/"))
    section = page[page.index('id="hent-data"') :]
    hrefs = re.findall(r'<a href="([^"]+)"', section)
    assert len(hrefs) == 4
    for href in hrefs:
        assert (base / html_lib.unescape(href)).resolve().is_file(), href


def test_page_weight_of_the_richest_progress_page_is_within_budget(fixture_site):
    import gzip

    data = (fixture_site.site_dir / "strategier/eksempelby-voksne/saadan-gaar-det/index.html").read_bytes()
    assert len(gzip.compress(data, 9)) <= HTML_BUDGET  # the same budget as tests/site/test_page_weight.py


# --- The real site: sourced facts only --------------------------------------------------------------------


def test_every_real_strategy_has_its_progress_page_with_no_invented_status(real_site):
    site = loader.load_site(Path(__file__).resolve().parents[2] / "data")
    for strategy in site.strategies:
        text = _text(real_site, f"strategier/{strategy.id}/saadan-gaar-det/")
        assert "Der er endnu ikke offentliggjort nogen status for strategiens indsatser." in text, strategy.id
        assert not progress.initiatives(strategy), "the sources publish no initiatives with status"
        assert not (strategy.progress and strategy.progress.updates), "the sources publish no updates"
        plan = strategy.progress.plan if strategy.progress else None
        if plan:
            assert visible_text(plan.text)[:80] in text
        else:
            assert "Kilden beskriver ikke, hvordan der følges op på strategien." in text
        assert (real_site.site_dir / f"feed-{strategy.id}.xml").is_file()
        assert (real_site.site_dir / "data" / "strategier" / f"{strategy.id}.json").is_file()
    hjorring = _text(real_site, "strategier/hjørring-forebyggelse/saadan-gaar-det/")
    assert "samlet oversigt/evaluering" in hjorring and "Godkendt i Byrådet den 29. maj 2024." in hjorring
    kalundborg = _text(real_site, "strategier/kalundborg-forebyggelse-voksne/saadan-gaar-det/")
    assert "Fra juni 2024 er etableret en tværgående styregruppe" in kalundborg
    assert "Socialudvalget" in kalundborg


def test_real_site_follow_up_plans_quote_the_strategy_text(real_site):
    """Every follow-up plan sentence stands in the strategy's own data (which restates the sources)."""
    root = Path(__file__).resolve().parents[2] / "data" / "strategier"
    for path in root.glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        plan = (data.get("opfølgning") or {}).get("plan")
        if not plan:
            continue
        rest = {k: v for k, v in data.items() if k != "opfølgning"}
        corpus = " ".join(" ".join(str(rest).split()).replace("\\n", " ").split())
        first = plan["tekst"].split(". ")[0]
        assert " ".join(first.split()) in corpus, path.name


# --- Editors: validation in Danish with file and line --------------------------------------------------------


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", target)
    return target


def _problems(data_dir: Path) -> list[tuple[str, int, str, str]]:
    from macros.problems import DataError

    with pytest.raises(DataError) as error:
        loader.load_site(data_dir)
    return [(p.file, p.line, p.code, p.message) for p in error.value.problems]


def _edit(data_dir: Path, name: str, old: str, new: str) -> None:
    path = data_dir / "strategier" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line(data_dir: Path, name: str, needle: str) -> int:
    lines = (data_dir / "strategier" / name).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def test_milestone_outside_the_initiative_period(data_dir):
    _edit(data_dir, "eksempelby-voksne.yml", "dato: 2026-06-01", "dato: 2027-06-01")
    [(file, line, code, message)] = _problems(data_dir)
    assert (file, line, code) == (
        "data/strategier/eksempelby-voksne.yml",
        _line(data_dir, "eksempelby-voksne.yml", "dato: 2027-06-01"),
        "milestone-outside-period",
    )
    assert "uden for indsatsens periode" in message and "Ret datoen" in message


def test_measurement_without_a_date(data_dir):
    _edit(
        data_dir,
        "eksempelby-voksne.yml",
        "            - dato: 2025-09-30\n              værdi: 41.5",
        "            - værdi: 41.5",
    )
    [(file, line, code, message)] = _problems(data_dir)
    assert file == "data/strategier/eksempelby-voksne.yml"
    assert line == _line(data_dir, "eksempelby-voksne.yml", "- værdi: 41.5")
    assert "dato" in message


def test_unknown_initiative_status(data_dir):
    _edit(data_dir, "eksempelby-voksne.yml", "status: i-gang", "status: igang")
    [(file, line, code, message)] = _problems(data_dir)
    assert (line, code) == (_line(data_dir, "eksempelby-voksne.yml", "status: igang"), "unknown-status")
    assert "Mente du 'i-gang'?" in message and "indsatsstatusser" in message


def test_consultation_without_a_deadline(data_dir):
    _edit(data_dir, "eksempelby-unge.yml", "    frist: 2030-06-30\n", "")
    [(file, line, code, message)] = _problems(data_dir)
    assert file == "data/strategier/eksempelby-unge.yml"
    assert line == _line(data_dir, "eksempelby-unge.yml", "sådan_svarer_du:")  # the consultation's first line
    assert "frist" in message


def test_update_pointing_to_an_unknown_strategy(data_dir):
    _edit(data_dir, "eksempelby-unge.yml", "strategier: [eksempelby-voksne]", "strategier: [eksempelby-voksen]")
    [(file, line, code, message)] = _problems(data_dir)
    assert (line, code) == (_line(data_dir, "eksempelby-unge.yml", "eksempelby-voksen]"), "unknown-reference")
    assert "Mente du 'eksempelby-voksne'?" in message


def test_nu_html_checker_finds_no_errors_on_the_progress_pages(fixture_site):
    from conftest import nu_html_errors

    assert len(fixture_site.pages()) >= 10
    assert nu_html_errors(fixture_site) == []


def test_real_follow_up_plans_link_to_where_the_strategy_says_it(real_site):
    site = loader.load_site(Path(__file__).resolve().parents[2] / "data")
    linked = 0
    for strategy in site.strategies:
        plan = strategy.progress.plan if strategy.progress else None
        if not (plan and plan.source):
            continue
        page = main_content(real_site.html(f"strategier/{strategy.id}/saadan-gaar-det/"))
        href = re.search(r'<a href="([^"]+)">Læs, hvor det står i strategien</a>', page).group(1)
        path, _, fragment = html_lib.unescape(href).partition("#")
        target = (real_site.site_dir / "strategier" / strategy.id / "saadan-gaar-det" / path / "index.html").resolve()
        assert f'id="{fragment}"' in target.read_text(encoding="utf-8"), (strategy.id, href)
        linked += 1
    assert linked == 3  # Hjørring, Kalundborg (voksne) and Faxe describe their follow-up


def test_a_follow_up_source_that_does_not_exist(data_dir):
    _edit(
        data_dir,
        "eksempelby-voksne.yml",
        "    rapporterer_til: Socialudvalget\n",
        "    rapporterer_til: Socialudvalget\n    kilde: findes-ikke\n",
    )
    [(file, line, code, message)] = _problems(data_dir)
    assert (line, code) == (_line(data_dir, "eksempelby-voksne.yml", "kilde: findes-ikke"), "unknown-reference")


def test_hostile_text_in_follow_up_data_stays_text_in_pages_feeds_and_data(tmp_path):
    """Markup and template code in every text field of the progress data: pages, feeds and JSON keep it as text."""
    import json
    import xml.etree.ElementTree as ET

    from conftest import HOSTILE_TEXT, _taint, copy_fixture
    from macros.model import Strategy

    site = copy_fixture("progress-site", tmp_path)
    for path in sorted((site / "data" / "strategier").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(_taint(data, Strategy), allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", str(calendar.timegm(BEFORE_DEADLINE.timetuple())))
        result = build_site(site / "mkdocs.yml", tmp_path / "out")
    assert result.returncode == 0, result.output
    for url in ("strategier/eksempelby-voksne/saadan-gaar-det/", "strategier/nyt/", "index.html"):
        page = result.html(url)
        for raw in ("<b>fed</b>", "<img src=x", "<script>alert(2)", "</title><script>"):
            assert raw not in page, (url, raw)
        assert "evil.example" not in page and not re.search(r'href="\s*javascript', page, re.I), url
    text = _text(result, "strategier/eksempelby-voksne/saadan-gaar-det/")
    assert HOSTILE_TEXT.strip().split(" ")[0] in text  # '<b>fed</b>' is shown as written
    for feed in result.site_dir.glob("feed*.xml"):
        root = ET.parse(feed).getroot()  # still well-formed XML
        for title in root.iter("{http://www.w3.org/2005/Atom}title"):
            assert "<script>" not in ET.tostring(title, encoding="unicode")
    document = json.loads((result.site_dir / "data" / "site.json").read_text(encoding="utf-8"))
    titles = [i["titel"] for s in document["strategier"] for i in s.get("opfølgning", {}).get("indsatser", [])]
    assert titles and all(t.endswith(HOSTILE_TEXT) for t in titles)


def test_last_updated_follows_the_newest_update(tmp_path):
    """'Sidst opdateret' on a strategy's pages is its newest dated update when that is newer than the file."""
    import os

    from conftest import copy_fixture

    site = copy_fixture("progress-site", tmp_path)
    old = dt.datetime(2020, 1, 1).timestamp()
    for path in (site / "data").rglob("*.yml"):
        os.utime(path, (old, old))  # not a git checkout: the file dates are what the history says
    result = build_site(site / "mkdocs.yml", tmp_path / "out")
    assert result.returncode == 0, result.output
    for url in ("strategier/eksempelby-voksne/", "strategier/eksempelby-voksne/saadan-gaar-det/"):
        assert '<time datetime="2026-01-05">' in result.html(url), url  # the draft's update, shown on both
    assert '<time datetime="2020-01-01">' in result.html("strategier/eksempelby-aeldre/")  # no updates: the file
