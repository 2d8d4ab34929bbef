"""What is wrong with an input, said once: the file, the line where there is one, and the cause."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ArticleError(Exception):
    """A seed that cannot be used; the message names the file and line."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ArticleWarning:
    """Something a reader should know about a seed that still builds."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
