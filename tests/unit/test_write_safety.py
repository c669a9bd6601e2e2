"""No file that is not Hamlet's is lost or overwritten: the command line on real folders.

    test_*_one_path*            two outputs meeting at one path: an error naming both
                                workers, nothing written, `--check` says so too
    test_*_not_hamlets*         a file without the notice, a link, a folder, a FIFO or
                                another project's output where a generated file goes
    test_crates_*               two crates with hamlet.toml files sharing output folders:
                                neither run removes or rewrites the other's files
    test_headers_*              no machine path in any output; the same bytes from any
                                working folder, absolute PATH or relative
    test_write_errors_are_in_the_catalogue   docs/errors.md quotes each of these errors

Interrupted runs (signals) are in test_interrupts.py.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from hamlet.cli import main
from hamlet.emit.header import notice

ROOT = Path(__file__).resolve().parents[2]


def worker(base: str, types: str = "", field: str = "n: u32") -> str:
    return (
        f"{types}#[derive(BuildAmpWorker)]\npub enum {base}Message {{\n"
        f"    Run {{ {field} }},\n    Finished {{ n: u32 }},\n    RunFailed {{ error: String }},\n}}\n"
    )


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def put(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def tree(folder: Path) -> dict[str, bytes]:
    """Every file, link and folder below `folder`, hidden ones included."""
    found = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[key] = b"-> " + os.readlink(path).encode()
        elif path.is_file():
            found[key] = path.read_bytes()
        elif path.is_dir():
            found[key] = b"<dir>"
    return found


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def errors(err: str) -> list[str]:
    return [line for line in err.splitlines() if ": error: " in line]


# ---- 1. two outputs with one path ---------------------------------------------------


def test_a_worker_named_after_anothers_handlers_file_is_one_path(project, capsys):
    put(project / "src" / "lib.rs", worker("Event"))
    assert run(["generate", "--no-cache"], capsys)[0] == 0
    handlers = project / "generated" / "workers" / "event_handlers.js"
    handlers.write_text("export async function handleRun(request, reply) { reply.finished({ n: 1 }); }\n")
    before = tree(project / "generated")

    put(project / "src" / "lib.rs", worker("Event") + "\n" + worker("EventHandlers"))
    for extra in ([], ["--check"]):
        code, out, err = run(["generate", "--no-cache", *extra], capsys)
        assert code == 1 and out == ""
        assert err == (
            "src/lib.rs:9:1: error: worker `EventHandlersMessage` and worker `EventMessage` at "
            "src/lib.rs:2:1 both write generated/workers/event_handlers.js\n"
            "  hint: rename one of the enums; generated files are named after them\n"
            "hamlet: 1 error; nothing written\n"
        )
        assert tree(project / "generated") == before


def test_one_folder_for_every_output_is_one_path_for_several_files(project, capsys):
    put(project / "src" / "lib.rs", "\n".join(worker(b) for b in ("Image", "ImageMain", "Workers")))
    flags = ["--elm-out", "out", "--js-out", "out", "--worker-out", "out"]
    for extra in ([], ["--check"]):
        code, out, err = run(["generate", "--no-cache", *flags, *extra], capsys)
        assert code == 1 and out == ""
        # The entry and the main JS clash, and so do their declarations.
        assert errors(err) == [
            "src/lib.rs:9:1: error: worker `ImageMainMessage` and worker `ImageMessage` at "
            "src/lib.rs:2:1 both write out/image_main.d.ts",
            "src/lib.rs:9:1: error: worker `ImageMainMessage` and worker `ImageMessage` at "
            "src/lib.rs:2:1 both write out/image_main.js",
            "src/lib.rs:16:1: error: worker `WorkersMessage` and the shared workers.d.ts both "
            "write out/workers.d.ts",
            "src/lib.rs:16:1: error: worker `WorkersMessage` and the shared workers.js both "
            "write out/workers.js",
        ]
        assert "  hint: rename one of the enums, or give --elm-out, --js-out and --worker-out " \
            "separate folders" in err.splitlines()
        assert not (project / "out").exists()
    # Separate folders are the fix: every file then has a path of its own.
    code, out, _ = run(["generate", "--no-cache"], capsys)
    assert code == 0 and "hamlet: 3 workers: 23 written" in out


def test_paths_that_differ_only_in_case_are_one_path(project, capsys):
    put(project / "src" / "lib.rs", worker("Image") + "\n" + worker("ImageMain"))
    code, _, err = run(["generate", "--no-cache", "--js-out", "OUT", "--worker-out", "out"], capsys)
    assert code == 1
    assert errors(err) == [
        "src/lib.rs:9:1: error: worker `ImageMainMessage` and worker `ImageMessage` at src/lib.rs:2:1 "
        f"both write OUT/image_main.{ext} and out/image_main.{ext}, one file where case does not count"
        for ext in ("d.ts", "js")
    ]
    assert sorted(p.name for p in project.iterdir()) == ["src"]


def test_a_linked_output_folder_is_the_folder_it_links_to(project, capsys):
    put(project / "src" / "lib.rs", worker("Image") + "\n" + worker("ImageMain"))
    (project / "web" / "workers").mkdir(parents=True)
    (project / "web" / "js").symlink_to("workers", target_is_directory=True)
    code, _, err = run(["generate", "--no-cache", "--js-out", "web/js", "--worker-out", "web/workers"],
                       capsys)
    assert code == 1
    assert "both write web/js/image_main.js and web/workers/image_main.js, one file through a link" in err
    assert os.listdir(project / "web" / "workers") == []


# ---- 2. a file that is not Hamlet's is never overwritten -----------------------------

TYPES = "pub struct Size { w: u32, h: u32 }\n\n"
# One target of each kind: (output root, path below it).
TARGETS = [
    ("elm", "Workers/Image.elm"),
    ("elm", "Workers/Types.elm"),
    ("js", "image_main.js"),
    ("js", "workers.js"),
    ("workers", "image.js"),
    ("workers", "image.schema.json"),
]


@pytest.mark.parametrize("root,path", TARGETS)
def test_a_hand_written_file_where_a_generated_file_goes_is_not_hamlets(project, capsys, root, path):
    put(project / "src" / "lib.rs", worker("Image", types=TYPES, field="size: Size"))
    mine = put(project / "generated" / root / path, "// my own file, written by hand\n")
    code, out, err = run(["generate", "--no-cache"], capsys)
    assert code == 1 and out == ""
    assert err == (
        f"generated/{root}/{path}: error: this file has no `Generated by Hamlet` notice, "
        "so Hamlet will not overwrite it\n"
        "  hint: move it away, or delete it to let Hamlet own this path\n"
        "hamlet: 1 error; nothing written\n"
    )
    assert tree(project / "generated") == {**_folders(root, path), f"{root}/{path}": mine.read_bytes()}
    assert mine.read_text() == "// my own file, written by hand\n"
    mine.unlink()
    assert run(["generate", "--no-cache"], capsys)[0] == 0
    assert "Generated by Hamlet from src/lib.rs" in mine.read_text()


def test_a_rust_module_where_the_crate_root_is_never_written_nor_deleted_by_advice(project, capsys):
    """`--rust-out src` with a worker `LibMessage`: its module would be src/lib.rs, the
    crate root Hamlet reads. Refused like any file without the notice, with a hint that
    points at the folder, not at deleting the user's source."""
    crate_root = put(project / "src" / "lib.rs", (
        "#[derive(BuildAmpWorker)]\n#[worker(rust)]\npub enum LibMessage {\n"
        "    Check { text: String },\n    Checked,\n    CheckFailed { error: String },\n}\n"))
    before = crate_root.read_bytes()
    code, out, err = run(["generate", "--no-cache", "--rust-out", "src"], capsys)
    assert code == 1 and out == ""
    assert err == (
        "src/lib.rs: error: this file has no `Generated by Hamlet` notice, so Hamlet will not overwrite it\n"
        "  hint: it is one of the Rust sources this run reads: give --rust-out a folder of its own, "
        "such as src/generated\n"
        "hamlet: 1 error; nothing written\n"
    )
    assert crate_root.read_bytes() == before and not (project / "generated").exists()


