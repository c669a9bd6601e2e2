"""The Rust module of a `#[worker(rust)]` worker, built by the real compilers.

    test_committed_module_is_current   tests/rust_worker/generated/echo_worker.rs is what
                                       Hamlet generates for tests/rust_worker/src now
    test_builds_to_wasm_on_debian_rust the crate builds for wasm32-unknown-unknown with
                                       Debian's Rust 1.63, with -Dwarnings, and the wasm
                                       module has exactly the agreed imports and exports
    test_checks_on_stable              `cargo check` with current stable, -Dwarnings
    test_host_dispatch                 `cargo test` on the host: the crate's own test
                                       sends wire JSON through the generated dispatch
    test_a_worker_named_like_a_keyword_compiles
                                       `TypeMessage`: its module is `r#type`, and
                                       `SerdeMessage`'s `serde_` (never hiding the
                                       crate); the modules' own instructions compile

The crate (tests/rust_worker) is copied to a temp folder with the module generated
afresh beside it and a copy of .cargo/config.toml (Debian's crates); one wasm build per
session, shared by the tests that look at it.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from support import procs
from support.procs import ROOT, explain
from support.wasm import CARGO, TARGET, wasm_env

from hamlet.cli import main

CRATE = ROOT / "tests" / "rust_worker"


@pytest.fixture(scope="module")
def crate(tmp_path_factory):
    """The crate, copied, with its module generated into `generated/`."""
    root = tmp_path_factory.mktemp("rust-worker")
    copy = root / "crate"
    shutil.copytree(CRATE, copy, ignore=shutil.ignore_patterns("generated", "target"))
    (copy / ".cargo").mkdir()
    shutil.copy(ROOT / ".cargo" / "config.toml", copy / ".cargo" / "config.toml")
    manifest = (copy / "Cargo.toml").read_text(encoding="utf-8")
    derive = (ROOT / "crates" / "hamlet-derive").as_posix()
    (copy / "Cargo.toml").write_text(manifest.replace('"../../crates/hamlet-derive"', f'"{derive}"'),
                                     encoding="utf-8")
    out = root / "out"
    code = main(["generate", str(copy / "src"), "--no-cache", "--rust-out", str(copy / "generated"),
                 "--elm-out", str(out / "elm"), "--js-out", str(out / "js"),
                 "--worker-out", str(out / "workers")])
    assert code == 0
    return copy


@pytest.fixture(scope="module")
def wasm(crate, tmp_path_factory):
    """The crate built for wasm32 by Debian's toolchain, warnings denied: the .wasm."""
    target = tmp_path_factory.mktemp("wasm-target")
    env = {**wasm_env(target), "RUSTFLAGS": "-Dwarnings"}
    built = procs.run([CARGO, "build", "--offline", "--locked", "--release", "--target", TARGET],
                      cwd=crate, env=env, timeout=900)
    assert built.returncode == 0, explain(built)
    assert "warning" not in built.stderr, explain(built)
    return target / TARGET / "release" / "hamlet_rust_worker_test.wasm"


def test_committed_module_is_current(crate):
    committed = (CRATE / "generated" / "echo_worker.rs").read_text(encoding="utf-8")
    fresh = (crate / "generated" / "echo_worker.rs").read_text(encoding="utf-8")
    # Only the notice's source path differs: the copy lives elsewhere.
    assert committed.split("\n", 1)[1] == fresh.split("\n", 1)[1]


