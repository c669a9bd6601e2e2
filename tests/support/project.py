"""Rust source in, model out, as a user's project runs it: the one way the tests load.

    load(tmp_path, monkeypatch, SOURCE)      -> Project, from `src/lib.rs` in tmp_path
    workers(tmp_path, monkeypatch, SOURCE)   -> {"ImageWorker": Worker, ..}
    alone(worker)                             -> a Project of that worker alone
    seed                                      the fixture: the seed's workers by base name
"""

from __future__ import annotations

from pathlib import Path

import pytest

import hamlet
from hamlet.model import Project, Worker
from support.seed import SEED


def load(tmp_path: Path, monkeypatch, source: str) -> Project:
    """The project of `src/lib.rs` holding `source`, loaded from `tmp_path` (the
    current folder while the test runs) as `hamlet generate` loads it; no errors."""
    (tmp_path / "src").mkdir(exist_ok=True)
    (tmp_path / "src" / "lib.rs").write_text(source, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    project, diagnostics = hamlet.load(["src"])
    assert not [d for d in diagnostics if d.is_error], diagnostics
    return project


def workers(tmp_path: Path, monkeypatch, source: str) -> dict[str, Worker]:
    """The workers of `source` by base name (see `load`)."""
    return {worker.base: worker for worker in load(tmp_path, monkeypatch, source).workers}


def alone(worker: Worker) -> Project:
    """A project of this one worker and no domain types."""
    return Project((worker,))


@pytest.fixture
def seed(tmp_path, monkeypatch) -> dict[str, Worker]:
    """The seed's workers by base name, loaded like a user's project."""
    return workers(tmp_path, monkeypatch, SEED)
