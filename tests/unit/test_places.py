"""The anchor that generated files name their sources from (hamlet.write.places), on real
folders: the usual layout, a monorepo sharing output folders, outputs outside the
repository, absolute and relative PATHs, and the working directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hamlet.write.places import Places, find_places, real_folder


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """tmp/repo (a git repository) with crates a and b, and tmp/elsewhere."""
    repo = tmp_path / "repo"
    for crate in ("a", "b"):
        (repo / "crates" / crate / "src").mkdir(parents=True)
        (repo / "crates" / crate / "src" / "lib.rs").write_text("")
    (repo / ".git").mkdir()
    (tmp_path / "elsewhere").mkdir()
    return tmp_path


def outputs(base: str) -> list[str]:
    return [f"{base}/elm", f"{base}/js", f"{base}/workers"]


def test_usual_layout_names_sources_from_the_project_folder(tree, monkeypatch):
    crate = tree / "repo" / "crates" / "a"
    monkeypatch.chdir(crate)
    places = find_places(["src"], outputs("generated"), config=".")
    assert places.anchor == real_folder(str(crate))
    assert places.name("src/lib.rs") == "src/lib.rs"
    assert places.outside == ()


def test_shared_output_folders_name_sources_from_the_folder_they_share(tree, monkeypatch):
    monkeypatch.chdir(tree / "repo" / "crates" / "a")
    a = find_places(["src"], outputs("../../web"), config=".")
    monkeypatch.chdir(tree / "repo" / "crates" / "b")
    b = find_places(["src"], outputs("../../web"), config=".")
    assert a.anchor == b.anchor == real_folder(str(tree / "repo"))
    assert b.name("src/lib.rs") == "crates/b/src/lib.rs"
    assert a.scans("crates/a/src/lib.rs") and a.scans("crates/a/src/deleted.rs")
    assert not a.scans("crates/b/src/lib.rs") and not a.scans("src/lib.rs")


def test_the_anchor_never_rises_above_the_repository(tree, monkeypatch):
    monkeypatch.chdir(tree / "repo" / "crates" / "a")
    places = find_places(["src"], outputs("../../../elsewhere"), config=".")
    assert places.anchor == real_folder(".")  # the config file's folder
    assert places.name("src/lib.rs") == "src/lib.rs"
    assert places.outside == tuple(sorted(real_folder(o) for o in outputs("../../../elsewhere")))
    assert places.is_shared(tree / "elsewhere" / "elm" / "Workers")
    assert not places.is_shared(tree / "repo" / "crates" / "a" / "generated")


def test_without_a_repository_the_anchor_is_the_common_folder(tmp_path, monkeypatch):
    (tmp_path / "app" / "src").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "app")
    places = find_places(["src"], outputs("../web"))
    assert places.anchor == real_folder(str(tmp_path))
    assert places.name("src/lib.rs") == "app/src/lib.rs"


def test_names_do_not_depend_on_the_working_folder_or_on_absolute_paths(tree, monkeypatch):
    crate = tree / "repo" / "crates" / "a"
    seen = set()
    for here, paths, outs in [
        (crate, ["src"], outputs("generated")),
        (crate, [str(crate / "src")], outputs(str(crate / "generated"))),
        (crate / "src", ["."], outputs("../generated")),
        (tree / "elsewhere", [str(crate / "src")], outputs(str(crate / "generated"))),
        (Path("/"), [str(crate / "src")], outputs(str(crate / "generated"))),
    ]:
        monkeypatch.chdir(here)
        places = find_places(paths, outs)
        source = os.path.join(paths[0], "lib.rs")
        seen.add((places.anchor, places.name(source)))
    assert seen == {(real_folder(str(crate)), "src/lib.rs")}


def test_links_to_a_folder_name_what_they_lead_to(tree, monkeypatch):
    crate = tree / "repo" / "crates" / "a"
    (tree / "link").symlink_to(crate, target_is_directory=True)
    monkeypatch.chdir(crate)
    via_link = find_places([str(tree / "link" / "src")], outputs("generated"))
    assert via_link.name(str(tree / "link" / "src" / "lib.rs")) == "src/lib.rs"


def test_notice_names_resolve_inside_the_anchor_only_as_written():
    places = Places("/p", ("/p/src",))
    assert places.locate("src/a.rs") == "/p/src/a.rs"
    assert places.scans("src/x/y.rs")
    assert not places.scans("src/../other/a.rs")
    assert not places.scans("/etc/passwd")
    assert not places.scans("srcfoo/a.rs")
