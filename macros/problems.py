"""Problems found in data/, reported to editors in plain Danish."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a data file: where it is, what is wrong, and what to do."""

    file: str
    line: int
    message: str

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
