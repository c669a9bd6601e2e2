"""The checks a Rust worker adds (resolve/rust_worker.py) beside the other errors of the
same input: each is reported, and none crashes on what another error left out.

    test_a_broken_domain_type_leaves_the_other_errors_reported
                                    a type with an unknown field type is left out of the
                                    project; the Rust worker's serde checks pass over it
                                    (they raised ValueError before: the mutation test
                                    found it) and still report the other types
"""

from __future__ import annotations

import hamlet

CRATE = """use serde::{Deserialize, Serialize};

pub struct Point {
    pub x: f64,
}

#[derive(Serialize)]
pub struct Label {
    pub text: String,
}

#[derive(Serialize, Deserialize)]
pub struct Page {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lines: VecVec<String>,
}

#[derive(BuildAmpWorker)]
#[worker(rust)]
pub enum PlotWorkerMessage {
    Plot { at: Point, label: Label, page: Page, name: &'static str },
    Plotted,
    PlotFailed { error: String },
}
"""


def test_a_broken_domain_type_leaves_the_other_errors_reported(tmp_path):
    (tmp_path / "lib.rs").write_text(CRATE, encoding="utf-8")
    result = hamlet.generate([str(tmp_path / "lib.rs")])
    assert not result.ok and not result.files
    found = [(d.loc.line, d.message.split(": ")[0]) for d in result.diagnostics]
    assert found == [
        (3, "type `Point` does not derive serde's Serialize and Deserialize, which worker `PlotWorkerMessage` needs"),
        (8, "type `Label` derives serde's Serialize but not Deserialize, which worker `PlotWorkerMessage` needs"),
        (15, "field `lines` of `Page`"),
        (21, "field `name` of `PlotWorkerMessage::Plot` borrows (`&'static str`), and worker `PlotWorkerMessage` is written in Rust"),
    ]
