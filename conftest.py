"""Repository-wide pytest options, and the real tools every tier shares.

    elm_compiler   (session) an ElmCompiler: node_modules/.bin/elm with its own writable
                   copy of the Elm packages, made once per session. It skips, saying
                   where it looked and what was missing, when elm or the packages cannot
                   be found; under CI=true it fails instead, so that CI never passes
                   without compiling the generated Elm.
    browser        (session) Debian's Chromium through playwright (tests/support/chromium.py);
                   one for the whole session, since playwright's sync API allows one
                   running instance per thread

The helpers the tiers share (server, Chromium, subprocesses) live in tests/support/,
importable as `support.<module>` in every test.

The packages are looked for, in order, in $ELM_HOME (when it holds them), in
`shared/elm-home` beside the repository (an offline copy CI provides), and in ~/.elm.
This machine cannot download packages, so `elm make` must find every one in the copy.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

TESTS = str(Path(__file__).resolve().parent / "tests")
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)
from support import chromium  # noqa: E402 - needs the line above
from support.procs import skip_or_fail  # noqa: E402

ROOT = Path(__file__).resolve().parent
ELM_VERSION = "0.19.1"
# What the Elm projects of the tests use (directly or indirectly), name -> version.
ELM_PACKAGES = {
    "elm/browser": "1.0.2",
    "elm/core": "1.0.5",
    "elm/html": "1.0.0",
    "elm/json": "1.1.3",
    "elm/time": "1.0.0",
    "elm/url": "1.0.0",
    "elm/virtual-dom": "1.0.3",
}
# elm 0.19.1 sometimes dies of a race between its own threads on a busy machine: a GHC
# runtime deadlock report, or one thread finding elm-stuff/0.19.1/d.dat (or i.dat, o.dat)
# still open in another (elm/compiler#2134, #2258). Running it again works.
ELM_RUNTIME_CRASHES = (
    "thread blocked indefinitely in an MVar",
    "openBinaryFile: resource busy (file is locked)",
)


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the expected output (tests/cases/*/expected, stderr.txt and tests/unit/golden/) from the current output instead of comparing",
    )


def elm_home_candidates() -> list[tuple[str, Path]]:
    """Where the Elm packages may be, in the order they are looked for."""
    candidates = []
    if os.environ.get("ELM_HOME"):
        candidates.append(("$ELM_HOME", Path(os.environ["ELM_HOME"])))
    candidates.append(("../shared/elm-home", ROOT.parent / "shared" / "elm-home"))
    candidates.append(("~/.elm", Path.home() / ".elm"))
    return candidates


def missing_packages(home: Path, wanted: dict[str, str]) -> list[str]:
    """What `elm make` would have to download with this ELM_HOME: the packages not in its
    cache, and the package registry (`registry.dat`), which elm reads first."""
    packages = home / ELM_VERSION / "packages"
    missing = [
        f"{name} {version}"
        for name, version in sorted(wanted.items())
        if not (packages / name / version / "elm.json").is_file()
    ]
    if not (packages / "registry.dat").is_file():
        missing.append("registry.dat")
    return missing


def copy_packages(source: Path, target: Path) -> None:
    """Copy the registry and ELM_PACKAGES from one ELM_HOME to a new, writable one: elm
    writes its build artifacts into the package folders, and the source may be read-only."""
    src, dst = source / ELM_VERSION / "packages", target / ELM_VERSION / "packages"
    dst.mkdir(parents=True)
    shutil.copyfile(src / "registry.dat", dst / "registry.dat")
    for name, version in ELM_PACKAGES.items():
        shutil.copytree(src / name / version, dst / name / version, copy_function=shutil.copyfile)
    for folder, _, names in os.walk(target):
        for path in (folder, *(os.path.join(folder, name) for name in names)):
            os.chmod(path, os.stat(path).st_mode | stat.S_IWUSR | stat.S_IRUSR)


# What generated Elm imports: Json.Decode, Json.Encode and Dict.
CORE_PACKAGES = {"elm/core": "1.0.5", "elm/json": "1.1.3"}


@dataclass(frozen=True)
class ElmCompiler:
    elm: Path
    home: Path

    @staticmethod
    def init(project: Path, sources: list[str], packages: dict[str, str] = CORE_PACKAGES) -> None:
        """What `elm init` would write, in `project`: the elm.json of an application with
        these source folders and packages (by default, what generated Elm needs)."""
        project.mkdir(parents=True, exist_ok=True)
        (project / "elm.json").write_text(json.dumps({
            "type": "application",
            "source-directories": list(sources),
            "elm-version": ELM_VERSION,
            "dependencies": {"direct": dict(packages), "indirect": {}},
            "test-dependencies": {"direct": {}, "indirect": {}},
        }, indent=4), encoding="utf-8")

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "ELM_HOME": str(self.home)}

    def require(self, elm_json: Path) -> None:
        """Skip (fail under CI) when a project needs a package the copy does not hold."""
        dependencies = json.loads(elm_json.read_text(encoding="utf-8"))["dependencies"]
        missing = missing_packages(self.home, {**dependencies["direct"], **dependencies["indirect"]})
        if missing:
            skip_or_fail(f"{elm_json} needs {', '.join(missing)}, which the tests' ELM_HOME lacks")

    def make(self, project: Path, modules: list, output: str = "/dev/null",
             timeout: int = 600) -> subprocess.CompletedProcess:
        """`elm make <modules> --output=<output>` in `project`, run again once when elm
        dies of one of its ELM_RUNTIME_CRASHES. --output=/dev/null type-checks and links without
        writing JavaScript, and works for modules without `main`."""
        self.require(project / "elm.json")
        command = [str(self.elm), "make", *[str(m) for m in modules], f"--output={output}"]

        def run() -> subprocess.CompletedProcess:
            return subprocess.run(
                command, cwd=project, env=self.env, capture_output=True, text=True,
                timeout=timeout, stdin=subprocess.DEVNULL,
            )

        result = run()
        if result.returncode != 0 and self.crashed(result.stderr + result.stdout):
            result = run()
        return result

    @staticmethod
    def crashed(said: str) -> bool:
        """Whether elm died of one of its ELM_RUNTIME_CRASHES (a bundler's run of elm, too)."""
        return any(crash in said for crash in ELM_RUNTIME_CRASHES)


@pytest.fixture(scope="session")
def elm_compiler(tmp_path_factory) -> ElmCompiler:
    elm = ROOT / "node_modules" / ".bin" / "elm"
    if not elm.exists():
        skip_or_fail("node_modules/.bin/elm is missing: run `npm ci` at the repository root")
    looked = []
    for label, home in elm_home_candidates():
        missing = missing_packages(home, ELM_PACKAGES)
        if not missing:
            break
        looked.append(f"{label} ({home}) lacks {', '.join(missing)}")
    else:
        skip_or_fail(
            f"no Elm packages for elm make (this machine cannot download them): "
            f"{'; '.join(looked)}. Put an offline ELM_HOME at ../shared/elm-home beside the "
            "repository, or set ELM_HOME to one"
        )
    copy = tmp_path_factory.mktemp("elm-home")
    copy_packages(home, copy)
    return ElmCompiler(elm, copy)


@pytest.fixture(scope="session")
def browser():
    with chromium.launched() as browser:
        yield browser
