"""Build benchmark for the strategy site (issue 7): how the strict build scales with the number of strategies.

One command, run from the repository root::

    NO_MKDOCS_2_WARNING=1 .venv/bin/python -m bench.benchmark          # 10, 100 and 1000 strategies
    NO_MKDOCS_2_WARNING=1 .venv/bin/python -m bench.benchmark --quick  # 10 and 100, one repeat, printed only

For every size it

1. generates a synthetic site in a temporary folder. ``data/`` is written with the YAML keys that
   ``macros/model.py`` declares (``record()`` maps the model's field names to their keys, so a renamed
   key follows automatically), filled with Danish sentences from ``../shared/seeds`` and ``data/`` (cycled), four
   themes per strategy, spread over several municipalities, with "Hvad kan du gøre?" actions, terms,
   sources, "Vær med" entries and (every third strategy) a purpose paper. The data is validated with
   ``macros.loader.check_site`` before anything is built. ``docs/`` is the real site's ``docs/`` and
   ``mkdocs.yml`` inherits the repository's, like the fixture sites in ``tests/fixtures``;
2. builds it with ``mkdocs build --strict`` in a fresh child process and records wall time, CPU time,
   pages (``index.html`` files), time per page and the child's own peak memory (``os.wait4`` returns
   the rusage of exactly that child, not a high-water mark over all children);
3. builds a plain Material baseline of the same pages: the text of every page we built, written as
   plain Markdown (same headings, paragraphs and list items), the same nested navigation, the same
   theme settings, Markdown extensions and validation, but no ``socialstrategier`` plugin, no macros,
   no overrides;
4. reports ours/plain per size and how the time per page grows with the size of the site;
5. gzipped size of a theme page and of ``search/search_index.json``.

Then it measures the live preview: ``mkdocs serve --strict`` on the 100-strategy site, a sentence in
one strategy's YAML file is changed, and the time until the server logs "Reloading browsers" (and
until the served page shows the new sentence) is recorded.

All figures are medians over ``--repeat`` runs (``--repeat-large`` at 1000 strategies and more). They are
printed and written into bench/RESULTATER.md between two HTML comment markers; text outside the markers
(the hand-written analysis) is kept.

``--profile N`` runs one build of N strategies under cProfile and prints the top costs.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gzip
import html as html_lib
import importlib.metadata
import os
import platform
import pstats
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
RESULTS = Path(__file__).resolve().parent / "RESULTATER.md"
START_MARK = "<!-- benchmark:start (skrevet af bench/benchmark.py; tekst uden for markørerne bevares) -->"
END_MARK = "<!-- benchmark:end -->"


def _ensure_environment() -> None:
    """Run under the project's venv (MkDocs, Material, macros) with the repository importable."""
    try:
        import material  # noqa: F401
        import mkdocs  # noqa: F401
    except ImportError:
        python = VENV / "bin" / "python"
        if python.exists() and Path(sys.prefix).resolve() != VENV.resolve():
            os.execv(str(python), [str(python), str(Path(__file__).resolve()), *sys.argv[1:]])
        raise
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


_ensure_environment()

import yaml  # noqa: E402

from macros import model, pages  # noqa: E402
from macros.loader import check_site  # noqa: E402


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- Danish text -------------------------------------------------------------------------------------

SEEDS = ROOT.parent / "shared" / "seeds"
# Characters that occur in ordinary Danish prose; anything else (bullets, tables, OCR debris) is skipped.
_PROSE = re.compile(r"[0-9A-Za-zÆØÅæøåÉéÜüÖö ,.\-–:;()%&/’'”“\"?!]+")


def _sentences_in(text: str) -> list[str]:
    text = re.sub(r"(?<=[a-zæøå])-[ \t]*\n\s*(?=[a-zæøå])", "", text)  # words hyphenated at line ends
    text = re.sub(r"\s+", " ", text)
    found = []
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", text):
        sentence = sentence.strip()
        if 50 <= len(sentence) <= 260 and sentence.endswith(".") and _PROSE.fullmatch(sentence) \
                and sentence[0].isupper() and not re.search(r"\s[IVX]+\)|\.\.|\s\d+\.$", sentence) \
                and not re.search(r"[A-ZÆØÅ]{3,} [A-ZÆØÅ]{2,}|\w: [A-ZÆØÅ]", sentence):  # run-in headings
            found.append(sentence)
    return found


def danish_sentences() -> list[str]:
    """Sentences from the source documents (the OCR-garbled 001 left out) and from the real data/.

    ../shared/seeds is beside the repository on the team's machines; a clone elsewhere uses data/ alone.
    """
    found: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        if not path.name.startswith("001_"):
            found += _sentences_in(path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "data" / "strategier").glob("*.yml")):
        found += _sentences_in("\n\n".join(_strings(yaml.safe_load(path.read_text(encoding="utf-8")))))
    unique = list(dict.fromkeys(found))
    if len(unique) < 50:
        raise SystemExit(f"Fandt kun {len(unique)} sætninger i {SEEDS} og data/; benchmarken skal bruge dansk tekst.")
    return unique


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