def _folders(root: str, path: str) -> dict[str, bytes]:
    parts = f"{root}/{path}".split("/")[:-1]
    return {"/".join(parts[: i + 1]): b"<dir>" for i in range(len(parts))}


def test_watch_refuses_a_hand_written_file_and_keeps_watching(project, capsys):
    """`hamlet watch` plans through the same code: each run reports, none writes."""
    import threading

    from hamlet.cli import Settings, run_generate
    from hamlet.cli.watch import watch

    put(project / "src" / "lib.rs", worker("Image"))
    mine = put(project / "generated" / "js" / "workers.js", "export const mine = 1;\n")
    stop, runs = threading.Event(), []

    def run(settings):
        runs.append(run_generate(settings))
        stop.set()
        return runs[-1]

    roots = {"elm": Path("generated/elm"), "js": Path("generated/js"), "worker": Path("generated/workers")}
    watch(Settings(("src",), roots, strict=False, cache=False), run, stop)
    assert runs == [1]
    assert "generated/js/workers.js: error: this file has no `Generated by Hamlet` notice" in capsys.readouterr()[1]
    assert sorted(p.name for p in (project / "generated").rglob("*")) == ["js", "workers.js"]
    assert mine.read_text() == "export const mine = 1;\n"


def test_a_hand_written_workers_js_is_reported_by_check_too(project, capsys):
    put(project / "src" / "lib.rs", worker("Image"))
    put(project / "generated" / "js" / "workers.js", "export const mine = 1;\n")
    code, _, err = run(["generate", "--no-cache", "--check"], capsys)
    assert code == 1
    assert errors(err) == [
        "generated/js/workers.js: error: this file has no `Generated by Hamlet` notice, "
        "so Hamlet will not overwrite it"
    ]
    assert "missing:" not in err


