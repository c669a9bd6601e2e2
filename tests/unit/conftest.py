"""The unit tests' share of the test-support kit (tests/support, importable as
`support`), and the fixtures several modules use:

    seed     the seed's three workers by base name, loaded from examples/seed
    shapes   ShapesWorker, the worker the JavaScript tests run (support/shapes.py)
    golden   compare with, or (--update-golden) write, a file of tests/unit/golden/
"""

import sys
from pathlib import Path

TESTS = str(Path(__file__).resolve().parents[1])
if TESTS not in sys.path:
    sys.path.insert(0, TESTS)

from support.golden import golden  # noqa: E402,F401 - fixtures, found by pytest here
from support.project import seed  # noqa: E402,F401
from support.shapes import shapes  # noqa: E402,F401
