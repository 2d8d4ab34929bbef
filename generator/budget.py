"""A time budget per article: past it, the article is skipped and the others still build.

In the main thread a timer interrupts the work wherever it is (between two Python steps; a
single spaCy call finishes first). Elsewhere (MkDocs' live-reload server builds in a thread)
the deadline is checked between paragraphs while parsing.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class OverBudget(Exception):
    """The article took longer than its time budget."""


@contextmanager
def time_budget(seconds: float) -> Iterator[float | None]:
    """Run the block under a budget; yields the deadline (time.monotonic) or None for no limit."""
    if not seconds:
        yield None
        return
    deadline = time.monotonic() + seconds
    timer = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if not timer:
        yield deadline
        return

    def stop(signum, frame):
        raise OverBudget()

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield deadline
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise OverBudget()
