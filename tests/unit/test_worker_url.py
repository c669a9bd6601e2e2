"""The main JS's path to the worker entry (`hamlet.resolve.worker_url`), from --js-out
and --worker-out: relative, POSIX, starting with ./ or ../, a URL that means the folder
and a JS string literal with no escape in it (Vite reads the literal's raw text). The
browser side of it is tests/browser/test_browser_worker_url.py.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote

import pytest

from hamlet.cli import main
from hamlet.emit.js_text import js_string
from hamlet.resolve.worker_url import worker_folder

CSV = """\
#[derive(BuildAmpWorker)]
pub enum CSVWorkerMessage {
    ParseCSV { data: String },
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}
"""


@pytest.mark.parametrize(("js_out", "worker_out", "url"), [
    ("generated/js", "generated/workers", "../workers/"),
    ("web", "web", "./"),
    ("web/", "./web", "./"),
    ("web/js", "web/js/w", "./w/"),
    ("web/js", "deep/a/b/c/workers", "../../deep/a/b/c/workers/"),
    ("a/b/c/d", "w", "../../../../w/"),
    ("/srv/app/js", "/opt/w", "../../../opt/w/"),
    ("js", "my app/ü", "../my app/ü/"),
    ("js", "it's #1?", "../it%27s %231%3F/"),
    ("js", "100%/a\\b", "../100%25/a%5Cb/"),
    ("js", "tab\there\nline\u2028", "../tab%09here%0Aline%E2%80%A8/"),
])
def test_worker_folder(js_out, worker_out, url):
    assert worker_folder(js_out, worker_out) == url


@pytest.mark.parametrize("worker_out", [
    "w", "../../x/y", "a b/ü", "it's #1?%", "q\\z/\x7f", "nested/deeper/still",
])
def test_worker_folder_is_a_relative_url_and_a_plain_literal(worker_out, tmp_path):
    js_out = str(tmp_path / "site" / "js")
    url = worker_folder(js_out, str(tmp_path / "site" / worker_out))
    assert url.startswith(("./", "../")) and url.endswith("/")
    # Decoded, it is the path on disk from the main JS's folder.
    want = Path(os.path.relpath(tmp_path / "site" / worker_out, js_out)).as_posix()
    assert unquote(url) == ("../" if want.startswith("../") else "./") + want.removeprefix("../") + "/"
    # The literal is the URL between quotes: nothing escaped.
    assert js_string(url) == f"'{url}'"


def test_generate_writes_the_path_and_a_changed_layout_is_not_taken_from_the_cache(
        tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "lib.rs").write_text(CSV, encoding="utf-8")
    main_js = Path("web/js/csv_worker_main.js")
    expression = "new Worker(new URL({}, import.meta.url), {{ type: 'module' }})"
    for worker_out, url in [("web/workers", "'../workers/csv_worker.js'"),
                            ("web/js", "'./csv_worker.js'"),
                            ("web/workers", "'../workers/csv_worker.js'")]:
        assert main(["generate", "--js-out", "web/js", "--worker-out", worker_out]) == 0
        assert expression.format(url) in main_js.read_text(encoding="utf-8"), worker_out
    capsys.readouterr()
