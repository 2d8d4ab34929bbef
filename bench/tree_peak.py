"""Peak memory of a process and every process under it, summed (issue 15's 'peak memory').

    with TreePeak() as peak:
        ...                       # work that may start worker processes
    print(peak.mb)

A separate process (this file run as a script) reads /proc ten times a second and keeps the
largest sum of proportional set sizes (Pss, /proc/<pid>/smaps_rollup: resident memory with each
page shared by n processes counted 1/n in each) over the process tree of the one that started it,
itself left out: the memory the tree holds, pages forked workers share with their parent counted
once. It starts no thread in the measured process (a thread there would keep the MkDocs build from
forking its workers, see generator/mkdocs_render.py).
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
from pathlib import Path

PROC = Path("/proc")


def _tree_pss_kb(root: int, leave_out: int) -> int:
    parents: dict[int, int] = {}
    user: dict[int, bool] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry.name)
        parents[pid] = int(fields.get("PPid", "0").strip() or 0)
        user[pid] = "VmRSS" in fields  # not a kernel thread
    total = 0
    for pid, has_memory in user.items():
        if pid == leave_out or not has_memory:
            continue
        p, hops = pid, 0
        while p and p != root and hops < 64:
            p, hops = parents.get(p, 0), hops + 1
        if p == root:
            total += _pss_kb(pid)
    return total


def _pss_kb(pid: int) -> int:
    try:
        for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreePeak:
    """The largest summed proportional set size of this process's tree while the block runs, in MB."""

    def __init__(self) -> None:
        self.mb = 0.0
        self._proc: subprocess.Popen | None = None

    def __enter__(self) -> TreePeak:
        self._proc = subprocess.Popen(
            [sys.executable, __file__, str(os.getpid())], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        return self

    def __exit__(self, *exc) -> None:
        assert self._proc is not None
        out, _ = self._proc.communicate("stop\n")
        if self._proc.returncode != 0 or not out.strip():
            raise RuntimeError(f"the memory sampler failed (exit {self._proc.returncode})")
        self.mb = float(out) / 1024


def _sample(root: int) -> None:
    peak = 0
    while True:
        peak = max(peak, _tree_pss_kb(root, os.getpid()))
        ready, _, _ = select.select([sys.stdin], [], [], 0.1)
        if ready:
            break
    print(peak)


if __name__ == "__main__":
    _sample(int(sys.argv[1]))
