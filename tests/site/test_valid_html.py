"""The Nu HTML checker (vnu.jar from the vnu-jar npm package, run with the machine's Java) on every page."""

from __future__ import annotations

from conftest import nu_html_errors, record_check


def test_every_page_is_valid_html(real_site):
    errors = nu_html_errors(real_site)
    record_check("Nu HTML checker: zero errors", len(real_site.pages()))
    assert errors == []
