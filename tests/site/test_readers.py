"""Readers first (issue 11): what the built real site shows at the top of every strategy and theme page, and the
content corrections, checked against copies of the source texts (tests/fixtures/seeds/) where they are about
wording."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, main_content, visible_text
from macros import lix
from macros.loader import load_site
from macros.pages import has_own_text

SITE = load_site(ROOT / "data")
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
ADULTS = "kalundborg-forebyggelse-voksne"
CHILDREN = "kalundborg-børn-og-unge"
HJØRRING = "hjørring-forebyggelse"


def strategy(strategy_id: str):
    return next(s for s in SITE.strategies if s.id == strategy_id)


def seed(name: str) -> str:
    """A source text with its line breaks, double spaces and footnote stars folded away, for 'does it say X'."""
    text = (SEEDS / name).read_text(encoding="utf-8").replace("*", "")
    return " ".join(text.split())


def says(source: str, sentence: str) -> bool:
    return " ".join(sentence.split()) in source


def theme_pages() -> list[tuple[str, str]]:
    return [(s.id, t.id) for s in SITE.strategies for t in s.themes if has_own_text(t)]


def block(html: str, heading_id: str) -> str:
    """The HTML of the <section> whose heading has ``heading_id``."""
    match = re.search(
        r'<section\b[^>]*aria-labelledby="' + re.escape(heading_id) + r'"[^>]*>(.*?)</section>', html, re.S
    )
    assert match, f"no section headed #{heading_id}"
    return match.group(1)


def flat(html: str) -> str:
    """Visible text without the space a tag boundary leaves before punctuation ("ungeområde ." -> "ungeområde.")."""
    return re.sub(r"\s+([.,:;])", r"\1", visible_text(html))


def status_of(html: str) -> str:
    return flat(re.search(r'<div class="ks-status-block">(.*?)</div>', html, re.S).group(1))


def summary_of(html: str) -> str:
    match = re.search(r'<p class="ks-plain__text">(.*?)</p>', html, re.S)
    assert match, "no Kort fortalt"
    return visible_text(match.group(1))


# --- Kort fortalt, order of the blocks, status --------------------------------------------------------------


@pytest.mark.parametrize("strategy_id", [s.id for s in SITE.strategies])
def test_strategy_page_opens_with_status_summary_who_and_actions_in_that_order(real_site, strategy_id):
    html = main_content(real_site.html(f"strategier/{strategy_id}/"))
    positions = [
        html.find(marker)
        for marker in (
            'class="ks-status-block"',
            'id="kort-fortalt"',
            'id="hvem-handler-det-om"',
            'id="hvad-kan-du-gøre"',
            'id="indhold"',
            'id="fakta"',
        )
    ]
    assert -1 not in positions and positions == sorted(positions), positions
    assert "Det kan du gøre</h2>" in html


@pytest.mark.parametrize(
    "url", [f"strategier/{s.id}/" for s in SITE.strategies] + [f"strategier/{s}/{t}/" for s, t in theme_pages()]
)
def test_every_strategy_and_theme_page_has_an_easy_kort_fortalt(real_site, url):
    text = summary_of(main_content(real_site.html(url)))
    result = lix.readability(url, None, text)
    assert 3 <= len(lix.sentences(text)) <= 6, text
    assert result.value <= lix.MAX_LIX, (url, round(result.value, 1), text)
    assert not result.long_sentences, result.long_sentences


def test_theme_page_opens_with_summary_goal_and_actions_before_its_text(real_site):
    s = strategy(ADULTS)
    for theme in s.themes:
        html = main_content(real_site.html(f"strategier/{ADULTS}/{theme.id}/"))
        order = [
            html.find('id="kort-fortalt"'),
            html.find('id="mål"'),
            html.find('id="hvad-kan-du-gøre"'),
            html.find(f'id="{theme.sections[0].id}"'),
        ]
        assert -1 not in order and order == sorted(order), (theme.id, order)


@pytest.mark.parametrize("strategy_id", [s.id for s in SITE.strategies])
def test_status_is_explained_in_plain_words(real_site, strategy_id):
    s = strategy(strategy_id)
    definition = next(d for d in SITE.settings.statuses if d.id == s.status)
    status = status_of(main_content(real_site.html(f"strategier/{strategy_id}/")))
    assert f"Status: {definition.name}. {definition.description}" in status


def test_every_status_in_the_model_has_a_description_in_site_yml():
    import typing

    from macros.model import StatusId

    assert sorted(d.id for d in SITE.settings.statuses) == sorted(typing.get_args(StatusId))
    assert all(d.description.endswith(".") for d in SITE.settings.statuses)


# --- (a) and (b): which decision belongs to which document ----------------------------------------------------


def test_adult_strategy_shows_each_decision_with_the_document_it_belongs_to(real_site):
    strategy_text = seed("001-kalundborg-forebyggelse-voksne.txt")
    paper = seed("000-kalundborg-formaalspapir.txt")
    html = main_content(real_site.html(f"strategier/{ADULTS}/"))
    status = status_of(html)
    assert "Status: Offentliggjort" in status  # the sources report no approval of the strategy itself
    # The strategy text: the decision proposal, January 2024 (OCR: "beslutningsopleegget").
    assert "Socialudvalget godkendte i januar 2024 beslutningsopleegget" in strategy_text
    assert (
        "Beslutningsoplægget: Socialudvalget godkendte i januar 2024 beslutningsoplægget, som danner grundlag" in status
    )
    # The purpose paper's last line, shown as the purpose paper's decision, linked to it.
    assert paper.endswith("Godkendt i Socialudvalget den 4. dec. 2024.")
    assert "Formålspapir: Godkendt i Socialudvalget den 4. dec. 2024." in status
    assert 'href="formålspapir/">Formålspapir</a>' in html
    document = visible_text(main_content(real_site.html(f"strategier/{ADULTS}/formålspapir/")))
    assert "Beslutning om dokumentet Godkendt i Socialudvalget den 4. dec. 2024." in document


def test_children_strategy_shows_the_2022_decision_as_the_decision_to_write_it(real_site):
    source = seed("003-kalundborg-boern-og-unge.txt")
    sentence = (
        "Kommunalbestyrelsen besluttede i august 2022, at der skulle udarbejdes en strategi på det "
        "specialiserede børne- og ungeområde."
    )
    assert says(source, sentence)
    html = main_content(real_site.html(f"strategier/{CHILDREN}/"))
    status = status_of(html)
    assert f"Beslutningen om at lave strategien: {sentence}" in status
    assert "Status: Offentliggjort" in status and "Vedtaget" not in status
    assert "<dt>Beslutning</dt>" not in html


# --- (c) the ninth definition --------------------------------------------------------------------------------


def test_glossary_has_the_ninth_starred_definition_in_the_source_words(real_site):
    source = seed("003-kalundborg-boern-og-unge.txt")
    assert "Det specialiserede børne- og ungeområde Fokus er på børn, unge og deres familier" in source
    term = next(t for t in strategy(CHILDREN).terms if t.term == "Det specialiserede børne- og ungeområde")
    for paragraph in term.definition.split("\n\n"):
        assert says(source, paragraph), paragraph
    glossary = main_content(real_site.html("ordliste/"))
    assert f'<dt id="{term.id}">Det specialiserede børne- og ungeområde</dt>' in glossary


def test_who_explains_specialised_from_the_source(real_site):
    who = visible_text(block(main_content(real_site.html(f"strategier/{CHILDREN}/")), "hvem-handler-det-om"))
    assert "brug for mere støtte og hjælp, end de kan få på almenområdet" in who
    assert says(
        seed("003-kalundborg-boern-og-unge.txt"), "brug for mere støtte og hjælp, end de kan modtage på almenområdet"
    )
    assert "psykiske og fysiske handicap" in who


# --- (d) overstated derived text --------------------------------------------------------------------------


def test_leisure_jobs_are_what_the_municipality_will_work_for_not_an_offer(real_site):
    source = seed("003-kalundborg-boern-og-unge.txt")
    assert says(
        source,
        "Vi vil også arbejde for at indfri det uudnyttede potentiale, der eksistrer for et samarbejde "
        "med det lokale erhvervsliv om at skabe flere fritidsjobs til unge i udsatte positioner.",
    )
    text = visible_text(main_content(real_site.html(f"strategier/{CHILDREN}/")))
    assert "Som en del af det lokale erhvervsliv kan du samarbejde" not in text
    assert (
        "Kommunen vil arbejde for at indfri det uudnyttede potentiale for et samarbejde med det lokale "
        "erhvervsliv om at skabe flere fritidsjobs"
    ) in text
    vaer_med = visible_text(main_content(real_site.html("vaer-med/")))
    assert "Skab fritidsjobs" not in vaer_med


def test_vaer_med_no_longer_offers_existing_agreements_or_a_demand_on_staff(real_site):
    source = seed("002-hjoerring-forebyggelse.txt")
    assert "Dette stiller krav til både ledere og medarbejdere" in source  # the openness is demanded of staff
    vaer_med = visible_text(main_content(real_site.html("vaer-med/")))
    assert "Samarbejdsaftale om at støtte børn, unge og familier" not in vaer_med
    assert "åbenhed overfor samarbejde med civilsamfundet" not in vaer_med
    assert "inddrage netværk og det omkringliggende samfund i arbejdet med borgernes ønsker og drømme" in vaer_med


# --- (e) strategy-wide actions stay strategy-wide ---------------------------------------------------------------


def test_strategy_wide_actions_are_not_filed_under_one_focus_area(real_site):
    source = seed("001-kalundborg-forebyggelse-voksne.txt")
    wide = {
        "Deltag i kompetenceudviklingsforløb": "tværgående-faglig-samarbejdspraksis",
        "Bidrag med din viden og erfaring til at forbedre strategien": "sociale-fællesskaber-og-brobygning",
    }
    assert "HVAD KAN DU G@RE?" in source and source.index("Bidrag med din viden") > source.index("HVAD KAN DU G@RE?")
    overview = visible_text(main_content(real_site.html(f"strategier/{ADULTS}/")))
    for action, theme_id in wide.items():
        assert action in overview
        assert action not in visible_text(main_content(real_site.html(f"strategier/{ADULTS}/{theme_id}/")))


# --- (f) corrections are listed, and PDF-only text is explained ------------------------------------------------


CORRECTION_SEEDS = {
    ADULTS: "001-kalundborg-forebyggelse-voksne.txt",
    CHILDREN: "003-kalundborg-boern-og-unge.txt",
    "faxe-voksne": "004-faxe-voksne.txt",
}


@pytest.mark.parametrize("strategy_id", sorted(CORRECTION_SEEDS))
def test_corrections_are_listed_and_each_one_is_in_the_source_and_fixed_on_the_site(real_site, strategy_id):
    s = strategy(strategy_id)
    assert s.corrections
    page = visible_text(main_content(real_site.html(f"strategier/{strategy_id}/")))
    section = visible_text(block(main_content(real_site.html(f"strategier/{strategy_id}/")), "rettelser"))
    site_text = page + " ".join(
        visible_text(main_content(real_site.html(f"strategier/{strategy_id}/{t}/")))
        for sid, t in theme_pages()
        if sid == strategy_id
    )
    site_text += visible_text(main_content(real_site.html("ordliste/")))
    source = seed(CORRECTION_SEEDS[strategy_id])
    for item in s.corrections:
        assert f"»{item.original}« er rettet til »{item.corrected}«" in section
        if "OCR" in item.original:
            continue  # the whole OCR restoration (seed 001) is one entry
        assert says(source, item.original), item.original
        assert item.corrected in site_text, item.corrected
    if strategy_id == CHILDREN:
        assert len(s.corrections) == 16


def test_purpose_paper_corrections_are_listed_on_its_page(real_site):
    paper = next(d for d in strategy(ADULTS).documents if d.id == "formålspapir")
    source = seed("000-kalundborg-formaalspapir.txt")
    page = visible_text(main_content(real_site.html(f"strategier/{ADULTS}/formålspapir/")))
    assert any(c.corrected.endswith("adressere en række af de problematikker") for c in paper.corrections)
    for item in paper.corrections:
        assert says(source, item.original) and item.corrected in page
        assert f"»{item.original}« er rettet til »{item.corrected}«" in page


def test_about_page_says_that_obvious_errors_are_corrected_and_listed(real_site):
    about = visible_text(main_content(real_site.html("om/")))
    assert "retter åbenlyse stave- og skrivefejl" in about and "Rettelser i forhold til kilden" in about


def test_text_that_only_makes_sense_in_the_pdf_has_an_editorial_note(real_site):
    html = main_content(real_site.html(f"strategier/{CHILDREN}/"))
    for phrase, heading in (
        ("som fremgår på de næste sider", "forord"),
        ("de røde blomsterblade", "børne-og-ungepolitikken"),
    ):
        part = block(html, heading)
        assert phrase in visible_text(part)
        assert "Redaktionens note" in visible_text(part), phrase
    adults = visible_text(block(main_content(real_site.html(f"strategier/{ADULTS}/")), "kilder"))
    assert "ingen kildeliste" in adults


# --- Themes without text, and pages with too little of their own ------------------------------------------


def test_tracks_without_text_of_their_own_get_no_page_and_no_link(real_site):
    html = main_content(real_site.html(f"strategier/{HJØRRING}/"))
    themes = block(html, "spor")
    for theme in strategy(HJØRRING).themes:
        assert not (real_site.site_dir / "strategier" / HJØRRING / theme.id).exists()
        assert theme.title in visible_text(themes)
        assert f"{theme.id}/" not in themes
    assert "<a " not in re.search(r'<ol class="ks-theme-list".*?</ol>', themes, re.S).group(0)


def own_words(html: str) -> int:
    """Words a page says itself: its article without navigation, the h1 and the 'last updated' line."""
    article = main_content(html)
    article = re.sub(r"<nav\b.*?</nav>|<h1\b.*?</h1>|<p class=\"ks-updated\".*?</p>", " ", article, flags=re.S)
    text = re.sub(r"Sidst opdateret \S+ \S+ \d{4}", " ", visible_text(article))
    return len(lix.words(text))


def test_every_generated_page_has_at_least_40_words_of_its_own(real_site):
    from macros import pages
    from macros import urls as site_urls

    urls = [site_urls.url_of(page.src) for page in pages.walk(pages.site_plan(SITE))]
    assert len(urls) > 20
    for url in urls:
        words = own_words(real_site.html(url))
        assert words >= 40, (url, words)
