"""ShapesWorker, the worker the JavaScript tests run: every variant shape in both
directions, a progress variant, a tuple failure variant, a field named after a JS
reserved word, and a request without a handler (Orphan). Its user handlers are
`shapes_handlers.js`; `shapes_site` lays out the files a node scenario imports.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hamlet.emit.js_entry import emit_entry
from hamlet.emit.js_main import emit_main
from support.project import alone, workers

SOURCE = """\
use std::collections::HashMap;

#[derive(BuildAmpWorker)]
pub enum ShapesWorkerMessage {
    // Main → Worker
    /// Behaves as `mode` says (see HANDLERS in the test).
    Run { mode: String, note: Option<String> },
    Resize(u32, u32),
    Scale(f64),
    CancelAll,
    Tag { class: String, tags: Vec<String>, meta: HashMap<String, i64>, pair: (bool, String, f32) },
    Orphan { tag: u32 },

    // Worker → Main
    Ran { mode: String, note: Option<String> },
    Resized(u32, u32),
    StepProgress(u32),
    Cancelled,
    Tagged { class: String, count: u32 },
    Failed(String),
}
"""

# The user's handlers for ShapesWorker, replacing the scaffold.
HANDLERS = Path(__file__).with_name("shapes_handlers.js").read_text(encoding="utf-8")

# How a scenario starts: the harness, the entry (which installs `self.onmessage`), and
# the main thread's glue, or a `send` straight to the entry.
MAIN_PRELUDE = """\
import { log, instances, makeApp, settle, fire, done } from './harness.mjs';
import './workers/shapes_worker.js';
const { setupShapesWorker } = await import('./js/shapes_worker_main.js');
"""

ENTRY_PRELUDE = """\
import { log, settle, done } from './harness.mjs';
import './workers/shapes_worker.js';
const send = (id, type, data) => self.onmessage(new MessageEvent('message', { data: { id, type, data } }));
"""


@pytest.fixture
def shapes(tmp_path, monkeypatch):
    return workers(tmp_path, monkeypatch, SOURCE)["ShapesWorker"]


def shapes_site(worker, handlers: str | None = HANDLERS) -> dict[str, str]:
    """The main-thread glue, the entry and (unless None) the handlers, by site path."""
    files = {
        f"js/{worker.js.main_file}": emit_main(alone(worker), worker).content,
        f"workers/{worker.js.worker_file}": emit_entry(alone(worker), worker).content,
    }
    if handlers is not None:
        files[f"workers/{worker.js.handlers_file}"] = handlers
    return files