def test_a_link_where_a_generated_file_goes_is_never_followed_or_replaced(project, capsys):
    put(project / "src" / "lib.rs", worker("Image"))
    outside = put(project / "elsewhere" / "notes.js", "// the user's notes\n")
    stale = put(project / "elsewhere" / "old.js", f"// {notice('src/lib.rs')}\n")
    js = project / "generated" / "js"
    js.mkdir(parents=True)
    (js / "image_main.js").symlink_to(outside)
    (js / "workers.js").symlink_to(stale)  # even a link to a generated file
    (project / "generated" / "workers").mkdir()
    (project / "generated" / "workers" / "image.js").symlink_to(project / "nowhere.js")
    before = tree(project)
    code, _, err = run(["generate", "--no-cache"], capsys)
    assert code == 1
    assert [line.split(": error: ")[0] for line in errors(err)] == [
        "generated/js/image_main.js", "generated/js/workers.js",
        "generated/workers/image.js",
    ]
    assert "error: a symbolic link is in the way of a generated file" in err
    assert tree(project) == before


def test_a_folder_or_a_fifo_where_a_generated_file_goes(project, capsys):
    put(project / "src" / "lib.rs", worker("Image"))
    put(project / "generated" / "js" / "workers.js" / "keep.txt", "a folder with a file in it\n")
    os.mkfifo(project / "generated" / "js" / "image_main.js")
    before = tree(project / "generated")
    code, _, err = run(["generate", "--no-cache"], capsys)
    assert code == 1
    assert errors(err) == [
        "generated/js/image_main.js: error: a special file (not a regular file) is in the way of a generated file",
        "generated/js/workers.js: error: a folder is in the way of a generated file",
    ]
    assert tree(project / "generated") == before


def test_a_scaffold_path_holding_anything_is_the_users(project, capsys):
    put(project / "src" / "lib.rs", worker("Image"))
    shared = put(project / "shared" / "handlers.js", "export async function handleRun() {}\n")
    (project / "generated" / "workers").mkdir(parents=True)
    (project / "generated" / "workers" / "image_handlers.js").symlink_to(shared)
    assert run(["generate", "--no-cache"], capsys)[0] == 0
    assert (project / "generated" / "workers" / "image_handlers.js").is_symlink()
    assert shared.read_text() == "export async function handleRun() {}\n"


def test_a_file_generated_from_another_projects_source_is_not_overwritten(project, capsys):
    put(project / "src" / "lib.rs", worker("Image"))
    put(project / "other" / "src" / "lib.rs", worker("Audio"))
    foreign = put(project / "generated" / "js" / "workers.js", f"// {notice('other/src/lib.rs')}\n")
    code, _, err = run(["generate", "--no-cache"], capsys)
    assert code == 1
    assert err.splitlines()[:2] == [
        "generated/js/workers.js: error: this file was generated from other/src/lib.rs, "
        "which this run does not read",
        "  hint: run Hamlet over every source of that project, or give each project its own "
        "--js-out folder",
    ]
    assert foreign.read_text() == f"// {notice('other/src/lib.rs')}\n"
    # A notice whose source is gone (an old run, an older Hamlet) is Hamlet's to replace.
    foreign.write_text(f"// {notice('/somewhere/else/lib.rs')}\n")
    assert run(["generate", "--no-cache"], capsys)[0] == 0
    assert "src/lib.rs" in foreign.read_text()


