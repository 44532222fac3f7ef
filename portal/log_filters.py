"""Logging filters."""

from __future__ import annotations

import logging


class WithoutTraceback(logging.Filter):
    """Keep the one-line message, drop the traceback: for refusals that are expected and frequent
    (a request for a host we do not serve), where a traceback per request only floods the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info = None
        record.exc_text = None
        return True
