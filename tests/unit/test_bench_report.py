"""The benchmark report says each reader figure with its budget, and says plainly what it could not measure."""

from __future__ import annotations

from bench.reader import ReaderFigures
from bench.report import _reader
from bench.timing import SizeResult


def size(strategies: int, reader: ReaderFigures) -> SizeResult:
    return SizeResult(strategies, 1, 1.0, [], [], {}, reader)


def test_reader_figures_are_reported_against_their_budgets():
    rows = _reader(
        [
            size(10, ReaderFigures(first_visit_bytes=50_000, search_bytes=150_000, search_files=9, search_seconds=0.4)),
            size(
                1000, ReaderFigures(first_visit_bytes=70_000, search_bytes=250_000, search_files=20, search_seconds=1.5)
            ),
        ]
    )
    small = next(r for r in rows if r.startswith("| 10 |"))
    large = next(r for r in rows if r.startswith("| 1000 |"))
    assert small.count("inden for") == 2 and "–" in small  # the time budget is for 1,000 strategies
    assert large.count("**over**") == 3


def test_a_figure_that_could_not_be_measured_says_why():
    rows = _reader([size(100, ReaderFigures(failure="/usr/bin/chromium findes ikke"))])
    assert any(r.startswith("| 100 | ikke målt: /usr/bin/chromium findes ikke") for r in rows)


def test_preview_rows_say_which_preview_and_judge_one_strategy_at_1000_against_one_second():
    from bench.preview import ServeResult
    from bench.report import _preview

    rows = _preview(
        [
            ServeResult(100, 6.5, [0.4], [6.8], [7.2], [7.3]),
            ServeResult(1000, 0.9, [0.1], [0.5], [0.6], [0.6], focus="x-0000"),
            ServeResult(1000, 0.9, [], [], [], [], failure="Traceback\nPluginError: noget gik galt", focus="x-0000"),
        ]
    )
    whole = next(r for r in rows if r.startswith("| hele sitet | 100 |"))
    assert whole.endswith("| 7.30 s | – |")
    one, failed = [r for r in rows if r.startswith("| én strategi (`STRATEGI=x-0000`) | 1000 |")]
    assert one.endswith("| 0.60 s | inden for |") and "ikke målt: PluginError: noget gik galt" in failed
