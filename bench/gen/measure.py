"""Timing whole processes: wall time, CPU time and peak memory of one child each.

    sample = run([hamlet, "--version"])  ->  Sample(wall=0.081, cpu=0.074, rss_mb=21.4, code=0)

`os.wait4` gives the resource usage of exactly the child waited for, so the peak RSS
is that process's own (not the largest child so far, as RUSAGE_CHILDREN would be).
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import sysconfig
import time
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # user + system seconds of the child
    rss_mb: float  # peak resident set size
    code: int  # exit status

    def as_dict(self) -> dict:
        return asdict(self)


def run(argv: list[str], cwd: Path | None = None, env: dict | None = None,
        check: bool = True) -> Sample:
    start = time.perf_counter()
    child = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    stderr = child.stderr.read() if child.stderr else b""
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.stderr:
        child.stderr.close()
    if check and child.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {child.returncode}:\n{stderr.decode()[-2000:]}")
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * scale / 2**20,
                  child.returncode)


def median(samples: list[Sample], what: str = "wall") -> float:
    return statistics.median(getattr(s, what) for s in samples)


def script(name: str) -> str:
    """The console script of this interpreter's environment (not a shell shim: pyenv
    and similar wrappers add 50-100 ms of their own to every start)."""
    return str(Path(sysconfig.get_path("scripts")) / name)


def child_env() -> dict:
    """The environment for timed children: Python's default bytecode cache on (some
    sandboxes turn it off, which would time the compiler rather than the program)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


def machine() -> dict:
    """What the numbers were measured on, without any local path or host name."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    try:
        import tree_sitter  # noqa: F401

        from importlib.metadata import version

        ts = f"tree-sitter {version('tree-sitter')}, tree-sitter-rust {version('tree-sitter-rust')}"
    except Exception:  # noqa: BLE001 - only a label
        ts = "tree-sitter (version unknown)"
    node = _node_version()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": ram,
        "os": f"{platform.system()} {platform.release().split('-')[0]}",
        "python": platform.python_version(),
        "tree_sitter": ts,
        "node": node,
    }


def _node_version() -> str | None:
    try:
        out = subprocess.run(["node", "--version"], capture_output=True, text=True, timeout=30)
        return out.stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None