# ---- 3. another crate's output is never removed --------------------------------------

CRATE_CONFIG = """\
paths = ["src"]
elm-out = "../../web/elm"
js-out = "../../web/js/{crate}"
worker-out = "../../web/workers"
"""


def crates(root: Path, a_file: str, b_file: str) -> None:
    """crates/a and crates/b, each a hamlet.toml; a has workers Alpha and Gamma, b has
    Beta and Delta. Each has its own js-out (workers.js is one per run); the Elm and
    worker folders are shared."""
    (root / ".git").mkdir()
    for crate, source, bases in (("a", a_file, ("Alpha", "Gamma")), ("b", b_file, ("Beta", "Delta"))):
        put(root / "crates" / crate / "hamlet.toml", CRATE_CONFIG.format(crate=crate))
        put(root / "crates" / crate / "src" / source, "\n".join(worker(b) for b in bases))


def generated_in(crate: Path, capsys, *extra: str) -> tuple[int, str, str]:
    here = os.getcwd()
    os.chdir(crate)
    try:
        return run(["generate", "--no-cache", *extra], capsys)
    finally:
        os.chdir(here)


def files_of(web: Path, *bases: str) -> dict[str, bytes]:
    return {
        name: data for name, data in tree(web).items()
        if any(b.lower() in name.lower() for b in bases) and data != b"<dir>"
    }


@pytest.mark.parametrize("a_file,b_file", [("lib.rs", "lib.rs"), ("alpha.rs", "beta.rs")])
def test_crates_sharing_output_folders_keep_each_others_files(tmp_path, capsys, a_file, b_file):
    crates(tmp_path, a_file, b_file)
    a, b, web = tmp_path / "crates" / "a", tmp_path / "crates" / "b", tmp_path / "web"
    assert generated_in(b, capsys)[0] == 0
    assert generated_in(a, capsys)[0] == 0
    beta = (web / "elm" / "Workers" / "Beta.elm").read_text()
    assert f"Generated by Hamlet from crates/b/src/{b_file}." in beta
    assert f"Generated by Hamlet from crates/a/src/{a_file}." in (web / "workers" / "alpha.js").read_text()
    b_files = files_of(web, "beta", "delta", "js/b/")
    assert len(b_files) == 16

    # a loses Gamma: a's run removes Gamma's files, and only those.
    put(a / "src" / a_file, worker("Alpha"))
    code, _, err = generated_in(a, capsys, "--check")
    assert code == 1 and "orphaned: ../../web/elm/Workers/Gamma.elm (its worker is gone)" in err
    assert "beta" not in err.lower() and "delta" not in err.lower()
    code, out, _ = generated_in(a, capsys)
    assert code == 0
    assert sorted(line for line in out.splitlines() if line.startswith("removed")) == [
        "removed ../../web/elm/Workers/Gamma.elm",
        "removed ../../web/js/a/gamma_main.d.ts",
        "removed ../../web/js/a/gamma_main.js",
        "removed ../../web/workers/gamma.d.ts",
        "removed ../../web/workers/gamma.js",
        "removed ../../web/workers/gamma.schema.json",
    ]
    assert files_of(web, "beta", "delta", "js/b/") == b_files
    assert generated_in(b, capsys, "--check")[0] == 0
    assert generated_in(a, capsys, "--check")[0] == 0
    # and b's run leaves a's files alone as well.
    put(b / "src" / b_file, "// no workers left\n")
    a_files = files_of(web, "alpha", "js/a/")
    assert generated_in(b, capsys)[0] == 0
    assert files_of(web, "alpha", "js/a/") == a_files
    assert files_of(web, "beta", "delta") == {"workers/beta_handlers.js": b_files["workers/beta_handlers.js"],
                                              "workers/delta_handlers.js": b_files["workers/delta_handlers.js"]}


