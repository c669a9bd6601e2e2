"""Planning and writing output: only changed files, all or nothing, orphans by notice.

The files here carry the notice of `src/a.rs` under a run that scans `src` (`places`),
as real output does; what happens to files without it is in test_write_safety.py.
"""

import os

import pytest

from hamlet import write
from hamlet.write import atomic
from hamlet.emit.header import notice
from hamlet.model import OutputFile
from hamlet.write.places import Places, real_folder
from hamlet.write import Action


def roots(tmp_path):
    return {"elm": tmp_path / "elm", "js": tmp_path / "js", "worker": tmp_path / "workers"}


def places(tmp_path) -> Places:
    return Places(real_folder(str(tmp_path)), (real_folder(str(tmp_path / "src")),))


def gen(root: str, path: str, body: str) -> OutputFile:
    """A generated file of `src/a.rs`."""
    return OutputFile(root, path, f"// {notice('src/a.rs')}\n{body}")


def plan(files, tmp_path):
    found = write.plan(files, roots(tmp_path), places(tmp_path))
    assert found.ok, found.diagnostics
    return found


def texts(folder, names):
    return [(folder / name).read_text().splitlines()[-1] for name in names]


def test_plan_creates_then_leaves_unchanged_files_alone(tmp_path):
    files = [gen("js", "a.js", "a\n"), gen("elm", "Workers/A.elm", "x\n")]
    first = plan(files, tmp_path)
    assert [p.action for p in first.files] == [Action.CREATE, Action.CREATE]
    write.apply(first)
    target = tmp_path / "js" / "a.js"
    os.utime(target, (1_000_000, 1_000_000))
    again = plan(files, tmp_path)
    assert [p.action for p in again.files] == [Action.UNCHANGED, Action.UNCHANGED]
    assert write.apply(again) == []
    assert target.stat().st_mtime == 1_000_000


def test_changed_content_is_an_update(tmp_path):
    write.apply(plan([gen("js", "a.js", "old\n")], tmp_path))
    planned = plan([gen("js", "a.js", "new\n")], tmp_path)
    assert planned.files[0].action is Action.UPDATE
    write.apply(planned)
    assert texts(tmp_path / "js", ["a.js"]) == ["new"]


def test_scaffold_is_written_once_and_then_kept(tmp_path):
    scaffold = OutputFile("worker", "w_handlers.js", "// scaffold\n", scaffold=True)
    write.apply(plan([scaffold], tmp_path))
    path = tmp_path / "workers" / "w_handlers.js"
    path.write_text("// the user's code\n")
    planned = plan([scaffold], tmp_path)
    assert planned.files[0].action is Action.KEEP
    write.apply(planned)
    assert path.read_text() == "// the user's code\n"


def test_interrupted_write_leaves_every_old_file_intact(tmp_path, monkeypatch):
    old = [gen("js", f"f{i}.js", f"old {i}\n") for i in range(4)]
    write.apply(plan(old, tmp_path))
    new = [gen("js", f"f{i}.js", f"new {i}\n") for i in range(4)]
    real_stage = atomic.stage
    calls = []

    def failing_stage(target, content):
        calls.append(target)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the user pressed Ctrl-C mid-run
        return real_stage(target, content)

    monkeypatch.setattr(atomic, "stage", failing_stage)
    with pytest.raises(KeyboardInterrupt):
        write.apply(plan(new, tmp_path))
    folder = tmp_path / "js"
    assert sorted(p.name for p in folder.iterdir()) == [f"f{i}.js" for i in range(4)]
    assert texts(folder, [f"f{i}.js" for i in range(4)]) == [f"old {i}" for i in range(4)]


def test_orphans_are_only_generated_files_of_scanned_sources(tmp_path):
    """Never a link, nor a file reached through a link to a folder, nor one of another
    source, nor one that also names another source."""
    (tmp_path / "src").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "src" / "a.rs").write_text("")
    (tmp_path / "other" / "b.rs").write_text("")
    js = tmp_path / "js"
    js.mkdir()
    (js / "gone_main.js").write_text(f"// {notice('src/a.rs')}\n")
    (js / "deleted_main.js").write_text(f"// {notice('src/deleted.rs')}\n")
    (js / "foreign_main.js").write_text(f"// {notice('other/b.rs')}\n")
    (js / "gone_elsewhere.js").write_text(f"// {notice('other/deleted.rs')}\n")
    (js / "mixed.js").write_text(f"// {notice('other/b.rs, src/a.rs')}\n")
    (js / "mine.js").write_text("// hand-written, no notice\n")
    (js / "kept_main.js").write_text(f"// {notice('src/a.rs')}\n")
    (js / ".hidden_main.js").write_text(f"// {notice('src/a.rs')}\n")
    (js / "gone_link.js").symlink_to(js / "gone_main.js")
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "lib.js").write_text(f"// {notice('src/a.rs')}\n")
    (js / "vendor").symlink_to(tmp_path / "vendor", target_is_directory=True)
    found = plan([gen("js", "kept_main.js", "x")], tmp_path)
    assert [p.name for p in found.orphans] == ["deleted_main.js", "gone_main.js"]


def test_failed_rename_undoes_the_earlier_ones(tmp_path, monkeypatch):
    old = [gen("js", f"f{i}.js", f"old {i}\n") for i in range(2)]
    write.apply(plan(old, tmp_path))
    (tmp_path / "js" / "gone.js").write_text(f"// {notice('src/a.rs')}\nan orphan\n")
    new = [gen("js", f"f{i}.js", f"new {i}\n") for i in range(4)]  # 2 updates, 2 creates
    planned = plan(new, tmp_path)
    assert [p.name for p in planned.orphans] == ["gone.js"]
    real_link, calls = os.link, []

    def failing_link(src, dst, **kwargs):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(dst))
        return real_link(src, dst, **kwargs)

    monkeypatch.setattr(os, "link", failing_link)
    with pytest.raises(OSError):
        write.apply(planned)
    folder = tmp_path / "js"
    assert sorted(p.name for p in folder.iterdir()) == ["f0.js", "f1.js", "gone.js"]
    assert texts(folder, ["f0.js", "f1.js", "gone.js"]) == ["old 0", "old 1", "an orphan"]


def test_a_failed_removal_puts_back_what_was_written(tmp_path, monkeypatch):
    write.apply(plan([gen("js", "a.js", "old\n")], tmp_path))
    (tmp_path / "js" / "gone.js").write_text(f"// {notice('src/a.rs')}\n")
    planned = plan([gen("js", "a.js", "new\n"), gen("js", "b.js", "new\n")], tmp_path)

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(src))

    monkeypatch.setattr(os, "rename", refuse)
    with pytest.raises(PermissionError):
        write.apply(planned)
    assert sorted(p.name for p in (tmp_path / "js").iterdir()) == ["a.js", "gone.js"]
    assert texts(tmp_path / "js", ["a.js"]) == ["old"]


def test_new_files_follow_the_umask_and_updates_keep_their_mode(tmp_path):
    previous = os.umask(0o027)
    try:
        write.apply(plan([gen("js", "a.js", "1\n")], tmp_path))
        target = tmp_path / "js" / "a.js"
        assert target.stat().st_mode & 0o777 == 0o640
        target.chmod(0o604)
        write.apply(plan([gen("js", "a.js", "2\n")], tmp_path))
    finally:
        os.umask(previous)
    assert texts(tmp_path / "js", ["a.js"]) == ["2"] and target.stat().st_mode & 0o777 == 0o604
