"""One synthetic strategy, written through the model: the YAML mapping of a strategy like the real ones.

Every mapping is made with ``record()``, which takes the model's Python field names and writes the YAML keys
that ``macros/model.py`` declares, so a renamed key follows automatically and an unknown field is an error
here. The prose is real Danish from ``bench.corpus``; titles, themes and actions are varied the ways the
real strategies vary (theme labels, numbering, mottos, purpose papers, adopted or only published).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from bench.corpus import Writer
from macros import model


def record(cls: type[Any], **values: Any) -> dict[str, Any]:
    """A YAML mapping for model class ``cls`` from its Python field names, in the model's field order.

    The keys come from the fields' metadata in macros/model.py; an unknown field name is an error here,
    so the generator cannot drift from the model. Empty values are left out, as an editor would.
    """
    keys = {f.name: f.metadata["key"] for f in dataclasses.fields(cls) if not f.metadata.get("internal")}
    unknown = set(values) - set(keys)
    if unknown:
        raise TypeError(f"{cls.__name__} has no field(s) {sorted(unknown)}")
    return {keys[name]: values[name] for name in keys if values.get(name) not in (None, [], "")}


def key(cls: type[Any], name: str) -> str:
    """The YAML key of one model field, for reading back what was written."""
    return str(cls.__dataclass_fields__[name].metadata["key"])


def slug(text: str) -> str:
    """An id as editors write them: lower case, æ/ø/å kept, anything else a hyphen."""
    return re.sub(r"[^a-z0-9æøå]+", "-", text.lower()).strip("-")


STRATEGY_KINDS = (  # title, short title, area, target group, id part
    (
        "Forebyggelsesstrategi for det specialiserede voksensocialområde",
        "Forebyggelse, voksne",
        "Det specialiserede voksensocialområde",
        "voksne",
        "forebyggelse-voksne",
    ),
    (
        "Strategi på det specialiserede børne- og ungeområde",
        "Børn og unge",
        "Det specialiserede børne- og ungeområde",
        "børn-og-unge",
        "børn-og-unge",
    ),
    (
        "Strategi for det specialiserede socialområde for voksne",
        "Socialområdet, voksne",
        "Det specialiserede socialområde for voksne",
        "voksne",
        "socialområdet-voksne",
    ),
    (
        "Handicap- og psykiatristrategi",
        "Handicap og psykiatri",
        "Det specialiserede socialområde",
        "voksne",
        "handicap-og-psykiatri",
    ),
)
THEME_TITLES = (
    "Tværgående faglig samarbejdspraksis",
    "Mental sundhed og trivsel",
    "Tidlig og forebyggende indsats",
    "Fællesskaber og brobygning til civilsamfundet",
    "Øget netværksinddragelse",
    "Gennemsigtighed og lettere hjælp på tværs",
    "Uddannelse, beskæftigelse og en meningsfuld hverdag",
    "Bolig og et selvstændigt liv",
)
# Theme ids by position, as in skabeloner/ny-strategi.yml: the same URLs whatever a strategy's theme titles.
POSITIONAL_THEME_IDS = ("første-tema", "andet-tema", "tredje-tema", "fjerde-tema")
THEME_LABELS = (("fokusområde", "fokusområder"), ("spor", "spor"), ("pejlemærke", "pejlemærker"), ("område", "områder"))
ROMAN = ("I", "II", "III", "IV")
ACTIONS = {
    "borger": (
        "Deltag gerne i sundhedsfremmende aktiviteter og fællesskaber",
        "Opsøg rådgivning og støtte, hvis du har brug for det",
        "Vær med til at bidrage med gode idéer og få dine input i spil sammen med os",
    ),
    "medarbejder": (
        "Vær opmærksom på tidlige tegn på sundhedsproblemer og sociale udfordringer",
        "Deltag i kompetenceudviklingsforløb og brug nye metoder i dit daglige arbejde",
        "Samarbejd med kolleger og frivillige for at styrke indsatserne",
    ),
    "civilsamfund": (
        "Bidrag med din viden og erfaring til at forbedre strategien løbende",
        "Styrk og understøt sociale fællesskaber og aktiviteter",
        "Gå tæt i samarbejdet med kommunen om forebyggende og sundhedsfremmende tiltag",
    ),
}
TERMS: tuple[tuple[str, list[str]], ...] = (  # term, the inflected forms that are marked too
    ("Forebyggelse", ["forebyggelsen"]),
    ("Mental sundhed", ["mentale sundhed"]),
    ("Civilsamfundet", ["civilsamfund"]),
    ("Netværksinddragelse", []),
    ("Recovery", []),
    ("Fællesskaber", ["fællesskab", "fællesskabet"]),
)


def _section(w: Writer, id_: str, title: str, paragraphs: int = 2, **extra: Any) -> dict[str, Any]:
    return record(model.Section, id=id_, title=title, text=w.prose(paragraphs), **extra)


def _themes(i: int, w: Writer, singular: str, theme_ids: Sequence[str] | None) -> list[dict[str, Any]]:
    """Four themes, numbered and labelled the ways the real strategies do (1-4, I-IV, with or without motto)."""
    themes = []
    for k in range(4):
        title = THEME_TITLES[(i + k) % len(THEME_TITLES)]
        theme_id = theme_ids[k] if theme_ids else slug(title)
        themes.append(
            record(
                model.Theme,
                id=theme_id,
                number=ROMAN[k] if singular == "område" else str(k + 1),
                title=title,
                motto=w.short(7) + "!" if singular == "pejlemærke" else None,
                summary=record(model.ShortList, lead="Vi understøtter", items=[w.short(8) for _ in range(3)])
                if k == 0
                else None,
                intro=w.paragraph(1),
                text=w.prose(2 if k % 2 == 0 else 1),
                goal=w.sentence(),
                sections=[
                    _section(
                        w, f"{theme_id}-baggrund", w.short(5), 2 - k % 2, highlight=w.sentence() if k % 2 else None
                    ),
                    _section(
                        w,
                        f"{theme_id}-indsatser",
                        w.short(5),
                        1,
                        items=[w.short(9) for _ in range(3)] if k % 2 == 0 else [],
                    ),
                ],
                principles=[
                    record(model.PrincipleGroup, heading=f"{w.short(4)} ({n})", text=w.paragraph(2)) for n in (1, 2)
                ]
                if singular in ("fokusområde", "pejlemærke")
                else [],
            )
        )
    return themes


def _guidance(audiences: Sequence[str], theme_ids: list[str]) -> list[dict[str, Any]]:
    """Three actions per reader group, pointing at themes and at the implementation section."""
    guidance = []
    for a, audience in enumerate(audiences):
        texts = ACTIONS.get(audience, ACTIONS["borger"])
        guidance.append(
            record(
                model.AudienceGuidance,
                audience=audience,
                actions=[
                    record(model.Action, text=texts[0], themes=theme_ids[a : a + 2]),
                    record(model.Action, text=texts[1], themes=[theme_ids[(a + 2) % 4]]),
                    record(model.Action, text=texts[2], source="implementering" if a % 2 else None),
                ],
            )
        )
    return guidance


def _purpose_paper(i: int, w: Writer, kind_title: str) -> dict[str, Any]:
    return record(
        model.Document,
        id="formålspapir",
        title=f"Formålspapir for {kind_title.lower()}",
        kind="Formålspapir",
        decision=record(model.Decision, body="Socialudvalget", date=dt.date(2024, 1 + i % 12, 1 + i % 28)),
        intro=w.paragraph(2),
        sections=[
            _section(w, "formål", "Baggrund og formål", 2),
            _section(w, "organisering", "Organisering", 1),
            _section(w, "opfølgning-og-evaluering", "Opfølgning og evaluering", 2),
        ],
        sources=[record(model.Source, number="1", text=w.short(10))],
    )


def make_strategy(
    i: int,
    municipality_id: str,
    w: Writer,
    audiences: Sequence[str],
    *,
    strategy_id: str | None = None,
    theme_ids: Sequence[str] | None = None,
    terms: bool = True,
) -> dict[str, Any]:
    """Strategy number ``i``: about the size of the real ones (15-25 kB of YAML), four themes.

    ``strategy_id`` and ``theme_ids`` fix the URLs a test reads; ``terms=False`` leaves out the glossary
    entries, so that the site-wide glossary does not grow with the number of strategies.
    """
    kind_title, short_title, area, target_group, kind_slug = STRATEGY_KINDS[i % len(STRATEGY_KINDS)]
    strategy_id = strategy_id or f"{municipality_id}-{kind_slug}-{i:04d}"
    singular, plural = THEME_LABELS[i % len(THEME_LABELS)]
    themes = _themes(i, w, singular, theme_ids)
    guidance = _guidance(audiences, [t["id"] for t in themes])
    glossary = (
        [
            record(
                model.Term,
                id=f"{slug(term)}-{strategy_id}",
                term=term,
                definition=w.sentence(),
                source="Sundhedsstyrelsen",
                forms=forms,
            )
            for term, forms in (TERMS[i % len(TERMS)], TERMS[(i + 3) % len(TERMS)])
        ]
        if terms
        else []
    )
    documents = [_purpose_paper(i, w, kind_title)] if i % 3 == 0 else []
    adopted = i % 4 != 3
    return record(
        model.Strategy,
        id=strategy_id,
        municipality=municipality_id,
        title=f"{kind_title} {2020 + i % 6}-{2024 + i % 6}",
        short_title=f"{short_title} {2020 + i % 6}" if i % 2 else None,
        kind="Strategi",
        area=area,
        target_groups=[target_group],
        status="vedtaget" if adopted else "offentliggjort",
        published=None if adopted else f"august {2020 + i % 6}",
        decision=record(
            model.Decision,
            body="Socialudvalget",
            date=dt.date(2020 + i % 6, 1 + i % 12, 1 + i % 28),
            text="Godkendt i Socialudvalget.",
        )
        if adopted
        else None,
        intro=w.paragraph(2),
        vision=record(model.Vision, heading=w.short(6), text=w.paragraph(2)),
        sections=[
            _section(w, "baggrund", "Baggrund", 2, highlight=w.sentence()),
            _section(
                w,
                "sådan-er-strategien-blevet-til",
                "Sådan er strategien blevet til",
                2,
                quote=record(model.Quote, text=w.sentence(), source="Socialudvalget"),
            ),
            record(
                model.Section,
                id="værdier",
                title="Værdier og principper",
                text=w.prose(1),
                subsections=[
                    record(
                        model.Section,
                        id="hovedprincipper",
                        title="Hovedprincipper",
                        principles=[
                            record(model.PrincipleGroup, heading=f"{w.short(4)} ({n})", text=w.paragraph(2))
                            for n in range(1, 4)
                        ],
                    ),
                ],
            ),
        ],
        labels=record(model.ThemeLabels, singular=singular, plural=plural),
        themes_intro=w.paragraph(1),
        themes=themes,
        implementation=[
            _section(w, "implementering", "Sådan skal strategien ud at virke", 2),
            _section(w, "opfølgning", "Opfølgning", 1, items=[w.short(8) for _ in range(3)]),
        ],
        guidance=guidance,
        terms=glossary,
        sources=[record(model.Source, number=str(n), text=w.short(10)) for n in (1, 2)],
        related=[record(model.Related, title=w.short(5), text=w.sentence())],
        documents=documents,
    )
