"""LIX = words / sentences + 100 × long words (more than six letters) / words, on known Danish texts."""

from __future__ import annotations

import pytest

from macros import lix
from macros.model import Loc


def test_short_everyday_text_counted_by_hand() -> None:
    # 8 words, 2 sentences, no word over six letters (Hunden, Katten, sofaen have six).
    assert lix.lix("Hunden løb hjem. Katten sov længe på sofaen.") == pytest.approx(8 / 2 + 0)


def test_administrative_sentence_from_seed_003() -> None:
    # Kalundborg's strategy (seed 003), first sentence: 16 words (the year is a number), 1 sentence,
    # 6 long words. LIX 53.5: a hard text, as issue 11 measured the overviews.
    text = (
        "Kommunalbestyrelsen besluttede i august 2022, at der skulle udarbejdes en strategi på det "
        "specialiserede børne- og ungeområde."
    )
    words = lix.words(text)
    assert words == [
        "Kommunalbestyrelsen",
        "besluttede",
        "i",
        "august",
        "at",
        "der",
        "skulle",
        "udarbejdes",
        "en",
        "strategi",
        "på",
        "det",
        "specialiserede",
        "børne",
        "og",
        "ungeområde",
    ]
    long_words = [w for w in words if lix.is_long(w)]
    assert long_words == ["Kommunalbestyrelsen", "besluttede", "udarbejdes", "strategi", "specialiserede", "ungeområde"]
    assert lix.lix(text) == pytest.approx(16 / 1 + 100 * 6 / 16)  # 53.5: "svær"


def test_hyphenated_word_is_one_word_and_digits_are_not_words() -> None:
    assert lix.words("SSP-samarbejdet i 2024") == ["SSP-samarbejdet", "i"]
    assert lix.is_long("SSP-samarbejdet")


def test_sentences_end_at_full_stop_question_and_exclamation_before_a_capital() -> None:
    text = "Hvem er det for? Det er for børn. Fx unge! Og familier: De skal have hjælp."
    assert lix.sentences(text) == [
        "Hvem er det for?",
        "Det er for børn.",
        "Fx unge!",
        "Og familier:",
        "De skal have hjælp.",
    ]


def test_lower_case_after_full_stop_does_not_start_a_sentence() -> None:
    assert len(lix.sentences("Det gælder bl.a. børn og unge.")) == 1


def test_empty_text_has_lix_zero() -> None:
    assert lix.lix("") == 0.0
    assert lix.lix("2024 – 2027") == 0.0


def test_warnings_name_file_line_and_what_to_do() -> None:
    hard = (
        "Kommunalbestyrelsen besluttede i august 2022, at der skulle udarbejdes en strategi på det "
        "specialiserede børne- og ungeområde med henblik på at skabe de bedste betingelser og opvækstmuligheder."
    )
    result = lix.readability("kalundborg-børn-og-unge", Loc("data/strategier/x.yml", 12), hard)
    assert not result.ok
    warnings = result.warnings()
    assert warnings[0].startswith("data/strategier/x.yml, linje 12: 'Kort fortalt' (kalundborg-børn-og-unge) har LIX")
    assert "Skriv kortere sætninger" in warnings[0]
    assert "sætning på 26 ord" in warnings[1] and "Del den i to" in warnings[1]


def test_easy_summary_passes() -> None:
    result = lix.readability("x", None, "Du kan få hjælp tidligt. Det skal ske, før det bliver svært.")
    assert result.ok and result.warnings() == []


def test_report_lists_every_summary_and_warns_about_missing_ones() -> None:
    from conftest import FIXTURES, ROOT
    from macros.loader import load_site

    real = lix.report(load_site(ROOT / "data"))
    assert any(line.startswith("LIX i 'Kort fortalt': kalundborg-børn-og-unge: ") for line in real)
    assert not [line for line in real if line.startswith("Advarsel")]
    fixture = lix.report(load_site(FIXTURES / "one-municipality" / "data"))
    assert any(
        "Strategien testrup-voksne har intet 'Kort fortalt'" in line and "testrup-voksne.yml, linje" in line
        for line in fixture
    )
