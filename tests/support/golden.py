"""Expected output kept in files, not in Python strings: `golden(name, text)` compares
`text` with `tests/unit/golden/<name>`, and `pytest --update-golden` (the option the
golden cases use) writes it instead. Review the diff after an update.

    def test_point(golden):
        golden("elm_types/point.elm", emit_types(project(POINT)).content)
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parents[1] / "unit" / "golden"


@pytest.fixture
def golden(request):
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            return
        assert path.is_file(), f"{path} is missing: run pytest with --update-golden, then review it"
        expected = path.read_text(encoding="utf-8")
        if text != expected:
            diff = difflib.unified_diff(expected.splitlines(keepends=True), text.splitlines(keepends=True),
                                        f"golden/{name}", "generated")
            pytest.fail(f"{name} differs (--update-golden rewrites it):\n{''.join(diff)}", pytrace=False)

    return check
