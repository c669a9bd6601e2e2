"""Building a Rust worker's crate to WebAssembly with Debian's Rust, the only
toolchain here with the wasm32 standard library (rustup's `rustc`, first on PATH, has
none): `RUSTC=/usr/bin/rustc /usr/bin/cargo build --offline --target
wasm32-unknown-unknown --release`.

    wasm = build_wasm(crate_folder, tmp / "build")   # -> Path of the .wasm
    env = wasm_env(tmp / "target")                    # to run that build yourself

The crate is copied into `work` with the repository's .cargo/config.toml (Debian's
packaged crates), so the build leaves nothing in the repository; its target folder is
`work/target`. A cold build of serde and serde_json takes ~20 s here: build once per
session.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from support.procs import DEBIAN_REGISTRY, ROOT, SERDE_PACKAGES, explain, run, skip_or_fail

RUSTC = Path("/usr/bin/rustc")
CARGO = Path("/usr/bin/cargo")
TARGET = "wasm32-unknown-unknown"
WASM_STD_PACKAGE = "libstd-rust-dev-wasm32"


def wasm_env(target: Path) -> dict[str, str]:
    """The environment for `CARGO build --target wasm32-unknown-unknown` with Debian's
    Rust and its target folder at `target`; skips (fails under CI) without the tools."""
    if not (RUSTC.exists() and CARGO.exists()):
        skip_or_fail(f"Debian's rustc and cargo are missing: apt-get install rustc cargo {WASM_STD_PACKAGE}")
    if not list(Path("/usr/lib/rustlib").glob(f"{TARGET}/lib/libstd-*.rlib")):
        skip_or_fail(f"Debian's Rust has no {TARGET} standard library: apt-get install {WASM_STD_PACKAGE}")
    for name in ("serde_derive", "serde_json"):
        if not any(DEBIAN_REGISTRY.glob(f"{name}-1.*")):
            skip_or_fail(f"no {name} in {DEBIAN_REGISTRY}: apt-get install {SERDE_PACKAGES}")
    return {**os.environ, "RUSTC": str(RUSTC), "CARGO_TARGET_DIR": str(target), "CARGO_TERM_COLOR": "never"}


def build_wasm(crate: Path, work: Path, files: dict[str, str] | None = None) -> Path:
    """`crate` (a cdylib) built for wasm32 in a copy under `work`, with `files` (path in
    the crate -> text) added to the copy; the one .wasm it makes. Fails on any warning:
    what the tests build must build clean."""
    env = wasm_env(work / "target")
    copy = work / crate.name
    shutil.copytree(crate, copy, ignore=shutil.ignore_patterns("target", "Cargo.lock"))
    (copy / ".cargo").mkdir(exist_ok=True)
    shutil.copyfile(ROOT / ".cargo" / "config.toml", copy / ".cargo" / "config.toml")
    for path, text in (files or {}).items():
        (copy / path).parent.mkdir(parents=True, exist_ok=True)
        (copy / path).write_text(text, encoding="utf-8")
    built = run([CARGO, "build", "--offline", "--target", TARGET, "--release"], cwd=copy, env=env, timeout=900)
    assert built.returncode == 0, explain(built)
    assert "warning" not in built.stderr, explain(built)
    (wasm,) = (work / "target" / TARGET / "release").glob("*.wasm")
    return wasm
