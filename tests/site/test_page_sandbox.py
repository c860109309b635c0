"""Hand-written pages in docs/ reach only the site's macros: a template cannot run Python or read the build."""

from __future__ import annotations

import pytest

from conftest import build_site, copy_fixture

ATTEMPTS = {
    "globals of a macro": "{{ glossary.__globals__ }}",
    "a cycler's globals": "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}",
    "the build config": "{{ config.plugins }}",
    "the macros plugin": "{{ plugin.render('x') }}",
    "a string's class": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "a string method": "{{ 'x'.format(1) }}",
}


@pytest.mark.parametrize("attempt", ATTEMPTS.values(), ids=ATTEMPTS.keys())
def test_a_page_cannot_reach_python(tmp_path, attempt):
    site = copy_fixture("one-municipality", tmp_path)
    page = site / "docs/ordliste.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\nMere tekst.\n\n{attempt}\n", encoding="utf-8")
    result = build_site(site / "mkdocs.yml", tmp_path / "out")
    assert result.returncode != 0
    assert "Fejl i docs/ordliste.md, linje 15" in result.output, result.output
    assert "Traceback" not in result.output
    assert not (site / "PWNED").exists() and not (tmp_path / "PWNED").exists()


def test_a_misspelt_macro_names_the_page_line_and_the_macros(tmp_path):
    site = copy_fixture("one-municipality", tmp_path)
    page = site / "docs/vaer-med.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("participation_directory()", "participation_directry()"),
        encoding="utf-8",
    )
    result = build_site(site / "mkdocs.yml", tmp_path / "out")
    assert result.returncode != 0
    lines = [line for line in result.output.splitlines() if "Fejl i docs/vaer-med.md" in line]
    assert len(lines) == 1, result.output
    assert "participation_directry" in lines[0] and "{{ participation_directory() }}" in lines[0]
    assert "Traceback" not in result.output


def test_the_site_macros_still_work(one_municipality_site):
    assert "ks-glossary" in one_municipality_site.html("ordliste/")
