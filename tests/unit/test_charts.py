"""Charts (macros/charts.py): geometry follows the data, and the text alternative says every number."""

from __future__ import annotations

import datetime as dt

from macros import charts, progress
from macros.model import Indicator, InitiativeStatus, Measurement


def _indicator(*values: tuple[str, float], baseline: float | None = 10, target: float | None = 50) -> Indicator:
    return Indicator(
        id="i",
        name="Borgere i forløb",
        unit="personer",
        baseline=baseline,
        target=target,
        measurements=[Measurement(date=dt.date.fromisoformat(d), value=v) for d, v in values],
    )


def test_text_alternative_names_baseline_target_and_every_measurement_in_danish():
    text = charts.describe_indicator(_indicator(("2025-09-30", 41.5), ("2025-06-30", 25)))
    assert text == (
        "Borgere i forløb (personer). Udgangspunkt: 10. Mål: 50. Målinger: 25 den 30. juni 2025, "
        "41,5 den 30. september 2025."
    )


def test_points_are_in_date_order_and_higher_values_sit_higher():
    chart = charts.indicator_chart(_indicator(("2025-12-31", 40), ("2025-06-30", 20), ("2025-09-30", 30)))
    assert chart is not None
    xs = [p.x for p in chart.points]
    ys = [p.y for p in chart.points]
    assert xs == sorted(xs) and xs[0] == chart.left and xs[-1] == chart.right
    assert ys[0] > ys[1] > ys[2]  # SVG y grows downwards
    assert chart.target_y is not None and chart.target_y == chart.top  # the target (50) is the highest value
    assert chart.baseline_y is not None and ys[0] < chart.baseline_y  # 20 is above the baseline 10
    assert chart.path.startswith(f"M{xs[0]} {ys[0]}") and chart.path.count("L") == 2
    assert [p.label for p in chart.points][0] == "20 den 30. juni 2025"


def test_no_measurements_no_chart_and_the_text_says_so():
    indicator = _indicator()
    assert charts.indicator_chart(indicator) is None
    assert charts.describe_indicator(indicator).endswith("Der er endnu ingen målinger.")


def test_one_measurement_and_no_baseline_or_target():
    chart = charts.indicator_chart(_indicator(("2025-01-01", 7), baseline=None, target=None))
    assert chart is not None and chart.baseline_y is None and chart.target_y is None
    assert len(chart.points) == 1 and len(chart.x_ticks) == 1


def _row(label: str, counts: dict[str, int], without: int = 0) -> progress.ThemeStatus:
    names = (("i-gang", "I gang"), ("stoppet", "Stoppet"))
    statuses = [InitiativeStatus(id=i, name=n, description="d") for i, n in names]
    return progress.ThemeStatus(label, [progress.StatusCount(s, counts.get(s.id, 0)) for s in statuses], without)


def test_status_bars_are_sized_by_share_and_described_in_words():
    chart = charts.status_chart([_row("Bolig", {"i-gang": 3, "stoppet": 1}), _row("Job", {}, without=2)])
    assert chart is not None
    bolig, job = chart.bars
    assert [s.count for s in bolig.segments] == [3, 1]
    assert abs(bolig.segments[0].width - 3 * bolig.segments[1].width) < 0.5
    assert [s.name for s in job.segments] == [charts.WITHOUT_STATUS]
    assert [item.name for item in chart.legend] == ["I gang", "Stoppet", charts.WITHOUT_STATUS]
    assert chart.description == (
        "Indsatser pr. status og tema. Bolig: 3 i gang, 1 stoppet. Job: 2 uden offentliggjort status."
    )
    assert len({s.fill for s in bolig.segments}) == 2


def test_no_initiatives_no_status_chart():
    assert charts.status_chart([]) is None
    assert charts.status_chart([_row("Tom", {})]) is None


def test_danish_numbers():
    assert [progress.danish_number(v) for v in (42.0, 12.5, 0.25, -3.0)] == ["42", "12,5", "0,25", "-3"]
