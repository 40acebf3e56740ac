"""Run a coroutine to its end from a test, whatever event loop the test's thread already has.

Playwright's sync API keeps an event loop running in the main thread for the whole test
session once a browser test has started, and ``asyncio.run`` refuses to start another there.
So the coroutine runs in a thread of its own, with a loop of its own.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Coroutine
from typing import Any


def run(coroutine: Coroutine[Any, Any, Any], timeout: float = 300) -> Any:
    """``asyncio.run(coroutine)`` in a new thread; its result (or its exception), within ``timeout`` seconds."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result(timeout=timeout)