def test_crates_sharing_js_out_would_overwrite_each_others_workers_js(tmp_path, capsys):
    crates(tmp_path, "lib.rs", "lib.rs")
    for crate in ("a", "b"):
        config = tmp_path / "crates" / crate / "hamlet.toml"
        config.write_text(config.read_text().replace(f"js/{crate}", "js"))
    assert generated_in(tmp_path / "crates" / "b", capsys)[0] == 0
    before = tree(tmp_path / "web")
    code, _, err = generated_in(tmp_path / "crates" / "a", capsys)
    assert code == 1
    assert errors(err) == [
        f"../../web/js/workers.{ext}: error: this file was generated from crates/b/src/lib.rs, "
        "which this run does not read"
        for ext in ("d.ts", "js")
    ]
    assert tree(tmp_path / "web") == before


def test_crates_with_outputs_outside_the_repository_leave_orphans_in_place(tmp_path, capsys):
    """Each crate its own repository, both writing to a folder outside them: their
    notices both say src/lib.rs, so neither can tell the other's files from its own."""
    for crate, bases in (("a", ("Alpha", "Gamma")), ("b", ("Beta",))):
        (tmp_path / crate / ".git").mkdir(parents=True)
        put(tmp_path / crate / "src" / "lib.rs", "\n".join(worker(b) for b in bases))
        put(tmp_path / crate / "hamlet.toml",
            f'elm-out = "../web/elm"\njs-out = "../web/{crate}"\nworker-out = "../web/workers"\n')
    assert generated_in(tmp_path / "b", capsys)[0] == 0
    assert generated_in(tmp_path / "a", capsys)[0] == 0
    assert "Generated by Hamlet from src/lib.rs." in (tmp_path / "web" / "workers" / "beta.js").read_text()
    put(tmp_path / "a" / "src" / "lib.rs", worker("Alpha"))
    before = tree(tmp_path / "web")
    code, out, err = generated_in(tmp_path / "a", capsys)
    assert code == 0
    assert not [line for line in out.splitlines() if line.startswith("removed")]
    assert out.splitlines()[-1].endswith("0 removed, 10 warnings"), err
    left = [line.split(": warning: ")[0] for line in err.splitlines() if "warning: left" in line]
    assert left == [
        "../web/a/gamma_main.d.ts", "../web/a/gamma_main.js", "../web/elm/Workers/Beta.elm",
        "../web/elm/Workers/Gamma.elm", "../web/workers/beta.d.ts", "../web/workers/beta.js",
        "../web/workers/beta.schema.json", "../web/workers/gamma.d.ts", "../web/workers/gamma.js",
        "../web/workers/gamma.schema.json",
    ]
    assert (
        "../web/elm/Workers/Gamma.elm: warning: left in place: no worker of this run writes "
        "it, and this folder lies outside the project, where another project's files would "
        "carry the same notice" in err.splitlines()
    )
    changed = {k for k in tree(tmp_path / "web") if tree(tmp_path / "web")[k] != before.get(k)}
    assert changed == {"a/workers.js", "a/workers.d.ts"}
    assert generated_in(tmp_path / "a", capsys, "--check")[0] == 0


# ---- 4. headers hold no machine path --------------------------------------------------

TYPESHARE = """\
pub struct MoreOptions { verbose: bool }

#[derive(BuildAmpWorker)]
pub enum OptionsWorkerMessage {
    Apply { options: MoreOptions },
    Applied { ok: bool },
    ApplyFailed { error: String },
}
"""


def test_headers_hold_no_machine_path_and_not_the_working_folder(tmp_path, monkeypatch, capsys):
    app = tmp_path / "app"
    put(app / "src" / "typeshare.rs", TYPESHARE)
    (tmp_path / "elsewhere").mkdir()
    runs = {
        "relative": (app, ["src"]),
        "absolute": (app, [str(app / "src")]),
        "from a subfolder": (app / "src", ["."]),
        "from elsewhere": (tmp_path / "elsewhere", [str(app / "src")]),
    }
    outputs = {}
    for name, (here, paths) in runs.items():
        out = tmp_path / "out" / name.replace(" ", "_")
        monkeypatch.chdir(here)
        flags = ["--elm-out", str(app / "generated" / "elm"), "--js-out", str(app / "generated" / "js"),
                 "--worker-out", str(app / "generated" / "workers")]
        shutil.rmtree(app / "generated", ignore_errors=True)
        assert run(["generate", "--no-cache", *paths, *flags], capsys)[0] == 0
        shutil.copytree(app / "generated", out)
        outputs[name] = tree(out)
    first = outputs["relative"]
    assert all(files == first for files in outputs.values())
    types = first["elm/Workers/Types.elm"].decode()
    assert "{-| The Rust type `MoreOptions` of `src/typeshare.rs`." in types
    for name, data in first.items():
        if data == b"<dir>":
            continue
        text = data.decode()
        assert str(tmp_path) not in text and "/tmp" not in text, name
        assert "src/typeshare.rs" in text, name  # every file names its source


