"""Progress while articles are extracted: a bar in a terminal, a line per article otherwise.

Only articles that are not in the cache are counted, so a rebuild with nothing new is quiet.
"""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    def __init__(self, stream: TextIO | None = None, width: int = 24):
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.width = width
        self.announced = False

    def __call__(self, done: int, total: int, name: str, seconds: float | None) -> None:
        if not self.announced:
            self.announced = True
            self._line(f"briefing: extracting {total} article(s) (the first loads the spaCy model)")
        if self.tty:
            filled = self.width * done // max(total, 1)
            bar = "#" * filled + "-" * (self.width - filled)
            tail = f"{name} ({seconds:.1f} s)" if seconds is not None else f"{name} …"
            self.stream.write(f"\r\033[K[{bar}] {done}/{total} {tail}")
            if done == total and seconds is not None:
                self.stream.write("\n")
            self.stream.flush()
        elif seconds is not None:
            self._line(f"briefing: [{done}/{total}] {name}: {seconds:.1f} s")

    def _line(self, text: str) -> None:
        self.stream.write(text + "\n")
        self.stream.flush()
