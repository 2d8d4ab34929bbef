"""What is wrong with an input, said once: the file, the line where there is one, and the cause."""

from __future__ import annotations

from dataclasses import dataclass


def where(path: str, line: int | None) -> str:
    """'file:line', or the file alone when there is no line."""
    return f"{path}:{line}" if line else path


@dataclass
class ArticleError(Exception):
    """A seed that cannot be used; the message names the file and line."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{where(self.path, self.line)}: {self.message}"


@dataclass(frozen=True)
class ArticleWarning:
    """Something a reader should know about a seed that still builds."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{where(self.path, self.line)}: {self.message}"
