from pathlib import Path

import pytest

from hamlet.cli.config import find_config


def test_no_config_means_nothing_set(tmp_path):
    config = find_config(tmp_path)
    assert config.paths is None and config.elm_out is None and not config.diagnostics


def test_hamlet_toml_is_read_relative_to_its_folder(tmp_path):
    (tmp_path / "hamlet.toml").write_text(
        'paths = ["crates/app/src"]\nelm-out = "web/elm"\nstrict = true\n'
    )
    config = find_config(tmp_path)
    assert config.paths == ((tmp_path / "crates/app/src").as_posix(),)
    assert config.elm_out == (tmp_path / "web/elm").as_posix()
    assert config.strict is True
    assert config.js_out is None


def test_pyproject_tool_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.hamlet]\nworker-out = "public/workers"\n'
    )
    assert find_config(tmp_path).worker_out == (tmp_path / "public/workers").as_posix()


def test_hamlet_toml_wins_over_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.hamlet]\njs-out = "a"\n')
    (tmp_path / "hamlet.toml").write_text('js-out = "b"\n')
    assert find_config(tmp_path).js_out.endswith("/b")


def test_config_in_current_folder_keeps_paths_relative(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("hamlet.toml").write_text('paths = ["src"]\n')
    assert find_config(Path(".")).paths == ("src",)


def test_every_bad_setting_is_reported_with_its_line(tmp_path):
    (tmp_path / "hamlet.toml").write_text(
        'paths = "src"\nelm-out = 3\nsrtict = true\n'
    )
    diagnostics = find_config(tmp_path).diagnostics
    rendered = [d.render().split("\n")[0] for d in diagnostics]
    assert rendered == [
        "hamlet.toml:1:1: error: `paths` must be a list of strings",
        "hamlet.toml:2:1: error: `elm-out` must be a string",
        "hamlet.toml:3:1: error: unknown setting `srtict`",
    ]


def test_invalid_toml_is_a_located_error(tmp_path):
    (tmp_path / "hamlet.toml").write_text('paths = ["src"\n')
    (diagnostic,) = find_config(tmp_path).diagnostics
    assert diagnostic.loc.path == "hamlet.toml" and diagnostic.loc.line >= 1
    assert diagnostic.message.startswith("invalid TOML")


def test_unreadable_config_is_an_error_not_a_traceback(tmp_path, monkeypatch):
    (tmp_path / "hamlet.toml").write_text('paths = ["src"]\n')

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_text", refuse)
    (diagnostic,) = find_config(tmp_path).diagnostics
    assert diagnostic.render() == (
        "hamlet.toml: error: cannot read hamlet.toml: Permission denied\n"
        "  hint: check its permissions")


def test_pyproject_without_hamlet_table_is_no_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.black]\nline-length = 100\n[tool]\nx = 1\n')
    config = find_config(tmp_path)
    assert config.paths is None and not config.diagnostics


def test_dotted_tool_hamlet_key_is_found(tmp_path):
    (tmp_path / "pyproject.toml").write_text('# top\n\n  tool.hamlet = ["src"]\n[project]\n')
    (diagnostic,) = find_config(tmp_path).diagnostics
    assert diagnostic.render().splitlines()[0] == (
        "pyproject.toml:3:3: error: `tool.hamlet` must be a table, not an array")


def test_deep_nesting_is_found_past_strings_and_comments(tmp_path):
    """The place of "nested too deeply" is the value that nests, not a bracket in a
    string or a comment before it."""
    text = ('# [[[[ not this\nname = "[[[[ nor this"\nquote = """\n[[[\n"""\n'
            "paths = " + "[" * 3000 + "]" * 3000 + "\n")
    (tmp_path / "hamlet.toml").write_text(text)
    (diagnostic,) = find_config(tmp_path).diagnostics
    assert diagnostic.render().splitlines()[0] == "hamlet.toml:6:9: error: TOML nested too deeply"


@pytest.mark.parametrize("text, place", [
    ("a = 1\n  x" + ".x" * 20_000 + " = 1\n", "2:3"),  # tomllib: quadratic time
    ("[" + "t." * 20_000 + "t]\n", "1:1"),
    ("[tool.hamlet]\npaths = [\n  " + "[" * 3000 + "]" * 3000 + "\n]\n", "2:9"),
], ids=["dotted key", "table header", "array"])
def test_dotted_keys_and_headers_nested_too_deeply(tmp_path, text, place):
    (tmp_path / "pyproject.toml").write_text(text)
    (diagnostic,) = find_config(tmp_path).diagnostics
    assert diagnostic.render().splitlines()[0] == (
        f"pyproject.toml:{place}: error: TOML nested too deeply")


def test_many_dots_and_brackets_that_do_not_nest_are_fine(tmp_path):
    """Floats, dotted keys of a few parts, strings full of brackets: not too deep."""
    text = ("[tool.other.deep.enough]\nweights = [" + ", ".join(["0.5"] * 300) + "]\n"
            'pattern = "' + "[" * 300 + '"\n' + "".join(f"k{i}.b.c.d = 1\n" for i in range(100))
            + '[tool.hamlet]\npaths = ["src"]\n')
    (tmp_path / "pyproject.toml").write_text(text)
    config = find_config(tmp_path)
    assert not config.diagnostics and config.paths == ((tmp_path / "src").as_posix(),)
