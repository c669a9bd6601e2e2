"""The seed design's three worker enums, read from `examples/seed/src/lib.rs`, which
holds them verbatim (trailing spaces and all): ImageWorkerMessage, DataWorkerMessage
and CSVWorkerMessage."""

from __future__ import annotations

from pathlib import Path

SEED_PATH = Path(__file__).resolve().parents[2] / "examples" / "seed" / "src" / "lib.rs"
SEED = SEED_PATH.read_text(encoding="utf-8")
