"""The temporal layer: value types, TIMEX3 values, and recognition of time expressions in text.

Knows nothing of claims, windows or rules.
"""

from .expressions import Bound, Role, TimeExpression, TimexType
from .recognise import find_times
from .timex import TimexPattern, format_instant, parse_timex
from .values import Duration, DurationRange, ElapsedRange, Grain, Instant, Interval, Span

__all__ = [
    "Bound", "Duration", "DurationRange", "ElapsedRange", "Grain", "Instant", "Interval", "Role",
    "Span", "TimeExpression", "TimexPattern", "TimexType", "find_times", "format_instant", "parse_timex",
]
