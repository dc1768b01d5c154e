"""What the temporal tagger finds: one `TimeExpression` per time phrase in a text.

An expression keeps its exact span, its TIMEX3 type and value, and its meaning as a value
object: an `Instant` range for dates and times, a `DurationRange` for lengths.  Where the
words around it give it a role in a window ("until February 1" ends one, "starting Monday"
starts one) the expression says so, and keeps the span of the cue word.
"""

from __future__ import annotations

import enum
from typing import Optional

import attrs

from .values import DurationRange, Instant, Span


class TimexType(enum.Enum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Role(enum.Enum):
    """The part an expression plays in a stated window."""

    BOUND = "bound"  # the window ends then: "until", "through", "by", "expires"
    START = "start"  # the window begins then: "from", "starting", "as of", "effective"


@attrs.frozen
class Bound:
    """How an expression bounds a window: the cue, whether the named time is inside, and the end.

    ``end`` is the instant at which the window stops, honest about the cue's ambiguity:
    "through Friday" ends exactly when Saturday begins; "until Friday" may end when Friday
    begins or when it ends, so its ``end`` spans the whole of Friday.
    """

    cue: str
    cue_span: Span
    inclusive: Optional[bool]
    end: Instant


@attrs.frozen
class TimeExpression:
    """One temporal expression found in a text."""

    span: Span
    text: str
    type: TimexType
    value: str
    instant: Optional[Instant] = None
    duration: Optional[DurationRange] = None
    role: Optional[Role] = None
    bound: Optional[Bound] = None
    cue_span: Optional[Span] = None
    mod: Optional[str] = None
    cue: Optional[str] = None  # the cue word itself ("until", "from"), when there is one

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end