class Writer:
    """Hands out the sentences in order, from a per-strategy starting point, so strategies differ."""

    def __init__(self, sentences: list[str], start: int) -> None:
        self._sentences = sentences
        self._next = start

    def sentence(self) -> str:
        text = self._sentences[self._next % len(self._sentences)]
        self._next += 1
        return text

    def paragraph(self, sentences: int = 3) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def prose(self, paragraphs: int = 2, sentences: int = 3) -> str:
        return "\n\n".join(self.paragraph(sentences) for _ in range(paragraphs)) + "\n"

    def short(self, words: int = 6) -> str:
        """A heading-like phrase: the first words of a sentence."""
        phrase = " ".join(self.sentence().split()[:words]).rstrip(",.:;–-( ")
        return phrase[:1].upper() + phrase[1:]


# --- Synthetic data, written through the model -------------------------------------------------------


def record(cls: type, **values: Any) -> dict[str, Any]:
    """A YAML mapping for model class ``cls`` from its Python field names, in the model's field order.

    The keys come from the fields' metadata in macros/model.py; an unknown field name is an error here,
    so the generator cannot drift from the model.
    """
    keys = {f.name: f.metadata["key"] for f in dataclasses.fields(cls) if not f.metadata.get("internal")}
    unknown = set(values) - set(keys)
    if unknown:
        raise TypeError(f"{cls.__name__} has no field(s) {sorted(unknown)}")
    return {keys[name]: values[name] for name in keys if values.get(name) not in (None, [], "")}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9æøå]+", "-", text.lower()).strip("-")


TOWN_STEMS = ("Testrup", "Kærby", "Højmark", "Bækholm", "Lyngså", "Egebjerg", "Skovlunde", "Havnsø", "Fjordlev",
              "Mosevang", "Engelund", "Bjergsted", "Åkrog", "Solbjerg")
TOWN_PREFIXES = ("", "Nørre ", "Sønder ", "Øster ", "Vester ", "Store ", "Lille ")
STRATEGY_KINDS = (  # title, short title, area, target group, id part
    ("Forebyggelsesstrategi for det specialiserede voksensocialområde", "Forebyggelse, voksne",
     "Det specialiserede voksensocialområde", "voksne", "forebyggelse-voksne"),
    ("Strategi på det specialiserede børne- og ungeområde", "Børn og unge",
     "Det specialiserede børne- og ungeområde", "børn-og-unge", "børn-og-unge"),
    ("Strategi for det specialiserede socialområde for voksne", "Socialområdet, voksne",
     "Det specialiserede socialområde for voksne", "voksne", "socialområdet-voksne"),
    ("Handicap- og psykiatristrategi", "Handicap og psykiatri", "Det specialiserede socialområde", "voksne",
     "handicap-og-psykiatri"),
)
THEME_TITLES = (
    "Tværgående faglig samarbejdspraksis", "Mental sundhed og trivsel", "Tidlig og forebyggende indsats",
    "Fællesskaber og brobygning til civilsamfundet", "Øget netværksinddragelse",
    "Gennemsigtighed og lettere hjælp på tværs", "Uddannelse, beskæftigelse og en meningsfuld hverdag",
    "Bolig og et selvstændigt liv",
)
THEME_LABELS = (("fokusområde", "fokusområder"), ("spor", "spor"), ("pejlemærke", "pejlemærker"),
                ("område", "områder"))
ROMAN = ("I", "II", "III", "IV")
ACTIONS = {
    "borger": ("Deltag gerne i sundhedsfremmende aktiviteter og fællesskaber",
               "Opsøg rådgivning og støtte, hvis du har brug for det",
               "Vær med til at bidrage med gode idéer og få dine input i spil sammen med os"),
    "medarbejder": ("Vær opmærksom på tidlige tegn på sundhedsproblemer og sociale udfordringer",
                    "Deltag i kompetenceudviklingsforløb og brug nye metoder i dit daglige arbejde",
                    "Samarbejd med kolleger og frivillige for at styrke indsatserne"),
    "civilsamfund": ("Bidrag med din viden og erfaring til at forbedre strategien løbende",
                     "Styrk og understøt sociale fællesskaber og aktiviteter",
                     "Gå tæt i samarbejdet med kommunen om forebyggende og sundhedsfremmende tiltag"),
}
TERMS = (("Forebyggelse", ["forebyggelsen"]), ("Mental sundhed", ["mentale sundhed"]),
         ("Civilsamfundet", ["civilsamfund"]), ("Netværksinddragelse", []), ("Recovery", []),
         ("Fællesskaber", ["fællesskab", "fællesskabet"]))


def municipality_names(count: int) -> list[tuple[str, str]]:
    """(id, name) of ``count`` fictional municipalities (up to 98, as many as Denmark has)."""
    names = [f"{prefix}{stem}" for prefix in TOWN_PREFIXES for stem in TOWN_STEMS][:count]
    return [(slug(name), f"{name} Kommune") for name in names]


