"""Problems found in data/, reported to editors in plain Danish."""

from __future__ import annotations

from dataclasses import dataclass, field

# Stable codes for each kind of problem, so tests, pipelines and editors' tools can tell them apart
# without reading the Danish wording (which may be improved at any time).
CODES: dict[str, str] = {
    "yaml-syntax": "Filen kan ikke læses som YAML.",
    "tab": "Indrykning med tabulator.",
    "duplicate-key": "Et felt står to gange.",
    "unknown-field": "Et ukendt felt.",
    "wrong-type": "En værdi af forkert slags (tekst, liste, gruppe af felter).",
    "invalid-key": "Et feltnavn, der ikke er en tekst.",
    "missing-field": "Et påkrævet felt mangler.",
    "missing-file": "En påkrævet fil mangler.",
    "empty": "En tom værdi eller fil.",
    "invalid-choice": "En værdi, der ikke er en af de mulige.",
    "invalid-date": "En ugyldig dato.",
    "invalid-id": "Et id med ugyldige tegn.",
    "invalid-url": "En ugyldig webadresse.",
    "invalid-email": "En ugyldig e-mailadresse.",
    "duplicate-id": "Et id, der bruges to gange.",
    "unknown-reference": "En henvisning til et id, der ikke findes.",
    "reserved-id": "Et id, som sitet selv bruger.",
    "file-name": "Filnavnet passer ikke til id'et.",
    "missing-decision": "Status 'vedtaget' uden beslutning.",
    "missing-goal": "Et tema uden mål, når de andre har et.",
    "alias": "YAML-henvisninger (& og *).",
    "too-deep": "For dybt indlejret.",
    "too-large": "For stor fil.",
    "encoding": "Forkert tegnsæt eller styretegn i filen.",
    "ignored-file": "En fil, der ikke bliver læst.",
    "placeholder": "En pladsholder fra skabelonen.",
    "multiline-title": "En overskrift eller et navn over flere linjer.",
    "no-strategies": "Ingen strategier.",
    "unknown-preview-strategy": "Forhåndsvisning af en strategi, der ikke findes (make serve STRATEGI=…).",
    "too-long": "En tekst med flere ord, end feltet tillader.",
    # issue 13: follow-up
    "invalid-number": "En værdi, der ikke er et tal (eller en procent uden for 0–100).",
    "unknown-status": "En indsats med en status, der ikke står under 'indsatsstatusser'.",
    "milestone-outside-period": "En milepæl uden for indsatsens periode.",
    "invalid-period": "En indsats, der slutter, før den starter.",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a data file: where it is, what is wrong, and what to do.

    ``code`` names the kind of problem (a key of ``CODES``); it is left out of comparisons so the same
    message at the same place is still reported once.
    """

    file: str
    line: int
    message: str
    code: str = field(default="data", compare=False)

    def __str__(self) -> str:
        return f"{self.file}, linje {self.line}: {self.message}"


class DataError(Exception):
    """Raised when data/ holds one or more problems; carries all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = "Der er 1 fejl i data/:" if count == 1 else f"Der er {count} fejl i data/:"
        lines = [head, *(f"- {p}" for p in self.problems)]
        lines.append("Ret fejlene og gem filen. Sitet bygges ikke, før alle fejl er rettet.")
        return "\n".join(lines)
