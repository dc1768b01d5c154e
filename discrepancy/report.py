"""Findings for people: each finding's message, its evidence quoted, and a small timeline.

The timeline draws, on one axis of calendar days, the window as claimed (start plus the
stated length), the stated end bound and the observed end, so a reader sees at a glance
where the claim and the evidence part ways.  Plain ASCII reads anywhere; colour is added
only when asked for (the command line asks when writing to a terminal).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable, Optional, Sequence

from .claims.model import Evidence, Finding, Severity, iso_value
from .temporal.values import DurationRange, Instant

MAX_TIMELINE_DAYS = 62

_COLOURS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def render_findings(path: str, reference: date, findings: Sequence[Finding], colour: bool = False,
                    errors: Sequence[str] = ()) -> str:
    """The text report of one document's findings."""
    lines = [_style(f"{path} (reference {reference.isoformat()})", _BOLD, colour)]
    if not findings and not errors:
        lines.append("  no discrepancies found")
    for message in errors:
        lines.append(f"  error: {message}")
    for finding in findings:
        lines.append("")
        lines.extend(render_finding(finding, colour))
    return "\n".join(lines)


def render_finding(finding: Finding, colour: bool = False) -> list[str]:
    severity = _style(f"{finding.severity.value:<7}", _COLOURS.get(finding.severity, ""), colour)
    lines = [f"  {severity} {finding.kind}  [{finding.rule}, window {finding.window}]",
             f"          {finding.message}"]
    width = max((len(item.text) for item in finding.evidence), default=0) + 2
    for item in finding.evidence:
        quoted = f'"{item.text}"'.ljust(width + 2)
        said = f"  said by {item.said_by}" if item.said_by else ""
        where = _style(f"chars {item.span.start}-{item.span.end}", _DIM, colour)
        lines.append(f"          {item.role:<12} {quoted} {where}  {iso_value(item.value) or ''}{said}")
    lines.extend("          " + row for row in timeline(finding.evidence))
    return lines


def timeline(evidence: Iterable[Evidence]) -> list[str]:
    """Rows of a day-by-day axis: the claimed window, the bound and the observation.

    ``=`` marks days inside the window as claimed (from the earliest start, for the stated
    length), ``S`` the days the start may fall on, ``B`` the days the bound may fall on,
    ``X`` the days the observed end may fall on.  Empty when the evidence spans no days or
    too many to draw.
    """
    items = list(evidence)
    starts = [i.value for i in items if i.role == "start" and isinstance(i.value, Instant)]
    marks: list[tuple[str, str, Instant]] = []
    for item in items:
        if isinstance(item.value, Instant) and item.role in ("start", "bound", "observation"):
            symbol = {"start": "S", "bound": "B", "observation": "X"}[item.role]
            marks.append((item.role, symbol, item.value))
    claimed: Optional[tuple[date, date]] = None
    durations = [i.value for i in items if i.role == "duration" and isinstance(i.value, DurationRange)]
    if starts and durations:
        first = starts[0]
        end = durations[0].min.add_to(first.earliest)
        claimed = (first.earliest.date(), end.date())
    days = [d for _role, _symbol, instant in marks for d in (instant.first_day, instant.last_day)]
    if claimed:
        days.extend(claimed)
    if not days:
        return []
    low, high = min(days), max(days)
    count = (high - low).days + 1
    if count > MAX_TIMELINE_DAYS:
        return [f"(timeline of {count} days not drawn: {low.isoformat()} .. {high.isoformat()})"]
    rows = [f"{'':<12} {_short(low)}" + " " * max(1, count - 12) + _short(high) if count > 12
            else f"{'':<12} {_short(low)} .. {_short(high)}"]
    if claimed:
        rows.append(f"{'claimed':<12} " + _bar(low, count, claimed[0], claimed[1] - timedelta(days=1), "="))
    for role, symbol, instant in marks:
        rows.append(f"{role:<12} " + _bar(low, count, instant.first_day, instant.last_day, symbol))
    return rows


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _short(day: date) -> str:
    """``Feb 01``, as strftime's ``%b %d`` writes it in the C locale, whatever the process's locale."""
    return f"{_MONTHS[day.month - 1]} {day.day:02d}"


def _bar(origin: date, count: int, first: date, last: date, symbol: str) -> str:
    cells = ["."] * count
    for offset in range((first - origin).days, (last - origin).days + 1):
        if 0 <= offset < count:
            cells[offset] = symbol
    return "".join(cells)


def _style(text: str, code: str, colour: bool) -> str:
    return f"{code}{text}{_RESET}" if colour and code else text
