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
