from pathlib import Path

import pytest

from macros.yamlsource import parse


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_duplicate_keys_are_reported_with_both_lines(tmp_path):
    node, problems = parse(write(tmp_path, "titel: A\ntekst: B\ntitel: C\n"), "data/x.yml")
    assert [(p.line, p.message) for p in problems] == [
        (3, "Feltet 'titel' står to gange (første gang i linje 1). Slet det ene.")
    ]


def test_tab_indentation_names_every_line(tmp_path):
    _, problems = parse(write(tmp_path, "temaer:\n\t- id: a\n\t- id: b\n"), "data/x.yml")
    assert [p.line for p in problems] == [2, 3]
    assert all("tabulator" in p.message for p in problems)


def test_colon_in_plain_text_gets_a_quoting_hint(tmp_path):
    _, problems = parse(write(tmp_path, "titel: Mål: mere trivsel\n"), "data/x.yml")
    assert problems[0].line == 1
    assert "anførselstegn" in problems[0].message


def test_unclosed_quote(tmp_path):
    _, problems = parse(write(tmp_path, 'titel: "Mål\ntekst: x\n'), "data/x.yml")
    assert len(problems) == 1 and "anførselstegn" in problems[0].message


def test_empty_file(tmp_path):
    _, problems = parse(write(tmp_path, "# kun en kommentar\n"), "data/x.yml")
    assert problems[0].message == "Filen er tom."


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("titel: Mål: mere trivsel\n", "Der står et kolon (:) et sted, hvor det ikke må stå."),
        ("titel: @kommunen\n", "En tekst må ikke starte med '@' eller '`'."),
        ("titel: `kode`\n", "En tekst må ikke starte med '@' eller '`'."),
        ('titel: "Mål\ntekst: x\n', "Et anførselstegn er ikke lukket."),
        ("titel: *stjerne\n", "Teksten indeholder '*' først på linjen"),
        ("punkter:\n  - a\n - b\n", "Indrykningen passer ikke"),
    ],
)
def test_each_syntax_error_gets_its_own_danish_hint(tmp_path, text, hint):
    _, problems = parse(write(tmp_path, text), "data/x.yml")
    assert len(problems) == 1 and problems[0].message.startswith(hint), problems


def test_byte_order_mark_is_read_as_nothing(tmp_path):
    path = tmp_path / "x.yml"
    path.write_bytes(b"\xef\xbb\xbftitel: A\n")
    node, problems = parse(path, "data/x.yml")
    assert problems == [] and node.value[0][0].value == "titel"


def test_nul_byte_is_reported_at_its_line(tmp_path):
    _, problems = parse(write(tmp_path, "titel: A\n\ntekst: B\x00C\n"), "data/x.yml")
    assert [(p.line, p.code) for p in problems] == [(3, "encoding")]
    assert "U+0000" in problems[0].message


def test_anchor_is_refused_with_a_hint_about_quoting(tmp_path):
    _, problems = parse(write(tmp_path, "titel: A\ntekst: &vigtigt Tekst\n"), "data/x.yml")
    assert [(p.line, p.code) for p in problems] == [(2, "alias")]
    assert "anførselstegn" in problems[0].message


def test_nesting_up_to_the_limit_is_fine(tmp_path):
    _, problems = parse(write(tmp_path, "x: " + "[" * 29 + "]" * 29 + "\n"), "data/x.yml")
    assert problems == []


def test_value_starting_with_braces_gets_a_quoting_hint(tmp_path):
    _, problems = parse(write(tmp_path, "id: a\ntitel: {{ navn }} i kommunen\n"), "data/x.yml")
    assert [(p.line, p.code) for p in problems] == [(2, "yaml-syntax")]
    assert "Sæt teksten i anførselstegn" in problems[0].message