def test_headers_name_sources_the_same_with_the_cache(project, capsys, monkeypatch):
    """The cache keeps the last Result; a run with other outputs (another anchor) must
    not get the names of the one before."""
    put(project / "app" / "src" / "lib.rs", worker("Image"))
    monkeypatch.chdir(project / "app")
    assert run(["generate"], capsys)[0] == 0
    assert run(["generate", "--elm-out", "../web/elm"], capsys)[0] == 0
    assert "Generated by Hamlet from app/src/lib.rs." in (project / "web" / "elm" / "Workers" / "Image.elm").read_text()


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_shared_files_whose_notice_names_many_sources_stay_hamlets(project, capsys, cache):
    """workers.js and Types.elm name every source on one notice line: 120 files make it
    over 5,000 characters, and Hamlet must still know both files as its own when it
    rewrites them and when it removes one as an orphan."""
    files = [project / "src" / f"a_rather_long_module_name_for_worker_{i:03}.rs" for i in range(120)]
    types = "pub struct Size { pub w: u32 }\n"
    for i, path in enumerate(files):
        put(path, worker(f"W{i:03}", f"pub struct Size{i:03} {{ pub w: u32 }}\n", f"size: Size{i:03}"))
    assert run(["generate", *cache], capsys)[0] == 0
    shared = [project / "generated" / "js" / "workers.js", project / "generated" / "elm" / "Workers" / "Types.elm"]
    assert all(len(path.read_text().splitlines()[0]) > 5000 for path in shared)
    files[0].write_text(worker("W000", field="n: u64"), encoding="utf-8")
    code, _, err = run(["generate", *cache], capsys)
    assert code == 0, err
    assert run(["generate", "--check", *cache], capsys)[0] == 0
    # No message uses a domain type any more: Types.elm is an orphan, and goes.
    for i, path in enumerate(files):
        path.write_text(types + worker(f"W{i:03}"), encoding="utf-8")
    code, _, err = run(["generate", *cache], capsys)
    assert code == 0, err
    assert not shared[1].exists() and shared[0].exists()
    assert run(["generate", "--check", *cache], capsys)[0] == 0


# ---- the catalogue ----------------------------------------------------------------------


def test_write_errors_are_in_the_catalogue(project, capsys):
    """Every error and hint line above, with the paths of the catalogue's examples."""
    docs = set((ROOT / "docs" / "errors.md").read_text(encoding="utf-8").splitlines())
    put(project / "src" / "lib.rs", worker("Event") + "\n" + worker("EventHandlers"))
    lines = run(["generate", "--no-cache"], capsys)[2].splitlines()[:-1]
    put(project / "src" / "lib.rs", "\n".join(worker(b) for b in ("Image", "ImageMain")))
    flags = ["--elm-out", "out", "--js-out", "out", "--worker-out", "out"]
    lines += run(["generate", "--no-cache", *flags], capsys)[2].splitlines()[:-1]
    put(project / "generated" / "js" / "workers.js", "export const mine = 1;\n")
    put(project / "generated" / "js" / "image_main.js", f"// {notice('other/src/lib.rs')}\n")
    put(project / "other" / "src" / "lib.rs", "")
    (project / "generated" / "workers" / "image.js").mkdir(parents=True)
    lines += run(["generate", "--no-cache"], capsys)[2].splitlines()[:-1]
    assert len(lines) == 12
    missing = [line for line in lines if line not in docs]
    assert not missing, "docs/errors.md does not quote:\n" + "\n".join(missing)
    assert re.search(r"warning: left in place: no worker of this run writes it, and this folder "
                     r"lies outside the project, where another project's files would carry the "
                     r"same notice", "\n".join(docs))
