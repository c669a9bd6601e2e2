"""Running generated JavaScript in node, without a browser: a module check, and a
scenario run on a site of files beside the harness (`node_harness.js`: a fake
`Worker`, `window`, the worker's `self` and Elm ports).

    run_node(tmp_path, {"js/x_main.js": ..}, "import { done } from './harness.mjs'; done();")
    -> the JSON the scenario prints last (the harness's log)
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")
HARNESS = Path(__file__).with_name("node_harness.js")


def check_module(content: str) -> None:
    """node parses `content` as an ES module (a plain `node --check file.js` would
    parse it as CommonJS, or not at all)."""
    result = subprocess.run(
        [NODE, "--input-type=module", "--check"],
        input=content,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr + "\n" + content


def run_node(tmp_path: Path, files: dict[str, str], script: str) -> dict:
    """Write `files` and the harness (as `harness.mjs`) into a site folder, run `script`
    as an ES module there, and return the JSON it prints last."""
    site = tmp_path / "site"
    site.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(HARNESS, site / "harness.mjs")
    for name, content in {**files, "scenario.mjs": script}.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(content, encoding="utf-8")
    # The generated files are .js ES modules, as a bundler or a browser takes them.
    (site / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    result = subprocess.run(
        [NODE, "scenario.mjs"], cwd=site, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])
