"""Fixtures for the tests that run the real tools on Hamlet's output.

    node_tool              (fn) name -> node_modules/.bin/<name>; skips when `npm ci`
                           has not been run
    require_elm_packages   (fn) elm.json -> None; skips, saying which packages are
                           missing and where elm looked, when `elm make` would have to
                           download anything (this machine cannot)
    elm_home()             where elm 0.19.1 keeps its package cache
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_BIN = ROOT / "node_modules" / ".bin"
ELM_VERSION = "0.19.1"


def elm_home() -> Path:
    """ELM_HOME as elm 0.19.1 reads it (`Stuff.getElmHome`): the variable's value whenever
    it is set, even empty, else `.elm` in the home folder."""
    custom = os.environ.get("ELM_HOME")
    return Path(custom) if custom is not None else Path.home() / ".elm"


def missing_elm_packages(elm_json: Path) -> list[str]:
    """What `elm make` would need from the network for this application: its direct and
    indirect packages that are not in the package cache, and the package registry
    (`registry.dat`), which elm reads before it looks at any package."""
    dependencies = json.loads(elm_json.read_text(encoding="utf-8"))["dependencies"]
    wanted = {**dependencies["direct"], **dependencies["indirect"]}
    packages = elm_home() / ELM_VERSION / "packages"
    missing = [
        f"{name} {version}"
        for name, version in sorted(wanted.items())
        if not (packages / name / version).is_dir()
    ]
    if not (packages / "registry.dat").is_file():
        missing.append("the package registry (registry.dat)")
    return missing


@pytest.fixture
def node_tool():
    def find(name: str) -> Path:
        tool = NODE_BIN / name
        if not tool.exists():
            pytest.skip(f"{tool.relative_to(ROOT)} is missing: run `npm ci` at the repository root")
        return tool

    return find


@pytest.fixture
def require_elm_packages():
    def require(elm_json: Path) -> None:
        missing = missing_elm_packages(elm_json)
        if missing:
            plural = len(missing) > 1
            pytest.skip(
                f"{', '.join(missing)} {'are' if plural else 'is'} not in ELM_HOME "
                f"({elm_home()}, under {ELM_VERSION}/packages): elm make needs "
                f"{'them' if plural else 'it'} and this machine cannot download packages"
            )

    return require
