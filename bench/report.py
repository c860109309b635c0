"""The benchmark's report: Markdown tables in Danish, and RESULTATER.md rewritten between its two markers.

Only the text between ``START_MARK`` and ``END_MARK`` is replaced, so the hand-written analysis around the
tables survives every run. The markers must stay exactly as they are: they are how an existing
RESULTATER.md is found again.
"""

from __future__ import annotations

import datetime as dt
import statistics
from pathlib import Path

from bench.preview import ServeResult
from bench.reader import FIRST_RESULTS_BUDGET, FIRST_SEARCH_BUDGET, FIRST_VISIT_BUDGET
from bench.timing import SizeResult

RESULTS = Path(__file__).resolve().parent / "RESULTATER.md"
START_MARK = "<!-- benchmark:start (skrevet af bench/benchmark.py; tekst uden for markørerne bevares) -->"
END_MARK = "<!-- benchmark:end -->"


def _kb(n: int) -> str:
    return f"{n / 1024:,.1f}".replace(",", " ")


def _header(sizes: list[SizeResult], repeat_note: str, info: dict[str, str], command: str) -> list[str]:
    loads = [run.load for s in sizes for run in (*s.ours, *s.plain)]
    lines = [f"Kørt {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} med `{command}`.", ""]
    lines += [f"- **{k}:** {v}" for k, v in info.items()]
    lines += [
        f"- **Gentagelser:** {repeat_note}. Alle tal er medianer.",
        f"- **Maskinens load** (1 min) ved bygningernes start: {min(loads):.1f}–{max(loads):.1f}. "
        "Over ca. 1 deler bygningen CPU med andre processer; så er CPU-tiden det sikreste tal.",
        "",
    ]
    return lines


