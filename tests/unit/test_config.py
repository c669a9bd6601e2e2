from pathlib import Path

from hamlet.config import find_config


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
