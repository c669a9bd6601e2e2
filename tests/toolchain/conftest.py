"""Fixtures for the toolchain tests that open an example app in Chromium.

    open_page   `open_page(url, init_script=None)`: a fresh page in a context of its
                own, at `url`, with what goes wrong on it recorded
                (support.chromium.Watched) and `init_script` run before the page's
                own scripts; every context is closed after the test
"""

from __future__ import annotations

import pytest
from support.chromium import Watched


@pytest.fixture
def open_page(browser):
    contexts = []

    def open_at(url: str, init_script: str | None = None):
        context = browser.new_context()
        contexts.append(context)
        if init_script is not None:
            context.add_init_script(init_script)
        page = context.new_page()
        watched = Watched(page)
        page.goto(url)
        return page, watched

    yield open_at
    for context in contexts:
        context.close()
