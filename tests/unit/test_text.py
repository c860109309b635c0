from macros.text import anchor_slug, inline, prose


def test_raw_html_in_data_is_shown_as_text():
    html = prose("Hej <script>alert(1)</script> <b>fed</b>")
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html


def test_template_syntax_in_data_is_kept_literally():
    assert "{{ x }}" in prose("Tekst med {{ x }} og {% if %}")


def test_unsafe_link_targets_are_dropped():
    html = prose("[klik](javascript:alert(1)) [ok](https://example.org/)")
    assert "javascript:" not in html and 'href="https://example.org/"' in html


def test_inline_has_no_paragraph():
    assert inline("*vigtigt*") == "<em>vigtigt</em>"


def test_anchor_keeps_danish_letters():
    assert anchor_slug("Hvad kan du gøre?") == "hvad-kan-du-gøre"
    assert anchor_slug("Fælles om sundhedsfremme & mental sundhed") == "fælles-om-sundhedsfremme-mental-sundhed"
    assert anchor_slug("Økonomisk bæredygtighed") == "økonomisk-bæredygtighed"


def test_foreign_language_passage_gets_a_lang_attribute():
    html = prose("Efter [Housing First]{sprog=en}-princippet.")
    assert '<span lang="en">Housing First</span>-princippet' in html


def test_language_code_must_be_a_code():
    assert "lang=" not in prose('[x]{sprog=en" onmouseover="alert(1)}')
