"""What ``+``, ``-`` and the comparison words do at run time, on uncertain values.

Arithmetic keeps ranges honest (a range minus a range is the widest difference).
Comparisons hold only when they hold across the whole of both ranges and by more than the
tolerance; a comparison involving a missing value does not hold.  The `checker` has
already refused the combinations that mean nothing, so these functions only dispatch.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Optional

from ..temporal.values import DurationRange, ElapsedRange, Instant, to_utc
from . import lengths
from .lengths import DayCount
from .types import value_of


def _as_elapsed(value: object) -> ElapsedRange:
    if isinstance(value, ElapsedRange):
        return value
    low, high = lengths.bounds(value) if not isinstance(value, DayCount) else lengths.reported(value)
    return ElapsedRange(low, high)


def _shift(moment: Instant, amount: object, sign: int) -> Optional[Instant]:
    if isinstance(amount, DurationRange):
        if amount.max is None:
            return None
        low, high = (amount.min, amount.max) if sign > 0 else (-amount.max, -amount.min)
        return Instant(low.add_to(moment.earliest), high.add_to(moment.latest), moment.grain)
    real = _as_elapsed(amount)
    low, high = (real.min, real.max) if sign > 0 else (-real.max, -real.min)
    # Real time moves in UTC; wall-clock addition would gain or lose an hour across DST.
    zone = moment.zone
    earliest = (to_utc(moment.earliest) + low).astimezone(zone)
    latest = (to_utc(moment.latest) + high).astimezone(zone)
    return Instant(earliest, latest, moment.grain)


def add(left: object, right: object) -> object:
    left, right = value_of(left), value_of(right)
    if left is None or right is None:
        return None
    if isinstance(right, Instant):
        left, right = right, left
    if isinstance(left, Instant):
        return _shift(left, right, +1)
    if isinstance(left, DurationRange) and isinstance(right, DurationRange):
        high = None if left.max is None or right.max is None else left.max + right.max
        return DurationRange(left.min + right.min, high)
    return _as_elapsed(left) + _as_elapsed(right)


def subtract(left: object, right: object) -> object:
    left, right = value_of(left), value_of(right)
    if left is None or right is None:
        return None
    if isinstance(left, Instant) and isinstance(right, Instant):
        return left - right
    if isinstance(left, Instant):
        return _shift(left, right, -1)
    return _as_elapsed(left) - _as_elapsed(right)


def _slack(tolerance: object) -> timedelta:
    return lengths.bounds(tolerance)[1] if tolerance is not None else timedelta(0)


def before(left: Instant, right: Instant, tolerance: object = None) -> bool:
    """``left`` is certainly earlier than ``right`` by more than ``tolerance``."""
    return lengths.plus(to_utc(left.latest) - to_utc(right.earliest), _slack(tolerance)) < timedelta(0)


def after(left: Instant, right: Instant, tolerance: object = None) -> bool:
    return before(right, left, tolerance)


_LENGTH_COMPARISONS = {
    "shorter": lengths.shorter,
    "longer": lengths.longer,
    "differs": lengths.differs,
    "matches": lengths.matches,
}


def compare(op: str, left: object, right: object, tolerance: object = None) -> bool:
    left, right, tolerance = value_of(left), value_of(right), value_of(tolerance)
    if op == "is":
        return left == right
    if op == "is not":
        return left != right
    if left is None or right is None:
        return False
    if op == "before":
        return before(left, right, tolerance)  # type: ignore[arg-type]
    if op == "after":
        return after(left, right, tolerance)  # type: ignore[arg-type]
    return _LENGTH_COMPARISONS[op](left, right, tolerance)  # type: ignore[arg-type]
