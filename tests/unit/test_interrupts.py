"""Interrupted runs, as real processes sent real signals.

Each run is `python -c SCRIPT`: the real command line, with one function wrapped so
that the process sends itself the signal at a chosen moment (the nth staged file, the
nth rename, ...). Nothing in Hamlet knows about the hook. After every run the output is
entirely the old tree or entirely the new one, no temp file is left, and stderr holds
one line and no traceback.

    test_signal_during_*              SIGINT and SIGTERM while parsing, staging, renaming,
                                      removing orphans, and after the write is complete
    test_signal_from_outside          a signal from another process at a moment it picks
    test_sigkill_leftovers_*          what SIGKILL leaves, cleaned by the next run; a file
                                      merely named like a temp file is left alone
    test_ctrl_c_during_a_watch_write  undone, and watch stops as after any Ctrl-C (exit 0)
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

WAIT = 60  # seconds, the most one run may take on a busy machine

SCRIPT = """
import os, signal, sys
import hamlet.write.atomic, hamlet.write
where, name, nth = sys.argv[1], sys.argv[2], int(sys.argv[3])
calls = [0]

def hooked(real):
    def call(*args, **kwargs):
        calls[0] += 1
        if calls[0] == nth:
            os.kill(os.getpid(), getattr(signal, name))
        return real(*args, **kwargs)
    return call

if where == "plan":
    hamlet.write.plan = hooked(hamlet.write.plan)
elif where == "stage":
    hamlet.write.atomic.stage = hooked(hamlet.write.atomic.stage)
elif where == "rename":
    os.replace = hooked(os.replace)
    os.link = hooked(os.link)
elif where == "remove":
    os.rename = hooked(os.rename)
elif where == "finish":
    hamlet.write.atomic._unlink_quietly = hooked(hamlet.write.atomic._unlink_quietly)