def municipality_count(strategies: int) -> int:
    return min(len(TOWN_STEMS) * len(TOWN_PREFIXES), max(3, strategies // 4))


def _section(w: Writer, id_: str, title: str, paragraphs: int = 2, **extra: Any) -> dict[str, Any]:
    return record(model.Section, id=id_, title=title, text=w.prose(paragraphs), **extra)


def make_strategy(i: int, municipality_id: str, w: Writer, audiences: list[str]) -> dict[str, Any]:
    """One strategy of about the size of the real ones (15-25 kB of YAML), four themes."""
    kind_title, short_title, area, target_group, kind_slug = STRATEGY_KINDS[i % len(STRATEGY_KINDS)]
    strategy_id = f"{municipality_id}-{kind_slug}-{i:04d}"
    singular, plural = THEME_LABELS[i % len(THEME_LABELS)]
    themes = []
    for k in range(4):
        title = THEME_TITLES[(i + k) % len(THEME_TITLES)]
        theme_id = slug(title)
        themes.append(record(
            model.Theme,
            id=theme_id,
            number=ROMAN[k] if singular == "område" else str(k + 1),
            title=title,
            motto=w.short(7) + "!" if singular == "pejlemærke" else None,
            summary=record(model.ShortList, lead="Vi understøtter", items=[w.short(8) for _ in range(3)])
            if k == 0 else None,
            intro=w.paragraph(1),
            text=w.prose(2 if k % 2 == 0 else 1),
            goal=w.sentence(),
            sections=[
                _section(w, f"{theme_id}-baggrund", w.short(5), 2 - k % 2, highlight=w.sentence() if k % 2 else None),
                _section(w, f"{theme_id}-indsatser", w.short(5), 1,
                         items=[w.short(9) for _ in range(3)] if k % 2 == 0 else []),
            ],
            principles=[record(model.PrincipleGroup, heading=f"{w.short(4)} ({n})", text=w.paragraph(2))
                        for n in (1, 2)] if singular in ("fokusområde", "pejlemærke") else [],
        ))
    theme_ids = [t["id"] for t in themes]
    guidance = [
        record(model.AudienceGuidance, audience=audience, actions=[
            record(model.Action, text=ACTIONS.get(audience, ACTIONS["borger"])[0], themes=theme_ids[a:a + 2]),
            record(model.Action, text=ACTIONS.get(audience, ACTIONS["borger"])[1], themes=[theme_ids[(a + 2) % 4]]),
            record(model.Action, text=ACTIONS.get(audience, ACTIONS["borger"])[2],
                   source="implementering" if a % 2 else None),
        ])
        for a, audience in enumerate(audiences)
    ]
    terms = [record(model.Term, id=f"{slug(term)}-{strategy_id}", term=term, definition=w.sentence(),
                    source="Sundhedsstyrelsen", forms=forms)
             for term, forms in (TERMS[i % len(TERMS)], TERMS[(i + 3) % len(TERMS)])]
    documents = []
    if i % 3 == 0:
        documents.append(record(
            model.Document, id="formålspapir", title=f"Formålspapir for {kind_title.lower()}", kind="Formålspapir",
            decision=record(model.Decision, body="Socialudvalget", date=dt.date(2024, 1 + i % 12, 1 + i % 28)),
            intro=w.paragraph(2),
            sections=[_section(w, "formål", "Baggrund og formål", 2), _section(w, "organisering", "Organisering", 1),
                      _section(w, "opfølgning-og-evaluering", "Opfølgning og evaluering", 2)],
            sources=[record(model.Source, number="1", text=w.short(10))],
        ))
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
        decision=record(model.Decision, body="Socialudvalget", date=dt.date(2020 + i % 6, 1 + i % 12, 1 + i % 28),
                        text="Godkendt i Socialudvalget.") if adopted else None,
        intro=w.paragraph(2),
        vision=record(model.Vision, heading=w.short(6), text=w.paragraph(2)),
        sections=[
            _section(w, "baggrund", "Baggrund", 2, highlight=w.sentence()),
            _section(w, "sådan-er-strategien-blevet-til", "Sådan er strategien blevet til", 2,
                     quote=record(model.Quote, text=w.sentence(), source="Socialudvalget")),
            record(model.Section, id="værdier", title="Værdier og principper", text=w.prose(1), subsections=[
                record(model.Section, id="hovedprincipper", title="Hovedprincipper", principles=[
                    record(model.PrincipleGroup, heading=f"{w.short(4)} ({n})", text=w.paragraph(2))
                    for n in range(1, 4)
                ]),
            ]),
        ],
        labels=record(model.ThemeLabels, singular=singular, plural=plural),
        themes_intro=w.paragraph(1),
        themes=themes,
        implementation=[
            _section(w, "implementering", "Sådan skal strategien ud at virke", 2),
            _section(w, "opfølgning", "Opfølgning", 1, items=[w.short(8) for _ in range(3)]),
        ],
        guidance=guidance,
        terms=terms,
        sources=[record(model.Source, number=str(n), text=w.short(10)) for n in (1, 2)],
        related=[record(model.Related, title=w.short(5), text=w.sentence())],
        documents=documents,
    )


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # editors write every value out; no &anchors or *aliases


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _represent_str)


def write_yaml(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000),
                    encoding="utf-8")


@dataclasses.dataclass
class SyntheticSite:
    root: Path
    strategies: int
    first_strategy: str
    first_theme: str
    first_goal: str
    theme_url: str     # site-relative URL of the first strategy's first theme page

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"