def _builds(sizes: list[SizeResult]) -> list[str]:
    lines = [
        "### Bygning: `mkdocs build --strict`",
        "",
        "*Vores* = dette site (plugin, makroer, skabeloner, Pagefind-søgning). *Plain* = Material uden plugin og "
        "makroer med de samme sider som almindelig Markdown (samme overskrifter, afsnit og punkter), samme indlejrede "
        "menu og samme tema-indstillinger, og Materials egen søgning (lunr). Issue 15's budget: vores/plain ≤ 1,10 "
        "ved 10 strategier. *Plain + Pagefind* = plain og derefter Pagefinds kommandolinje over dens sider, som et "
        "Material-site med Pagefind-søgning ville bygge; det sammenligner søgning med søgning. *Tid* = hele "
        "processen fra start til slut, som brugeren oplever den (inkl. ca. 1 s opstart). *CPU* = processens "
        "bruger- + systemtid, Pagefind medregnet. *Hukommelse* = processens eget maksimum (ru_maxrss).",
        "",
        "| strategier | kommuner | YAML pr. strategi | sider | tid vores | tid plain | vores/plain | plain + Pagefind "
        "| vores/(plain + Pagefind) | ms/side vores | ms/side plain | CPU vores / plain | hukommelse vores / plain |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in sizes:
        ours, plain = s.median("ours", "wall"), s.median("plain", "wall")
        searched = (
            statistics.median(r.wall + t for r, t in zip(s.plain, s.plain_search, strict=True)) if s.plain_search else 0
        )
        with_search = f"{searched:.1f} s | {ours / searched:.2f}" if searched else "– | –"
        lines.append(
            f"| {s.strategies} | {s.municipalities} | {s.yaml_kb / s.strategies:.0f} kB | {s.ours[0].pages} | "
            f"{ours:.1f} s | {plain:.1f} s | {ours / plain:.2f} | {with_search} | {1000 * ours / s.ours[0].pages:.1f} | "
            f"{1000 * plain / s.plain[0].pages:.1f} | "
            f"{s.median('ours', 'cpu'):.1f} s / {s.median('plain', 'cpu'):.1f} s | "
            f"{s.median('ours', 'peak_mb'):.0f} MB / {s.median('plain', 'peak_mb'):.0f} MB |"
        )
    lines.append("")
    return lines


def _per_page(s: SizeResult, which: str, attr: str) -> float:
    return s.median(which, attr) / (s.ours if which == "ours" else s.plain)[0].pages


def _growth(sizes: list[SizeResult]) -> list[str]:
    if len(sizes) <= 1:
        return []
    lines = [
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
        cells = [
            f"{_per_page(largest, which, attr) / _per_page(smaller, which, attr):.2f}"
            for attr in ("wall", "cpu")
            for which in ("ours", "plain")
        ]
        lines.append(f"| ms/side ved {largest.strategies} ÷ ved {smaller.strategies} | " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def _weights(sizes: list[SizeResult]) -> list[str]:
    lines = [
        "### Sidevægt",
        "",
        "Første tema i første strategi og Materials søgeindeks (`search/search_index.json`; 0, hvor sitet søger med Pagefind), rå → gzip (niveau 6); "
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
            f"{w['ours_total'][0] / 1024 / 1024:.0f} MB | {w['plain_total'][0] / 1024 / 1024:.0f} MB |"
        )
    lines.append("")
    return lines


def _verdict(ok: bool) -> str:
    return "inden for" if ok else "**over**"


def _reader(sizes: list[SizeResult]) -> list[str]:
    """First visit to the front page and first search, as the reader's browser fetches them (bench/reader.py)."""
    lines = [
        "### Første besøg og første søgning (læserens browser)",
        "",
        "Headless Chromium på vores bygning af hvert site: forsiden indlæst (alt, hvad browseren henter), derefter "
        f"»/« og søgningen »{sizes[0].reader.query if sizes else ''}«. Bytes er gzip af hver hentet fil. Tiden går "
        "fra første tastetryk til første resultat på skærmen, inkl. søgefeltets pause på 150 ms. "
        f"Budgetter (issue 15): første besøg ≤ {_kb(FIRST_VISIT_BUDGET)} kB, første søgning ≤ "
        f"{_kb(FIRST_SEARCH_BUDGET)} kB ved alle størrelser, resultater ≤ {FIRST_RESULTS_BUDGET:.0f} s ved 1000 "
        "strategier.",
        "",
        "| strategier | første besøg | | første søgning | | filer | tid til resultater | |",
        "|---:|---:|---|---:|---|---:|---:|---|",
    ]
    for s in sizes:
        r = s.reader
        if r.failure:
            lines.append(f"| {s.strategies} | ikke målt: {r.failure} | | | | | | |")
            continue
        timed = _verdict(r.search_seconds <= FIRST_RESULTS_BUDGET) if s.strategies >= 1000 else "–"
        lines.append(
            f"| {s.strategies} | {_kb(r.first_visit_bytes)} kB | {_verdict(r.first_visit_bytes <= FIRST_VISIT_BUDGET)} | "
            f"{_kb(r.search_bytes)} kB | {_verdict(r.search_bytes <= FIRST_SEARCH_BUDGET)} | {r.search_files} | "
            f"{r.search_seconds:.2f} s | {timed} |"
        )
    lines.append("")
    return lines


PREVIEW_BUDGET = 1.0  # seconds from saving a strategy's file to the changed page, at 1,000 strategies (issue 15)


def _preview(serves: list[ServeResult]) -> list[str]:
    """Live preview, whole site and one strategy (make serve STRATEGI=<id>), one row per run."""
    if not serves:
        return []
    lines = [
        "### Live preview: `mkdocs serve --strict`",
        "",
        "Én sætning (første temas mål) ændres i én strategis YAML-fil, flere gange pr. kørsel. *Hele sitet* = "
        "`make serve`; *én strategi* = `make serve STRATEGI=<id>`, som kun læser og bygger den strategi med de "
        'fælles sider (`macros/engine/focus.py`). *Opdaget* = fra filen er gemt, til serveren skriver "Detected '
        'file changes" (MkDocs\' filovervågning kigger hvert 0,5 s). *Genopbygning* = "Building documentation" '
        'til "Reloading browsers". *Synlig* = fra gem, til den serverede side viser den nye sætning. Budget '
        f"(issue 15): synlig ≤ {PREVIEW_BUDGET:.0f} s ved 1000 strategier.",
        "",
        "| preview | strategier | første bygning | opdaget | genopbygning | synlig | |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for serve in serves:
        kind = f"én strategi (`STRATEGI={serve.focus}`)" if serve.focus else "hele sitet"
        if not serve.total:
            reason = (serve.failure.splitlines() or ["ingen ændring målt"])[-1]
            lines.append(f"| {kind} | {serve.strategies} | ikke målt: {reason} | | | | |")
            continue
        visible = statistics.median(serve.visible)
        verdict = _verdict(visible <= PREVIEW_BUDGET) if serve.strategies >= 1000 else "–"
        lines.append(
            f"| {kind} | {serve.strategies} | {serve.startup:.1f} s | {statistics.median(serve.detect):.2f} s | "
            f"{statistics.median(serve.rebuild):.2f} s | {visible:.2f} s | {verdict} |"
        )
    lines.append("")
    return lines


def report(
    sizes: list[SizeResult], serves: list[ServeResult], repeat_note: str, info: dict[str, str], command: str
) -> str:
    """The whole block between the markers, as Markdown; ``command`` is how the run was started."""
    return "\n".join(
        _header(sizes, repeat_note, info, command)
        + _builds(sizes)
        + _growth(sizes)
        + _weights(sizes)
        + _reader(sizes)
        + _preview(serves)
    )


def write_results(text: str, path: Path) -> None:
    """Replace the block between the markers (or write a new file with a heading and the block)."""
    block = f"{START_MARK}\n\n{text}\n{END_MARK}"
    if path.exists():
        current = path.read_text(encoding="utf-8")
        if START_MARK in current and END_MARK in current:
            before, rest = current.split(START_MARK, 1)
            after = rest.split(END_MARK, 1)[1]
            path.write_text(before + block + after, encoding="utf-8")
            return
    path.write_text(
        "# Benchmark: bygning af sitet\n\nKommando: `NO_MKDOCS_2_WARNING=1 .venv/bin/python -m bench`"
        "\n\n" + block + "\n",
        encoding="utf-8",
    )
