"""Planning and writing output: only changed files, all or nothing, orphans by notice."""

import os

import pytest

from hamlet import write
from hamlet.emit.header import notice
from hamlet.model import OutputFile
from hamlet.write import Action


def roots(tmp_path):
    return {"elm": tmp_path / "elm", "js": tmp_path / "js", "worker": tmp_path / "workers"}


def test_plan_creates_then_leaves_unchanged_files_alone(tmp_path):
    files = [OutputFile("js", "a.js", "// a\n"), OutputFile("elm", "Workers/A.elm", "x\n")]
    first = write.plan(files, roots(tmp_path))
    assert [p.action for p in first] == [Action.CREATE, Action.CREATE]
    write.apply(first)
    target = tmp_path / "js" / "a.js"
    os.utime(target, (1_000_000, 1_000_000))
    again = write.plan(files, roots(tmp_path))
    assert [p.action for p in again] == [Action.UNCHANGED, Action.UNCHANGED]
    assert write.apply(again) == []
    assert target.stat().st_mtime == 1_000_000


def test_changed_content_is_an_update(tmp_path):
    write.apply(write.plan([OutputFile("js", "a.js", "old\n")], roots(tmp_path)))
    planned = write.plan([OutputFile("js", "a.js", "new\n")], roots(tmp_path))
    assert planned[0].action is Action.UPDATE
    write.apply(planned)
    assert (tmp_path / "js" / "a.js").read_text() == "new\n"


def test_scaffold_is_written_once_and_then_kept(tmp_path):
    scaffold = OutputFile("worker", "w_handlers.js", "// scaffold\n", scaffold=True)
    write.apply(write.plan([scaffold], roots(tmp_path)))
    path = tmp_path / "workers" / "w_handlers.js"
    path.write_text("// the user's code\n")
    planned = write.plan([scaffold], roots(tmp_path))
    assert planned[0].action is Action.KEEP
    write.apply(planned)
    assert path.read_text() == "// the user's code\n"


def test_interrupted_write_leaves_every_old_file_intact(tmp_path, monkeypatch):
    old = [OutputFile("js", f"f{i}.js", f"old {i}\n") for i in range(4)]
    write.apply(write.plan(old, roots(tmp_path)))
    new = [OutputFile("js", f"f{i}.js", f"new {i}\n") for i in range(4)]
    real_stage = write._stage
    calls = []

    def failing_stage(target, content):
        calls.append(target)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the user pressed Ctrl-C mid-run
        return real_stage(target, content)

    monkeypatch.setattr(write, "_stage", failing_stage)
    with pytest.raises(KeyboardInterrupt):
        write.apply(write.plan(new, roots(tmp_path)))
    folder = tmp_path / "js"
    assert sorted(p.name for p in folder.iterdir()) == [f"f{i}.js" for i in range(4)]
    assert [(folder / f"f{i}.js").read_text() for i in range(4)] == [f"old {i}\n" for i in range(4)]


def test_orphans_are_only_generated_files_of_scanned_sources(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "src").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "src" / "a.rs").write_text("")
    (tmp_path / "other" / "b.rs").write_text("")
    js = tmp_path / "js"
    js.mkdir()
    (js / "gone_main.js").write_text(f"// {notice('src/a.rs')}\n")
    (js / "deleted_main.js").write_text(f"// {notice('src/deleted.rs')}\n")
    (js / "foreign_main.js").write_text(f"// {notice('other/b.rs')}\n")
    (js / "mine.js").write_text("// hand-written, no notice\n")
    (js / "kept_main.js").write_text(f"// {notice('src/a.rs')}\n")
    planned = write.plan([OutputFile("js", "kept_main.js", "x")], {"js": js})
    found = write.orphans({"js": js}, planned, ["src"])
    assert [p.name for p in found] == ["deleted_main.js", "gone_main.js"]


def test_failed_rename_undoes_the_earlier_ones(tmp_path, monkeypatch):
    old = [OutputFile("js", f"f{i}.js", f"old {i}\n") for i in range(2)]
    write.apply(write.plan(old, roots(tmp_path)))
    new = [OutputFile("js", f"f{i}.js", f"new {i}\n") for i in range(4)]  # 2 updates, 2 creates
    real_replace, calls = os.replace, []

    def failing_replace(src, dst):
        calls.append(dst)
        if len(calls) == 4:
            raise OSError(28, "No space left on device", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        write.apply(write.plan(new, roots(tmp_path)))
    folder = tmp_path / "js"
    assert sorted(p.name for p in folder.iterdir()) == ["f0.js", "f1.js"]
    assert [(folder / f"f{i}.js").read_text() for i in range(2)] == ["old 0\n", "old 1\n"]


def test_new_files_follow_the_umask_and_updates_keep_their_mode(tmp_path):
    previous = os.umask(0o027)
    try:
        write.apply(write.plan([OutputFile("js", "a.js", "1\n")], roots(tmp_path)))
        target = tmp_path / "js" / "a.js"
        assert target.stat().st_mode & 0o777 == 0o640
        target.chmod(0o604)
        write.apply(write.plan([OutputFile("js", "a.js", "2\n")], roots(tmp_path)))
    finally:
        os.umask(previous)
    assert target.read_text() == "2\n" and target.stat().st_mode & 0o777 == 0o604