def make_site(root: Path, strategies: int, sentences: list[str]) -> SyntheticSite:
    """A site with ``strategies`` strategies in ``root``, validated with our own loader."""
    if root.exists():
        shutil.rmtree(root)
    data = root / "data"
    shutil.copytree(ROOT / "docs", root / "docs")
    data.mkdir(parents=True)
    shutil.copy(ROOT / "data" / "site.yml", data / "site.yml")
    settings = yaml.safe_load((data / "site.yml").read_text(encoding="utf-8"))
    audience_key = model.Audience.__dataclass_fields__["id"].metadata["key"]
    audiences_key = model.SiteSettings.__dataclass_fields__["audiences"].metadata["key"]
    audiences = [a[audience_key] for a in settings[audiences_key]]

    municipalities = municipality_names(municipality_count(strategies))
    ascii_host = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
    statement = record(model.AccessibilityStatement, status="delvist", reviewed=dt.date(2026, 11, 23), known_issues=[
        "Sitet er testet automatisk, men endnu ikke gennemgået af brugere med handicap."])
    write_yaml(data / "kommuner.yml", record(model.MunicipalityFile, municipalities=[
        record(model.Municipality, id=mid, name=name, website=f"https://{mid.translate(ascii_host)}.example/",
               accessibility=statement)
        for mid, name in municipalities
    ]))
    participation = []
    first: dict[str, Any] = {}
    for i in range(strategies):
        w = Writer(sentences, start=i * 37)
        strategy = make_strategy(i, municipalities[i % len(municipalities)][0], w, audiences)
        write_yaml(data / "strategier" / f"{strategy['id']}.yml", strategy)
        first = first or strategy
        if i % 2 == 0:
            theme = strategy["temaer"][3]
            participation.append(record(
                model.Participation, id=f"vær-med-{strategy['id']}", title=w.short(6), text=w.paragraph(2),
                strategy=strategy["id"], themes=[theme["id"]], source=theme["id"], for_whom="Foreninger og frivillige",
            ))
    write_yaml(data / "vaer-med.yml", record(model.ParticipationFile, entries=participation))

    site, problems = check_site(data)
    if problems or site is None:
        listing = "\n".join(f"  {p}" for p in problems[:30])
        raise SystemExit(f"De genererede data er ikke gyldige ({len(problems)} problemer):\n{listing}")
    assert len(site.strategies) == strategies

    (root / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT.as_posix()}/mkdocs.yml\n"
        "docs_dir: docs\n"
        "theme:\n"
        "  name: material\n"
        f"  custom_dir: {ROOT.as_posix()}/overrides\n",
        encoding="utf-8",
    )
    theme = first["temaer"][0]
    strategy = next(s for s in site.strategies if s.id == first["id"])
    return SyntheticSite(root, strategies, first["id"], theme["id"], theme["mål"],
                         pages.url_of(pages.child_src(strategy, theme["id"])))


# --- The plain Material baseline ---------------------------------------------------------------------

