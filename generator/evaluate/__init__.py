"""Scorers: extraction against gold annotations, behind `briefing evaluate <what>` (each module also
runs as `python -m generator.evaluate.<name>`).

The development data (PolNeAR, TimeBank+AQUAINT, the news-cluster crawl) is not part of the
project: it is read from the folder given by ``--eval``, else from the environment variable
``BRIEFING_EVAL``, else from ``../shared/eval`` beside the project.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVAL_ENV = "BRIEFING_EVAL"
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
POLNEAR = "polnear-dev.jsonl"
TIMEBANK = "timebank-aquaint-dev.jsonl"
NEWSCLUSTER = "newscluster-dev.jsonl"


def eval_dir(given: Path | str | None = None) -> Path:
    """The folder of the development data: `given`, else $BRIEFING_EVAL, else ../shared/eval."""
    if given:
        return Path(given)
    env = os.environ.get(EVAL_ENV)
    return Path(env) if env else DEFAULT_EVAL


def add_eval_option(ap: argparse.ArgumentParser) -> None:
    ap.add_argument(
        "--eval",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"the development data (default: ${EVAL_ENV}, else ../shared/eval beside the project)",
    )


def script(description: str, add_arguments, run_command, argv: list[str] | None = None, prog: str | None = None) -> int:
    """``python -m generator.evaluate.<name>``: the module's options parsed, its command run (what
    ``briefing evaluate <name>`` does through the CLI's parser)."""
    ap = argparse.ArgumentParser(prog=prog, description=description)
    add_arguments(ap)
    return run_command(ap.parse_args(argv))
