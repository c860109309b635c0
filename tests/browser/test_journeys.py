"""Five reader journeys (issue 11), each on a 390×844 phone, starting at the front page of the real site, at most
two taps, ending with the answer on screen (inside the viewport, not just somewhere on the page)."""

from __future__ import annotations

import pytest

from conftest import ROOT
from macros.loader import load_site

SITE = load_site(ROOT / "data")
PHONE = {"width": 390, "height": 844}
MAX_TAPS = 2


class Journey:
    """A reader on a phone who may tap at most twice; scrolling is free, as on a real phone."""

    def __init__(self, page, server: str) -> None:
        self.page = page
        self.taps = 0
        page.goto(server, wait_until="networkidle")

    def tap(self, locator) -> None:
        self.taps += 1
        assert self.taps <= MAX_TAPS, "the answer takes more than two taps from the front page"
        locator.scroll_into_view_if_needed()
        with self.page.expect_navigation(wait_until="networkidle"):
            locator.tap()

    def on_screen(self, text: str) -> None:
        """The text is in the page's article, and one place showing it lies inside the phone's screen now."""
        matches = self.page.locator("article.md-content__inner").get_by_text(text, exact=False)
        boxes = [matches.nth(i).bounding_box() for i in range(matches.count()) if matches.nth(i).is_visible()]
        assert boxes, f"{text!r} is not shown"
        assert any(b["y"] >= 0 and b["y"] + min(b["height"], 24) <= PHONE["height"] for b in boxes if b), (text, boxes)


@pytest.fixture
def journey(browser, server):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield Journey(page, server)
    context.close()


def strategy(strategy_id: str):
    return next(s for s in SITE.strategies if s.id == strategy_id)


def card(journey: Journey, strategy_id: str):
    return journey.page.locator(f'.ks-card__title a[href$="strategier/{strategy_id}/"]')


def test_citizen_in_kalundborg_finds_what_the_adult_strategy_means_and_what_to_do(journey):
    s = strategy("kalundborg-forebyggelse-voksne")
    journey.tap(card(journey, s.id))
    journey.on_screen("Kort fortalt")
    journey.on_screen(s.plain_summary[0])  # what it means for them, first screen
    journey.tap(journey.page.locator(".ks-jump a", has_text="Hvis du er borger"))
    journey.on_screen("Hvis du er borger")
    citizen = next(g for g in s.guidance if g.audience == "borger")
    journey.on_screen(citizen.actions[0].text)
    journey.on_screen("Kontakt Kalundborg Kommune på")


def test_volunteer_in_faxe_finds_how_an_association_takes_part_and_whom_to_contact(journey):
    journey.tap(card(journey, "faxe-voksne"))
    journey.tap(journey.page.locator(".ks-jump a", has_text="Vær med som frivillig"))
    entry = next(e for e in SITE.participation if e.strategy == "faxe-voksne")
    journey.on_screen("Vær med som frivillig, forening eller virksomhed")
    journey.on_screen(entry.title)
    journey.on_screen("Kontakt Faxe Kommune på")


def test_staff_in_hjørring_finds_the_three_tracks_and_what_is_expected_of_staff(journey):
    s = strategy("hjørring-forebyggelse")
    journey.tap(card(journey, s.id))
    for sentence in s.plain_summary:
        if sentence.startswith("Spor "):
            journey.on_screen(sentence)  # the three tracks, in plain words, on the first screen
    journey.tap(journey.page.locator(".ks-jump a", has_text="Hvis du er leder eller medarbejder"))
    journey.on_screen("Hvis du er leder eller medarbejder")
    staff = next(g for g in s.guidance if g.audience == "medarbejder")
    journey.on_screen(staff.actions[0].text[:60])


def test_anyone_finds_what_netværksinddragelse_means(journey):
    journey.tap(journey.page.locator("article a.md-button", has_text="Ordliste"))
    journey.tap(journey.page.locator(".ks-jumplist a", has_text="N").first)
    journey.on_screen("Netværksinddragelse")
    journey.on_screen("en person i familiens netværk får en aktiv rolle")


def test_anyone_finds_whether_the_kalundborg_strategy_is_approved_when_and_by_whom(journey):
    journey.tap(card(journey, "kalundborg-forebyggelse-voksne"))
    journey.on_screen("Status:")
    journey.on_screen("Offentliggjort")
    journey.on_screen("Socialudvalget godkendte i januar 2024 beslutningsoplægget")
    journey.on_screen("Godkendt i Socialudvalget den 4. dec. 2024.")
