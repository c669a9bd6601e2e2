"""Fixtures for the tests that run the real tools on Hamlet's output.

    node_tool      (fn) name -> node_modules/.bin/<name>; skips when `npm ci` has not
                   been run
    elm_compiler   (session, from the repository's conftest.py) `elm make` with the Elm
                   packages; skips without them, and fails under CI=true
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_BIN = ROOT / "node_modules" / ".bin"


@pytest.fixture
def node_tool():
    def find(name: str) -> Path:
        tool = NODE_BIN / name
        if not tool.exists():
            pytest.skip(f"{tool.relative_to(ROOT)} is missing: run `npm ci` at the repository root")
        return tool

    return find
