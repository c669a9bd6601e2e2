"""docs/benchmarks.md, which both benchmarks write: each owns one section between its
markers and rewrites only that, so one benchmark's rerun leaves the other's tables.

    write_section(root, "glue", markdown_text)
    -> the text between `<!-- glue:begin ... -->` and `<!-- glue:end -->` is replaced
       (or the section is appended, with the page's intro if the page is new)
"""

from __future__ import annotations

from pathlib import Path

INTRO = """# Benchmarks

How fast Hamlet is, in numbers anyone can rerun. Every table below is written by a script
under `bench/` from runs made side by side on one machine; the tables quote medians,
because shared machines are noisy. Rerun them on yours with the command under each
section.
"""


def markers(name: str, script: str) -> tuple[str, str]:
    """("<!-- glue:begin (written by bench/glue/run.py; ...) -->", "<!-- glue:end -->")."""
    return (f"<!-- {name}:begin (written by {script}; edits here are overwritten) -->",
            f"<!-- {name}:end -->")


def write_section(root: Path, name: str, script: str, body: str) -> None:
    begin, end = markers(name, script)
    path = root / "docs" / "benchmarks.md"
    text = path.read_text(encoding="utf-8") if path.exists() else INTRO
    section = f"{begin}\n{body}{end}"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")