def test_builds_to_wasm_on_debian_rust(wasm):
    script = (
        "const m = new WebAssembly.Module(require('fs').readFileSync(process.argv[1]));"
        "console.log(JSON.stringify({imports: WebAssembly.Module.imports(m),"
        " exports: WebAssembly.Module.exports(m).map(e => [e.name, e.kind])}));"
    )
    ran = subprocess.run(["node", "-e", script, str(wasm)], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0, ran.stderr
    found = json.loads(ran.stdout)
    assert sorted((i["module"], i["name"], i["kind"]) for i in found["imports"]) == [
        ("hamlet", "fail", "function"), ("hamlet", "panicked", "function"),
        ("hamlet", "reply", "function"),
    ]
    exports = dict(found["exports"])
    assert exports["memory"] == "memory"
    assert exports["hamlet_alloc"] == exports["hamlet_handle"] == "function"


def _stable_cargo(crate, tmp_path, monkeypatch, args):
    monkeypatch.setenv("RUSTFLAGS", "-Dwarnings")
    ran = procs.cargo(tmp_path / "target", serde=True)(args, cwd=crate)
    assert ran.returncode == 0, explain(ran)
    assert "warning" not in ran.stderr, explain(ran)
    return ran


def test_checks_on_stable(crate, tmp_path, monkeypatch):
    _stable_cargo(crate, tmp_path, monkeypatch, ["check", "--offline", "--locked", "--all-targets"])


def test_host_dispatch(crate, tmp_path, monkeypatch):
    ran = _stable_cargo(crate, tmp_path, monkeypatch, ["test", "--offline", "--locked"])
    assert "test tests::dispatches_in_the_wire_format ... ok" in ran.stdout, explain(ran)


# A worker whose module name is a Rust keyword (`TypeMessage` -> `type.rs`, `mod r#type`),
# and one named like a crate the code uses (`SerdeMessage` -> `serde.rs`, `mod serde_`:
# a `mod serde` would make `use serde::..` ambiguous), declared, implemented and exported
# as the modules' opening comments say.
KEYWORD_WORKER = """use hamlet_derive::BuildAmpWorker;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Serialize, Deserialize)]
pub struct Counts {
    pub seen: HashMap<String, u32>,
}

#[derive(BuildAmpWorker)]
#[worker(rust)]
pub enum TypeMessage {
    Check { text: String },
    Checked,
    CheckFailed { error: String },
}

#[derive(BuildAmpWorker)]
#[worker(rust)]
pub enum SerdeMessage {
    Count { counts: Counts },
    Counted,
    CountFailed { error: String },
}

#[path = "../generated/type.rs"]
mod r#type;

#[path = "../generated/serde.rs"]
mod serde_;

#[derive(Default)]
pub struct Checker;

impl r#type::TypeHandlers for Checker {
    fn check(&mut self, _text: String, reply: &mut r#type::TypeReply) -> Result<(), String> {
        reply.checked();
        Ok(())
    }
}

impl serde_::SerdeHandlers for Checker {
    fn count(&mut self, _counts: Counts, reply: &mut serde_::SerdeReply) -> Result<(), String> {
        reply.counted();
        Ok(())
    }
}

r#type::hamlet_export_type!(Checker);
"""


def test_a_worker_named_like_a_keyword_compiles(crate, tmp_path, monkeypatch):
    keyword = tmp_path / "keyword"
    shutil.copytree(crate, keyword, ignore=shutil.ignore_patterns("generated", "target", "src"))
    (keyword / "src").mkdir()
    (keyword / "src" / "lib.rs").write_text(KEYWORD_WORKER, encoding="utf-8")
    code = main(["generate", str(keyword / "src"), "--no-cache", "--rust-out", str(keyword / "generated"),
                 "--elm-out", str(tmp_path / "out" / "elm"), "--js-out", str(tmp_path / "out" / "js"),
                 "--worker-out", str(tmp_path / "out" / "workers")])
    assert code == 0
    module = (keyword / "generated" / "type.rs").read_text(encoding="utf-8")
    assert "//     mod r#type;" in module and "r#type::hamlet_export_type!(MyWorker);" in module
    module = (keyword / "generated" / "serde.rs").read_text(encoding="utf-8")
    assert "//     mod serde_;" in module and "serde_::hamlet_export_serde!(MyWorker);" in module
    _stable_cargo(keyword, tmp_path, monkeypatch, ["check", "--offline", "--locked"])
