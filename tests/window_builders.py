"""Hand-built windows for rule tests: claims with real spans and values, no extraction."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from discrepancy.claims import EndBound, Mention, Observation, ObservationKind, StatedDuration, StatedStart, Window
from discrepancy.temporal.values import Duration, DurationRange, Grain, Instant, Span

KYIV = ZoneInfo("Europe/Kyiv")


class Text:
    """Builds a text and hands out exact spans of the phrases appended to it."""

    def __init__(self) -> None:
        self.text = ""

    def add(self, phrase: str) -> Span:
        start = len(self.text)
        self.text += phrase
        return Span(start, len(self.text))

    def say(self, filler: str) -> None:
        self.text += filler


def duration(text: Text, words: str, days: int = 0, hours: int = 0, months: int = 0, **more) -> StatedDuration:
    value = DurationRange.exact(Duration(days=days, hours=hours, months=months))
    return StatedDuration(text=words, span=text.add(words), value=value, **more)


def vague_duration(text: Text, words: str, low: Duration, high: Duration | None) -> StatedDuration:
    return StatedDuration(text=words, span=text.add(words), value=DurationRange(low, high))


def day(y: int, m: int, d: int, zone=KYIV) -> Instant:
    return Instant.of_day(date(y, m, d), zone)


def clock(y: int, m: int, d: int, h: int, zone=KYIV) -> Instant:
    return Instant.exact(datetime(y, m, d, h, tzinfo=zone), Grain.MINUTE)


def until_day(y: int, m: int, d: int, zone=KYIV) -> Instant:
    """"until D": the window stops when D begins or when it ends."""
    return Instant(datetime(y, m, d, tzinfo=zone), Instant.of_day(date(y, m, d), zone).latest, Grain.DAY)


def bound(text: Text, words: str, value: Instant, **more) -> EndBound:
    return EndBound(text=words, span=text.add(words), value=value, **more)


def start(text: Text, words: str, value: Instant, **more) -> StatedStart:
    return StatedStart(text=words, span=text.add(words), value=value, **more)


def observed(text: Text, words: str, value: Instant, kind: ObservationKind = ObservationKind.ENDED) -> Observation:
    return Observation(text=words, span=text.add(words), value=value, kind=kind, event=words.split()[0])


def founding_case() -> tuple[str, Window]:
    """The founding article's claims: a week-long pause, "until February 1", strikes overnight Monday."""
    t = Text()
    t.say("Trump first spoke of a ")
    week = duration(t, "weeklong", days=7)
    t.say(" ceasefire at a Cabinet meeting on ")
    thursday = start(t, "Thursday", Instant.of_days(date(2026, 1, 29), date(2026, 1, 30), KYIV), inferred=True)
    t.say(". Peskov said Russia agreed to hold its strikes only ")
    until = bound(t, "until February 1", until_day(2026, 2, 1), cue="until", said_by="Dmitry Peskov")
    t.say(". Russia ")
    overnight = Instant(datetime(2026, 2, 2, 20, tzinfo=KYIV), datetime(2026, 2, 3, 6, tzinfo=KYIV), Grain.PART_OF_DAY)
    resumed = observed(t, "resumed strikes overnight Monday", overnight, kind=ObservationKind.RESUMED)
    window = Window(id="w1", kind="truce", mentions=(Mention("ceasefire", Span(32, 41)),),
                    durations=(week,), bounds=(until,), starts=(thursday,), observations=(resumed,))
    return t.text, window
