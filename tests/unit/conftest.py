"""The unit tests' share of the test-support kit (tests/support, importable as
`support`), and the fixtures several modules use:

    seed     the seed's three workers by base name, loaded from examples/seed
    shapes   ShapesWorker, the worker the JavaScript tests run (support/shapes.py)
    golden   compare with, or (--update-golden) write, a file of tests/unit/golden/
"""

# The root conftest.py puts tests/ on sys.path, so `support` imports as a package.
from support.golden import golden  # noqa: F401 - fixtures, found by pytest here
from support.project import seed  # noqa: F401
from support.shapes import shapes  # noqa: F401
