"""Fixtures for the toolchain tests that open an example app in Chromium.

    open_page   `open_page(url)`: a fresh page in a context of its own, at `url`, with
                what goes wrong on it recorded (support.chromium.Watched); every
                context is closed after the test
"""

from __future__ import annotations

import pytest
from support.chromium import Watched


@pytest.fixture
def open_page(browser):
    contexts = []

    def open_at(url: str):
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        watched = Watched(page)
        page.goto(url)
        return page, watched

    yield open_at
    for context in contexts:
        context.close()
