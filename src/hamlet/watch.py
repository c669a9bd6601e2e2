"""`hamlet watch`: regenerate whenever a scanned .rs file changes.

Each run prints its diagnostics and one summary line. A run with errors writes nothing,
so the last good output stays in place while the user fixes the input.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

DEBOUNCE_MS = 150


def watch(settings, run: Callable[..., int], stop_event=None) -> int:
    """Run once, then again after every batch of changes, until interrupted."""
    import watchfiles

    targets = _targets(settings.paths)
    if not targets:
        print("hamlet: nothing to watch: none of the paths exists", file=sys.stderr)
        return 1
    run(settings)
    print(f"hamlet: watching {', '.join(str(t) for t in targets)} (Ctrl-C to stop)", flush=True)
    try:
        for _changes in watchfiles.watch(
            *targets,
            watch_filter=_relevant,
            debounce=DEBOUNCE_MS,
            stop_event=stop_event,
            raise_interrupt=False,
        ):
            run(settings)
            sys.stdout.flush()
            sys.stderr.flush()
    except KeyboardInterrupt:
        pass
    return 0


def _targets(paths) -> list[Path]:
    return [Path(p) for p in paths if Path(p).exists()]


def _relevant(change, path: str) -> bool:
    """Rust sources only: never the generated output, even inside a watched folder."""
    return path.endswith(".rs")
