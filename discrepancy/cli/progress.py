"""A one-line progress bar on standard error: documents done, rate, time left.

Shown only when standard error is a terminal (and not ``--quiet``), so logs and pipes never
get carriage returns; standard output only ever carries results.  The total is counted
beforehand where it is cheap (files, lines of JSON Lines files); standard input has none,
so then the bar shows the count and rate alone.
"""

from __future__ import annotations

import time
from typing import Callable, Iterable, Optional, TextIO

from ..documents import STDIN_NAME, expand_paths

REDRAW_EVERY = 0.1  # seconds
BAR_WIDTH = 24


def count_documents(paths: Iterable[str], input_format: str) -> Optional[int]:
    """How many documents the paths hold, or None when that cannot be known in advance."""
    total = 0
    for path in expand_paths(paths):
        if path == STDIN_NAME:
            return None
        if input_format == "jsonl" or (input_format == "auto" and path.lower().endswith(".jsonl")):
            try:
                with open(path, "rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            except OSError:
                total += 1  # its error record
        else:
            total += 1
    return total


class Progress:
    """Redraws one line of ``stream``; a no-op unless ``enabled``."""

    def __init__(self, stream: TextIO, total: Optional[int], enabled: bool,
                 clock: Callable[[], float] = time.monotonic):
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.clock = clock
        self.done = 0
        self.started = clock()
        self._drawn_at = float("-inf")
        self._width = 0

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.enabled and self.clock() - self._drawn_at >= REDRAW_EVERY:
            self._draw()

    def note(self, message: str) -> None:
        """Print a message on its own line, keeping the bar below it."""
        self._clear()
        print(message, file=self.stream)
        if self.enabled:
            self._draw()

    def finish(self) -> None:
        if self.enabled:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()

    def line(self) -> str:
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = self.done / elapsed
        if self.total:
            filled = int(BAR_WIDTH * min(self.done, self.total) / self.total)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            left = (self.total - self.done) / rate if rate > 0 else None
            eta = _clock_time(left) if left is not None else "--:--"
            return f"[{bar}] {self.done}/{self.total} documents  {rate:.0f}/s  {eta} left"
        return f"{self.done} documents  {rate:.0f}/s  {_clock_time(elapsed)} elapsed"

    def _draw(self) -> None:
        text = self.line()
        self.stream.write("\r" + text + " " * max(0, self._width - len(text)))
        self.stream.flush()
        self._width = len(text)
        self._drawn_at = self.clock()

    def _clear(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self._width = 0


def _clock_time(seconds: float) -> str:
    seconds = int(round(max(seconds, 0)))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


def progress_for(arguments, stream: TextIO) -> Progress:
    """The progress bar the command line asked for, counting the inputs only if it is shown."""
    enabled = not arguments.quiet and stream.isatty()
    total = count_documents(arguments.paths, arguments.input_format) if enabled else None
    return Progress(stream, total, enabled)