from hamlet.cli import main
sys.exit(main(sys.argv[4:]))
"""


def worker(base: str, field: str) -> str:
    return (
        f"#[derive(BuildAmpWorker)]\npub enum {base}Message {{\n    Run {{ {field}: u32 }},\n"
        "    Finished { n: u32 },\n    RunFailed { error: String },\n}\n"
    )


def source(count: int, field: str, start: int = 0) -> str:
    return "\n".join(worker(f"W{i:03}", field) for i in range(start, count))


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() or p.is_symlink()
    }


def hamlet(project: Path, *args: str, hook: tuple[str, str, int] | None = None, command="generate"):
    where, name, nth = hook or ("none", "SIGINT", 0)
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, where, name, str(nth), command, "--no-cache", *args],
        cwd=project, capture_output=True, text=True, timeout=WAIT,
    )


@pytest.fixture
def trees(tmp_path):
    """A project generated once (`old`), then changed so that the next run updates
    every file, creates a worker's files and removes another's (`new`); returns the
    project and both trees."""
    project = tmp_path / "old"
    (project / "src").mkdir(parents=True)
    (project / "src" / "lib.rs").write_text(source(6, "a"))
    assert hamlet(project).returncode == 0
    new_source = source(7, "b", start=1)
    shutil.copytree(project, tmp_path / "new")
    (tmp_path / "new" / "src" / "lib.rs").write_text(new_source)
    assert hamlet(tmp_path / "new").returncode == 0
    (project / "src" / "lib.rs").write_text(new_source)
    old, new = tree(project / "generated"), tree(tmp_path / "new" / "generated")
    assert old != new and set(old) - set(new) and set(new) - set(old)
    assert sum(old.get(name) != data for name, data in new.items()) == 24
    assert len(set(old) - set(new)) == 6
    return project, old, new


@pytest.mark.parametrize("name,code", [("SIGINT", 130), ("SIGTERM", 143)])
# The change writes 24 files and removes 6: the first, a middle and the last of each step.
@pytest.mark.parametrize("where,nth", [("plan", 1), ("stage", 1), ("stage", 12), ("rename", 1),
                                       ("rename", 12), ("rename", 24), ("remove", 1), ("remove", 6)])
def test_signal_during_a_run_leaves_the_old_tree(trees, name, code, where, nth):
    project, old, _ = trees
    done = hamlet(project, hook=(where, name, nth))
    assert (done.returncode, done.stdout) == (code, "")
    expected = f"hamlet: interrupted by {name}" + ("" if where == "plan" else "; nothing written")
    assert done.stderr == expected + "\n"
    assert tree(project / "generated") == old


@pytest.mark.parametrize("name,code", [("SIGINT", 130), ("SIGTERM", 143)])
def test_signal_after_the_write_leaves_the_new_tree(trees, name, code):
    project, _, new = trees
    done = hamlet(project, hook=("finish", name, 1))
    assert done.returncode == code
    assert done.stderr == f"hamlet: interrupted by {name}; every file was already written\n"
    assert tree(project / "generated") == new


def test_signal_from_outside(tmp_path):
    """A large project; the signal comes from this process as soon as the run has begun
    writing (a temp file appears), or later: wherever it lands, the tree is whole."""
    project = tmp_path / "big"
    (project / "src").mkdir(parents=True)
    (project / "src" / "lib.rs").write_text(source(150, "b"))
    assert hamlet(project).returncode == 0
    new = tree(project / "generated")
    (project / "src" / "lib.rs").write_text(source(150, "a"))
    assert hamlet(project).returncode == 0
    old = tree(project / "generated")
    (project / "src" / "lib.rs").write_text(source(150, "b"))
    for sig in (signal.SIGINT, signal.SIGTERM):
        child = subprocess.Popen(
            [sys.executable, "-m", "hamlet", "generate", "--no-cache"],
            cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        deadline = time.monotonic() + WAIT
        while child.poll() is None and time.monotonic() < deadline and not any(
            ".hamlet-" in name for _, _, names in os.walk(project / "generated") for name in names
        ):
            time.sleep(0.001)
        child.send_signal(sig)
        _, err = child.communicate(timeout=WAIT)
        after = tree(project / "generated")
        assert "Traceback" not in err
        assert not [name for name in after if name.endswith(".tmp")]
        assert after in (old, new), "all old or all new"
        if child.returncode != 0:  # 0: the signal came after the run had ended
            assert child.returncode == 128 + sig
            assert len(err.splitlines()) == 1 and err.startswith("hamlet: interrupted")
            assert (after == old) == err.endswith("; nothing written\n")
        # back to the old tree for the next signal
        (project / "src" / "lib.rs").write_text(source(150, "a"))
        assert hamlet(project).returncode == 0
        (project / "src" / "lib.rs").write_text(source(150, "b"))
        assert tree(project / "generated") == old


def test_sigkill_leftovers_are_cleaned_by_the_next_run(trees):
    project, old, new = trees
    done = hamlet(project, hook=("rename", "SIGKILL", 10))
    assert done.returncode == -signal.SIGKILL
    after = tree(project / "generated")
    temps = [name for name in after if ".hamlet-" in name and name.endswith(".tmp")]
    assert temps, "SIGKILL cannot be held: the temp files stay"
    # Files merely named like temp files are not Hamlet's to delete.
    planted = project / "generated" / "js" / ".workers.js.hamlet-0123abcd.tmp"
    planted.write_text("// the user's file with an unlucky name\n")
    link = project / "generated" / "js" / ".w000_main.js.hamlet-89abcdef.tmp"
    link.symlink_to(project / "generated" / "js" / "workers.js")

    rerun = hamlet(project)
    assert rerun.returncode == 0, rerun.stderr
    cleaned = sorted(line for line in rerun.stdout.splitlines() if "left by an interrupted run" in line)
    assert len(cleaned) == len(temps)
    final = tree(project / "generated")
    assert final == {**new, "js/.workers.js.hamlet-0123abcd.tmp": planted.read_bytes(),
                     "js/.w000_main.js.hamlet-89abcdef.tmp": final["js/.w000_main.js.hamlet-89abcdef.tmp"]}
    assert link.is_symlink() and planted.read_text().startswith("// the user's file")


def test_a_leftover_scaffold_is_recognised(tmp_path):
    """A temp file of a new handlers scaffold holds no notice, only its opening words."""
    project = tmp_path / "p"
    (project / "src").mkdir(parents=True)
    (project / "src" / "lib.rs").write_text(source(1, "a"))
    done = hamlet(project, hook=("rename", "SIGKILL", 1))
    assert done.returncode == -signal.SIGKILL
    temps = sorted(name for name in tree(project / "generated") if name.endswith(".tmp"))
    assert any(name.startswith("workers/.w000_handlers.js.hamlet-") for name in temps)
    rerun = hamlet(project)
    assert rerun.returncode == 0
    assert not [name for name in tree(project / "generated") if name.endswith(".tmp")]


@pytest.mark.parametrize("where", ["stage", "rename"])
def test_an_interrupted_first_run_leaves_no_folder_behind(tmp_path, where):
    project = tmp_path / "p"
    (project / "src").mkdir(parents=True)
    (project / "src" / "lib.rs").write_text(source(3, "a"))
    (project / "generated" / "js").mkdir(parents=True)  # there before: stays
    done = hamlet(project, hook=(where, "SIGINT", 3))
    assert done.returncode == 130 and "Traceback" not in done.stderr
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*")) == [
        "generated", "generated/js", "src", "src/lib.rs",
    ]


def test_ctrl_c_during_a_watch_write(trees):
    project, old, _ = trees
    done = hamlet(project, hook=("rename", "SIGINT", 5), command="watch")
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == "hamlet: interrupted by SIGINT; nothing written\n"
    assert tree(project / "generated") == old
