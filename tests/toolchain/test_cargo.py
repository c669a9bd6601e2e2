"""The Rust side, checked by cargo: the input Hamlet reads must also be valid Rust.

    test_seed_example_checks        `cargo check` on examples/seed, the seed's three enums
                                    with the hamlet-derive marker derive
    test_derive_accepts_worker_attributes
                                    hamlet-derive's doc test: `#[worker(...)]` on variants
    test_serde_comes_from_debian_registry
                                    a crate using serde and serde_json builds and runs
                                    through the repository's .cargo/config.toml, which
                                    points cargo at Debian's packaged crates

Every build is offline and `--locked` (a committed Cargo.lock that cargo would change
fails), with its target folder in a temp folder so the repository stays clean. Cargo
reads .cargo/config.toml from the folder it runs in, so each runs inside the repository.
"""

from __future__ import annotations

import pytest
from support import procs
from support.procs import ROOT, explain

SEED = ROOT / "examples" / "seed"
DERIVE = ROOT / "crates" / "hamlet-derive"


@pytest.fixture
def cargo(tmp_path):
    return procs.cargo(tmp_path / "target")


def test_seed_example_checks(cargo):
    checked = cargo(["check", "--offline", "--locked"], cwd=SEED)
    assert checked.returncode == 0, explain(checked)
    assert "warning" not in checked.stderr, explain(checked)


def test_derive_accepts_worker_attributes(cargo):
    tested = cargo(["test", "--offline", "--locked", "--doc"], cwd=DERIVE)
    assert tested.returncode == 0, explain(tested)
    assert "test result: ok. 1 passed" in tested.stdout, explain(tested)


SERDE_MAIN = """\
use hamlet_derive::BuildAmpWorker;
use serde::{Deserialize, Serialize};

#[derive(BuildAmpWorker, Serialize, Deserialize, Debug, PartialEq)]
#[serde(tag = "type")]
pub enum CSVWorkerMessage {
    #[serde(rename_all = "camelCase")]
    ParseCSV { data: String, max_rows: u32 },
    #[worker(error)]
    ParseError { error: String },
}

fn main() {
    let request = CSVWorkerMessage::ParseCSV { data: "a,b".into(), max_rows: 2 };
    let json = serde_json::to_string(&request).unwrap();
    let back: CSVWorkerMessage = serde_json::from_str(&json).unwrap();
    assert_eq!(back, request);
    println!("{json}");
}
"""


def test_serde_comes_from_debian_registry(tmp_path):
    cargo = procs.cargo(tmp_path / "target", serde=True)
    crate = tmp_path / "serde-user"
    (crate / "src").mkdir(parents=True)
    (crate / "Cargo.toml").write_text(
        "[package]\n"
        'name = "serde-user"\n'
        'version = "0.1.0"\n'
        'edition = "2021"\n\n'
        "[dependencies]\n"
        'serde = { version = "1", features = ["derive"] }\n'
        'serde_json = "1"\n'
        f"hamlet-derive = {{ path = {str(DERIVE)!r} }}\n\n"
        "[workspace]\n",
        encoding="utf-8",
    )
    (crate / "src" / "main.rs").write_text(SERDE_MAIN, encoding="utf-8")
    # Run from the repository root: that is where cargo finds .cargo/config.toml.
    ran = cargo(["run", "--offline", "--quiet", "--manifest-path", crate / "Cargo.toml"], cwd=ROOT)
    assert ran.returncode == 0, explain(ran)
    assert ran.stdout == '{"type":"ParseCSV","data":"a,b","maxRows":2}\n', explain(ran)