_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "td", "th", "figcaption", "caption",
           "summary", "blockquote", "pre"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ArticleText(HTMLParser):
    """The readable blocks of a page's article: headings, paragraphs and list items, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._kind = "p"
        self._buffer: list[str] = []
        self._skip = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        if text:
            self.blocks.append((self._kind, text))
        self._buffer = []
        self._kind = "p"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if self._skip or tag in ("script", "style", "svg") or any(name == "hidden" for name, _ in attrs):
            self._skip += 1
            return
        if tag in _BLOCKS:
            self._flush()
            self._kind = tag

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self._skip:
            self._skip -= 1
            return
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _escape_markdown(text: str) -> str:
    text = re.sub(r"([\\`*_{}\[\]<>#|!])", r"\\\1", text)
    return re.sub(r"^(\d+)\.(\s)", r"\1\\.\2", re.sub(r"^([-+=])", r"\\\1", text))


def html_to_markdown(page_html: str) -> str:
    """The article of a built page as plain Markdown with the same headings, paragraphs and lists."""
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', page_html, re.S)
    parser = _ArticleText()
    parser.feed(match.group(1) if match else "")
    parser.close()
    if not match:  # a redirect page: keep its title
        title = re.search(r"<title>(.*?)</title>", page_html, re.S)
        parser.blocks = [("h1", html_lib.unescape(title.group(1)).strip() if title else "Side")]
    lines: list[str] = []
    for kind, text in parser.blocks:
        text = _escape_markdown(text)
        if kind in ("h1", "h2", "h3", "h4", "h5", "h6"):
            lines += ["", "#" * int(kind[1]) + " " + text, ""]
        elif kind == "li":
            lines.append("- " + text)
        else:
            lines += ["", text, ""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; !!python/name values (our slugify) become None."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def repo_config() -> dict[str, Any]:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def _plain_extensions(extensions: list[Any]) -> list[Any]:
    """The same Markdown extensions, without options that name our Python code."""
    plain = []
    for item in extensions:
        if isinstance(item, dict):
            (name, options), = item.items()
            options = {k: v for k, v in (options or {}).items() if v is not None}
            plain.append({name: options} if options else name)
        else:
            plain.append(item)
    return plain


def make_plain_site(site: SyntheticSite, built: Path, root: Path) -> None:
    """The same pages as plain Markdown under a plain Material config with the same nested nav."""
    from macros.loader import load_site
    from macros.plugin import expand_nav

    if root.exists():
        shutil.rmtree(root)
    plan = pages.site_plan(load_site(site.root / "data"))
    sources = sorted(p.relative_to(site.root / "docs").as_posix() for p in (site.root / "docs").rglob("*.md"))
    sources += [page.src for page in pages.walk(plan)]
    for src in sources:
        page = built / pages.url_of(src) / "index.html"
        target = root / "docs" / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html_to_markdown(page.read_text(encoding="utf-8")), encoding="utf-8")
    ours = repo_config()
    config = {
        "site_name": ours["site_name"],
        "site_description": ours.get("site_description"),
        "use_directory_urls": ours.get("use_directory_urls", True),
        "strict": True,
        "theme": {k: v for k, v in ours["theme"].items() if k != "custom_dir"},
        "extra": {"generator": False},
        "markdown_extensions": _plain_extensions(ours.get("markdown_extensions", [])),
        "plugins": [p for p in ours.get("plugins", []) if (next(iter(p)) if isinstance(p, dict) else p) == "search"],
        "validation": ours.get("validation", {}),
        "not_in_nav": ours.get("not_in_nav", ""),
        "nav": expand_nav(ours["nav"], plan),
    }
    write_yaml(root / "mkdocs.yml", config)


# --- Measuring a build -------------------------------------------------------------------------------


@dataclasses.dataclass
class Build:
    wall: float        # seconds, process start to exit (what `mkdocs build --strict` costs a user)
    built_in: float    # seconds MkDocs reports for the build itself (after imports and config)
    peak_mb: float     # the child's own peak resident memory
    pages: int         # index.html files in the output
    cpu: float         # user + system CPU seconds of the child: less disturbed than wall time by other load
    load: float        # 1-minute load average of the machine when the build started

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.wall / self.pages


def timed_build(config: Path, out: Path) -> Build:
    """``mkdocs build --strict`` in a fresh child; its own rusage via wait4 (not a high-water mark of all)."""
    if out.exists():
        shutil.rmtree(out)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)]
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, cwd=config.parent,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"Bygningen af {config} fejlede ({proc.returncode}):\n{text[-4000:]}")
    match = re.search(r"Documentation built in ([\d.]+) seconds", text)
    pages = sum(1 for _ in out.rglob("index.html"))
    return Build(wall, float(match.group(1)) if match else float("nan"), usage.ru_maxrss / 1024, pages,
                 usage.ru_utime + usage.ru_stime, load)


def gz_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6))


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


@dataclasses.dataclass
class SizeResult:
    strategies: int
    municipalities: int
    yaml_kb: float
    ours: list[Build]
    plain: list[Build]
    weights: dict[str, tuple[int, int]]

    def median(self, which: str, attr: str) -> float:
        runs = self.ours if which == "ours" else self.plain
        return statistics.median(getattr(run, attr) for run in runs)


def bench_size(strategies: int, repeat: int, work: Path, sentences: list[str]) -> SizeResult:
    log(f"\n== {strategies} strategier ==")
    t = time.perf_counter()
    site = make_site(work / f"ours-{strategies}", strategies, sentences)
    yaml_kb = sum(p.stat().st_size for p in (site.root / "data" / "strategier").glob("*.yml")) / 1024
    log(f"  data genereret og valideret med macros.loader.check_site ({time.perf_counter() - t:.1f} s, "
        f"{yaml_kb / strategies:.1f} kB YAML pr. strategi)")
    plain_root = work / f"plain-{strategies}"
    ours_runs: list[Build] = []
    plain_runs: list[Build] = []
    weights: dict[str, tuple[int, int]] = {}
    for r in range(repeat):
        out = work / f"site-ours-{strategies}"
        run = timed_build(site.config, out)
        ours_runs.append(run)
        log(f"  [{r + 1}/{repeat}] vores:  {run.wall:7.2f} s  ({run.pages} sider, {run.ms_per_page:6.1f} ms/side, "
            f"{run.peak_mb:5.0f} MB, CPU {run.cpu:6.1f} s, load {run.load:.1f})")
        if r == 0:
            make_plain_site(site, out, plain_root)
            theme_page = site.theme_url
            weights["ours_theme"] = gz_size(out / theme_page / "index.html")
            weights["ours_search"] = gz_size(out / "search" / "search_index.json")
            weights["ours_total"] = (dir_size(out), 0)
        shutil.rmtree(out)
        plain_out = work / f"site-plain-{strategies}"
        run = timed_build(plain_root / "mkdocs.yml", plain_out)
        plain_runs.append(run)
        log(f"  [{r + 1}/{repeat}] plain:  {run.wall:7.2f} s  ({run.pages} sider, {run.ms_per_page:6.1f} ms/side, "
            f"{run.peak_mb:5.0f} MB, CPU {run.cpu:6.1f} s, load {run.load:.1f})")
        if r == 0:
            weights["plain_theme"] = gz_size(plain_out / theme_page / "index.html")
            weights["plain_search"] = gz_size(plain_out / "search" / "search_index.json")
            weights["plain_total"] = (dir_size(plain_out), 0)
        shutil.rmtree(plain_out)
    if ours_runs[0].pages != plain_runs[0].pages:
        log(f"  ADVARSEL: {ours_runs[0].pages} sider hos os, {plain_runs[0].pages} i baseline")
    return SizeResult(strategies, municipality_count(strategies), yaml_kb, ours_runs, plain_runs, weights)


# --- Live preview ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _ServerLog:
    """Every line the server writes, with the time it arrived."""

    def __init__(self, stream: Any) -> None:
        self.lines: list[tuple[float, str]] = []
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: Any) -> None:
        for line in stream:
            with self._cond:
                self.lines.append((time.perf_counter(), line.rstrip()))
                self._cond.notify_all()

    def wait_for(self, needle: str, after: float, timeout: float) -> float:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for stamp, line in self.lines:
                    if stamp >= after and ("ERROR" in line or "Aborted" in line):
                        raise SystemExit("mkdocs serve fejlede:\n" + "\n".join(l for _, l in self.lines[-40:]))
                    if stamp >= after and needle in line:
                        return stamp
                left = deadline - time.monotonic()
                if left <= 0:
                    raise SystemExit(f"mkdocs serve skrev ikke '{needle}' inden for {timeout:.0f} s:\n"
                                     + "\n".join(l for _, l in self.lines[-40:]))
                self._cond.wait(left)


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


@dataclasses.dataclass
class ServeResult:
    strategies: int
    startup: float
    detect: list[float]
    rebuild: list[float]
    total: list[float]
    visible: list[float]
    failure: str = ""  # what the server said if a rebuild failed


def bench_serve(strategies: int, repeat: int, work: Path, sentences: list[str]) -> ServeResult:
    """Edit one sentence in one strategy while ``mkdocs serve --strict`` runs; time until it is rebuilt."""
    log(f"\n== mkdocs serve --strict, {strategies} strategier ==")
    site = make_site(work / f"serve-{strategies}", strategies, sentences)
    port = free_port()
    page_url = f"http://127.0.0.1:{port}/" + urllib.request.quote(site.theme_url)
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f", str(site.config),
               "-a", f"127.0.0.1:{port}"]
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
                            cwd=site.root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    server = _ServerLog(proc.stdout)
    result = ServeResult(strategies, 0.0, [], [], [], [])
    data_file = site.root / "data" / "strategier" / f"{site.first_strategy}.yml"
    original = data_file.read_text(encoding="utf-8")
    try:
        serving = server.wait_for("Serving on", start, 900)
        while _get(page_url) is None:
            time.sleep(0.05)
        result.startup = serving - start
        log(f"  klar efter {result.startup:.1f} s")
        assert site.first_goal in original
        for k in range(1, repeat + 1):
            marker = f"(ændring {k})"
            time.sleep(1.5)  # let the watcher settle between edits
            t0 = time.perf_counter()
            data_file.write_text(original.replace(site.first_goal, site.first_goal.rstrip(".") + f" {marker}.", 1),
                                 encoding="utf-8")
            while marker not in (_get(page_url) or ""):
                time.sleep(0.02)
            visible = time.perf_counter() - t0
            detected = server.wait_for("Detected file changes", t0, 300)
            building = server.wait_for("Building documentation", t0, 300)
            done = server.wait_for("Reloading browsers", t0, 900)
            result.detect.append(detected - t0)
            result.rebuild.append(done - building)
            result.total.append(done - t0)
            result.visible.append(visible)
            log(f"  [{k}/{repeat}] ændring opdaget {detected - t0:.2f} s, genopbygning {done - building:.2f} s, "
                f"færdig {done - t0:.2f} s efter gem (siden viste ændringen efter {visible:.2f} s)")
    except SystemExit as error:  # keep the build figures; report what the server said
        result.failure = str(error)
        log(f"  {error}")
    finally:
        data_file.write_text(original, encoding="utf-8")
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return result


# --- Profiling ---------------------------------------------------------------------------------------


def _where(filename: str) -> str:
    for prefix in ("site-packages/", str(ROOT) + "/"):
        if prefix in filename:
            return filename.split(prefix, 1)[1]
    return filename


def profile(strategies: int, work: Path, sentences: list[str], top: int) -> str:
    """One ``mkdocs build --strict`` of ``strategies`` strategies under cProfile; the top costs as text."""
    log(f"\n== cProfile: mkdocs build --strict, {strategies} strategier ==")
    site = make_site(work / f"profile-{strategies}", strategies, sentences)
    stats_file = work / f"profile-{strategies}.pstats"
    command = [sys.executable, "-m", "cProfile", "-o", str(stats_file), "-m", "mkdocs", "build", "--strict", "-q",
               "-f", str(site.config), "-d", str(work / f"site-profile-{strategies}")]
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=site.root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    wall = time.perf_counter() - start
    stats = pstats.Stats(str(stats_file))
    rows = [(_where(file), line, func, cc, nc, tt, ct) for (file, line, func), (cc, nc, tt, ct, _) in stats.stats.items()]
    total = stats.total_tt
    out = [f"cProfile, {strategies} strategier: {wall:.1f} s med profileren (den gør bygningen 2-3 gange "
           f"langsommere), {total:.1f} s profileret tid", ""]
    for title, key in (("Mest samlet tid (cumulative), egne moduler og MkDocs/Material/macros", 6),
                       ("Mest egen tid (tottime)", 5)):
        out += [title, f"{'cum s':>8} {'own s':>8} {'calls':>10}  function"]
        chosen = sorted(rows, key=lambda r: r[key], reverse=True)
        if key == 6:
            chosen = [r for r in chosen if r[0].startswith(("macros/", "mkdocs", "material", "jinja2", "markdown/",
                                                            "yaml/"))]
        for file, line, func, cc, nc, tt, ct in chosen[:top]:
            out.append(f"{ct:8.2f} {tt:8.2f} {nc:10d}  {file}:{line}:{func}")
        out.append("")
    return "\n".join(out)


# --- Reporting ---------------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = "ukendt"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f"{kb / 1024 / 1024:.0f} GB"
    except (OSError, AttributeError):
        pass

    def version(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "?"

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        commit = subprocess.run(["git", "log", "-1", "--format=%h %s"], cwd=ROOT, capture_output=True, text=True,
                                check=True).stdout.strip()
        dirty = [line[3:] for line in subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                                                     cwd=ROOT, capture_output=True, text=True).stdout.splitlines()
                 if not line[3:].startswith("bench/")]  # the benchmark itself does not change the build
        code = f"{commit}" + (f" (+ ikke-committede ændringer i {', '.join(dirty)})" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        code = "ukendt (ikke et git-arkiv)"
    return {
        "Kode": code,
        "CPU": f"{cpu}, {cores} kerner (os.cpu_count: {os.cpu_count()}), {memory} RAM",
        "System": platform.platform(),
        "Python": platform.python_version(),
        "Versioner": ", ".join(f"{n} {version(n)}" for n in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin",
                                                             "Markdown", "Jinja2", "PyYAML")),
    }


def _kb(n: int) -> str:
    return f"{n / 1024:,.1f}".replace(",", " ")


def report(sizes: list[SizeResult], serve: ServeResult | None, repeat_note: str, info: dict[str, str]) -> str:
    loads = [run.load for s in sizes for run in (*s.ours, *s.plain)]
    lines = [f"Kørt {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} med "
             f"`{' '.join(['python -m bench.benchmark', *sys.argv[1:]])}`.", ""]
    lines += [f"- **{k}:** {v}" for k, v in info.items()]
    lines += [f"- **Gentagelser:** {repeat_note}. Alle tal er medianer.",
              f"- **Maskinens load** (1 min) ved bygningernes start: {min(loads):.1f}–{max(loads):.1f}. "
              "Over ca. 1 deler bygningen CPU med andre processer; så er CPU-tiden det sikreste tal.", ""]
    lines += [
        "### Bygning: `mkdocs build --strict`",
        "",
        "*Vores* = dette site (plugin, makroer, skabeloner). *Plain* = Material uden plugin og makroer med de samme "
        "sider som almindelig Markdown (samme overskrifter, afsnit og punkter), samme indlejrede menu og samme "
        "tema-indstillinger. *Tid* = hele processen fra start til slut, som brugeren oplever den (inkl. ca. 1 s "
        "opstart). *CPU* = processens bruger- + systemtid. *Hukommelse* = processens eget maksimum (ru_maxrss).",
        "",
        "| strategier | kommuner | YAML pr. strategi | sider | tid vores | tid plain | vores/plain | ms/side vores "
        "| ms/side plain | CPU vores / plain | hukommelse vores / plain |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in sizes:
        ours, plain = s.median("ours", "wall"), s.median("plain", "wall")
        lines.append(
            f"| {s.strategies} | {s.municipalities} | {s.yaml_kb / s.strategies:.0f} kB | {s.ours[0].pages} | "
            f"{ours:.1f} s | {plain:.1f} s | {ours / plain:.2f} | {1000 * ours / s.ours[0].pages:.1f} | "
            f"{1000 * plain / s.plain[0].pages:.1f} | "
            f"{s.median('ours', 'cpu'):.1f} s / {s.median('plain', 'cpu'):.1f} s | "
            f"{s.median('ours', 'peak_mb'):.0f} MB / {s.median('plain', 'peak_mb'):.0f} MB |")
    lines.append("")
    if len(sizes) > 1:
        lines += [
            "### Vækst: tid pr. side på det største site i forhold til de mindre",
            "",
            "1,00 betyder, at en side koster det samme uanset sitets størrelse; 3,00, at hver side koster tre gange "
            "så meget. På de små sites fylder den faste opstart (ca. 1 s) meget, så 1000 ÷ 100 er det bedste mål "
            "for, om prisen pr. side vokser med sitet.",
            "",
            "| sammenligning | vores (tid) | plain (tid) | vores (CPU) | plain (CPU) |",
            "|---|---:|---:|---:|---:|",
        ]
        largest = sizes[-1]
        for smaller in sizes[:-1]:
            cells = []
            for attr in ("wall", "cpu"):
                for which in ("ours", "plain"):
                    def per(s: SizeResult) -> float:
                        return s.median(which, attr) / (s.ours if which == "ours" else s.plain)[0].pages
                    cells.append(f"{per(largest) / per(smaller):.2f}")
            lines.append(f"| ms/side ved {largest.strategies} ÷ ved {smaller.strategies} | " + " | ".join(cells) + " |")
        lines.append("")
    lines += [
        "### Sidevægt",
        "",
        "Første tema i første strategi og søgeindekset (`search/search_index.json`), rå → gzip (niveau 6); "
        "hele output-mappen rå. Plain viser Materials normale menu (med `navigation.prune`), som på store sites "
        "rummer alle kommuner og alle strategier i den aktuelle kommune; vores plugin viser kun stien til den "
        "aktuelle strategi.",
        "",
        "| strategier | temaside vores | temaside plain | søgeindeks vores | søgeindeks plain "
        "| hele sitet vores | hele sitet plain |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in sizes:
        w = s.weights
        lines.append(
            f"| {s.strategies} | {_kb(w['ours_theme'][0])} kB → {_kb(w['ours_theme'][1])} kB | "
            f"{_kb(w['plain_theme'][0])} kB → {_kb(w['plain_theme'][1])} kB | "
            f"{_kb(w['ours_search'][0])} kB → {_kb(w['ours_search'][1])} kB | "
            f"{_kb(w['plain_search'][0])} kB → {_kb(w['plain_search'][1])} kB | "
            f"{w['ours_total'][0] / 1024 / 1024:.0f} MB | {w['plain_total'][0] / 1024 / 1024:.0f} MB |")
    lines.append("")
    if serve and serve.failure and not serve.total:
        tail = "\n".join(serve.failure.splitlines()[-12:])
        lines += [f"### Live preview: `mkdocs serve --strict`, {serve.strategies} strategier", "",
                  "Målingen fejlede; serveren skrev:", "", "```text", tail, "```", ""]
    elif serve:
        if serve.failure:
            lines += [f"*Live preview: målingen stoppede efter {len(serve.total)} ændringer: "
                      f"{serve.failure.splitlines()[0]}*", ""]
        lines += [
            f"### Live preview: `mkdocs serve --strict`, {serve.strategies} strategier",
            "",
            f"Én sætning (første temas mål) ændres i én strategis YAML-fil, {len(serve.total)} gange. "
            "*Opdaget* = fra filen er gemt, til serveren skriver \"Detected file changes\" (MkDocs' filovervågning "
            "kigger hvert 0,5 s og venter 0,1 s på flere ændringer). *Genopbygning* = \"Building documentation\" til "
            "\"Reloading browsers\" (hele sitet bygges igen). *I alt* = fra gem til \"Reloading browsers\". "
            "*Synlig* = fra gem, til den serverede side viser den nye sætning.",
            "",
            "| første bygning (start til klar) | opdaget | genopbygning | i alt | synlig |",
            "|---:|---:|---:|---:|---:|",
            f"| {serve.startup:.1f} s | {statistics.median(serve.detect):.2f} s | "
            f"{statistics.median(serve.rebuild):.2f} s | {statistics.median(serve.total):.2f} s | "
            f"{statistics.median(serve.visible):.2f} s |",
            "",
        ]
    return "\n".join(lines)


def write_results(text: str, path: Path) -> None:
    block = f"{START_MARK}\n\n{text}\n{END_MARK}"
    if path.exists():
        current = path.read_text(encoding="utf-8")
        if START_MARK in current and END_MARK in current:
            before, rest = current.split(START_MARK, 1)
            after = rest.split(END_MARK, 1)[1]
            path.write_text(before + block + after, encoding="utf-8")
            return
    path.write_text("# Benchmark: bygning af sitet\n\nKommando: `NO_MKDOCS_2_WARNING=1 .venv/bin/python -m bench.benchmark`"
                    "\n\n" + block + "\n", encoding="utf-8")


# --- Command line ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.benchmark", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="antal strategier, kommasepareret (standard 10,100,1000)")
    parser.add_argument("--repeat", type=int, default=3, help="gentagelser pr. størrelse (standard 3)")
    parser.add_argument("--repeat-large", type=int, default=3,
                        help="gentagelser for størrelser på 1000 eller flere (standard 3)")
    parser.add_argument("--serve-size", type=int, default=100, help="strategier i live preview-målingen (standard 100)")
    parser.add_argument("--serve-repeat", type=int, default=5, help="antal ændringer under mkdocs serve (standard 5)")
    parser.add_argument("--no-serve", action="store_true", help="spring live preview-målingen over")
    parser.add_argument("--quick", action="store_true",
                        help="hurtig kørsel: 10 og 100 strategier, 1 gentagelse, 2 ændringer; skriver ikke RESULTATER.md")
    parser.add_argument("--profile", type=int, metavar="N", help="profilér én bygning med N strategier og stop")
    parser.add_argument("--top", type=int, default=25, help="linjer i profilen (standard 25)")
    parser.add_argument("--output", type=Path, help=f"resultatfil (standard {RESULTS.relative_to(ROOT)})")
    parser.add_argument("--no-write", action="store_true", help="skriv ikke resultatfilen")
    parser.add_argument("--keep", action="store_true", help="behold de genererede sites (mappen skrives ud)")
    args = parser.parse_args(argv)

    if args.quick:
        args.sizes, args.repeat, args.repeat_large, args.serve_repeat = "10,100", 1, 1, 2
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    write = not args.no_write and (not args.quick or args.output is not None)
    output = args.output or RESULTS

    work = Path(tempfile.mkdtemp(prefix="socialstrategier-bench-"))
    try:
        sentences = danish_sentences()
        if args.profile:
            print(profile(args.profile, work, sentences, args.top))
            return 0
        info = machine()
        for key, value in info.items():
            log(f"{key}: {value}")
        log(f"{len(sentences)} danske sætninger fra {SEEDS}; arbejdsmappe {work}")
        # One unmeasured build first, so that compiled bytecode and the file cache are warm for every size.
        warm = make_site(work / "warmup", 3, sentences)
        timed_build(warm.config, work / "site-warmup")
        results = []
        for size in sizes:
            repeat = args.repeat_large if size >= 1000 else args.repeat
            results.append(bench_size(size, max(1, repeat), work, sentences))
        serve = None if args.no_serve else bench_serve(args.serve_size, max(1, args.serve_repeat), work, sentences)
        repeat_note = f"{args.repeat} bygninger af hvert site pr. størrelse"
        if any(s >= 1000 for s in sizes) and args.repeat_large != args.repeat:
            repeat_note += f" ({args.repeat_large} ved 1000 strategier og derover)"
        if serve:
            repeat_note += f"; {len(serve.total)} ændringer under `mkdocs serve`"
            if serve.failure:
                log("ADVARSEL: live preview-målingen fejlede (se resultatet)")
        text = report(results, serve, repeat_note, info)
        print()
        print(text)
        if write:
            write_results(text, output)
            log(f"\nSkrevet til {output}")
        return 0
    finally:
        if args.keep:
            log(f"Sites beholdt i {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
