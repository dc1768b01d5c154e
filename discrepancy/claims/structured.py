"""Claims given as data: a JSON document of windows and claims, for users with their own extraction.

The shape (its JSON Schema is ``docs/claims.schema.json``)::

    {"reference": "2026-02-03", "timezone": "Europe/Kyiv", "text": "optional source text",
     "windows": [{"id": "w1", "kind": "truce",
                  "durations":    [{"text": "weeklong", "value": "P7D"}],
                  "bounds":       [{"text": "until February 1", "value": "2026-02-01", "inclusive": false}],
                  "starts":       [{"text": "Thursday", "value": "2026-01-29"}],
                  "observations": [{"text": "overnight Monday", "value": "2026-02-02TNI", "kind": "resumed"}]}]}

Values are TIMEX3 strings (``2026-02-01``, ``2026-02-02T23:00``, ``2026-02-02TNI``, ``P7D``)
or, for instants, ``{"earliest": ISO, "latest": ISO}``.  A bound's value is the named time;
``inclusive: true`` ("through") ends the window when that time is over, ``false``
("before") when it begins, and absent ("until") leaves both readings open.  Spans are
optional (``start``/``end`` offsets into ``text``); without them evidence spans are empty.
Every problem is a `DocumentError` naming the file and the JSON path of the bad value.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from ..documents import parse_date
from ..errors import DiscrepancyError, DocumentError
from ..temporal.timex import parse_timex
from ..temporal.values import DurationRange, Grain, Instant, Span
from .model import EndBound, Observation, ObservationKind, StatedDuration, StatedStart, Window


@attrs.frozen
class ClaimsDocument:
    """Windows given as data, with the reference date and zone they were stated against."""

    path: str
    reference: date
    tz: str
    text: str
    windows: tuple[Window, ...]


def looks_like_claims(text: str) -> bool:
    """Whether decoded text is a claims document (a JSON object with a "windows" list)."""
    head = text.lstrip()[:1]
    if head != "{":
        return False
    try:
        data = json.loads(text)
    except ValueError:
        return False
    return isinstance(data, dict) and isinstance(data.get("windows"), list)


def parse_claims(text: str, path: str = "<claims>") -> ClaimsDocument:
    try:
        data = json.loads(text)
    except ValueError as error:
        raise DocumentError(path, f"not valid JSON: {error}") from None
    reader = _Reader(path)
    if not isinstance(data, dict):
        raise DocumentError(path, "a claims document must be a JSON object with a 'windows' list")
    reference = reader.date(data.get("reference"), "$.reference")
    tz = data.get("timezone") or "UTC"
    try:
        zone = ZoneInfo(tz)
    except Exception:
        raise DocumentError(path, f"$.timezone: unknown time zone {tz!r}") from None
    source = data.get("text") or ""
    if not isinstance(source, str):
        raise DocumentError(path, "$.text: must be a string")
    windows = data.get("windows")
    if not isinstance(windows, list):
        raise DocumentError(path, "$.windows: must be a list of windows")
    parsed = tuple(reader.window(item, f"$.windows[{index}]", zone, source, index)
                   for index, item in enumerate(windows))
    return ClaimsDocument(path, reference, tz, source, parsed)


class _Reader:
    def __init__(self, path: str):
        self.path = path

    def fail(self, where: str, reason: str) -> DocumentError:
        return DocumentError(self.path, f"{where}: {reason}")

    def date(self, value: Any, where: str) -> date:
        if not isinstance(value, str):
            raise self.fail(where, "a date YYYY-MM-DD is required")
        try:
            return parse_date(value, "reference date")
        except ValueError as error:
            raise self.fail(where, str(error)) from None

    def window(self, data: Any, where: str, zone: ZoneInfo, source: str, index: int) -> Window:
        if not isinstance(data, dict):
            raise self.fail(where, "a window must be an object")
        kind = data.get("kind", "window")
        claims = {field: data.get(field, []) for field in ("durations", "bounds", "starts", "observations")}
        for field, items in claims.items():
            if not isinstance(items, list):
                raise self.fail(f"{where}.{field}", "must be a list")
        return Window(
            id=str(data.get("id", f"w{index + 1}")),
            kind=str(kind),
            durations=[self.duration(item, f"{where}.durations[{i}]", source) for i, item in enumerate(claims["durations"])],
            bounds=[self.bound(item, f"{where}.bounds[{i}]", zone, source) for i, item in enumerate(claims["bounds"])],
            starts=[self.start(item, f"{where}.starts[{i}]", zone, source) for i, item in enumerate(claims["starts"])],
            observations=[self.observation(item, f"{where}.observations[{i}]", zone, source)
                          for i, item in enumerate(claims["observations"])],
        )

    def common(self, data: Any, where: str, source: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(where, "a claim must be an object")
        start, end = data.get("start"), data.get("end")
        if start is None and end is None:
            span = Span(0, 0)
        elif isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(source):
            span = Span(start, end)
        else:
            raise self.fail(where, "'start' and 'end' must be offsets into 'text' with start <= end")
        text = data.get("text", span.text_of(source))
        if not isinstance(text, str):
            raise self.fail(f"{where}.text", "must be a string")
        if source and len(span) and span.text_of(source) != text:
            raise self.fail(where, f"'text' is {text!r} but text[{span.start}:{span.end}] is {span.text_of(source)!r}")
        said_by = data.get("said_by")
        if said_by is not None and not isinstance(said_by, str):
            raise self.fail(f"{where}.said_by", "must be a string or null")
        return {"text": text, "span": span, "said_by": said_by}

    def instant(self, data: dict, where: str, zone: ZoneInfo) -> Instant:
        value = data.get("value")
        if isinstance(value, dict):
            try:
                earliest = _aware(datetime.fromisoformat(value["earliest"]), zone)
                latest = _aware(datetime.fromisoformat(value["latest"]), zone)
                midnights = earliest.time() == latest.time() == datetime.min.time()
                return Instant(earliest, latest, Grain.DAY if midnights else Grain.MINUTE)
            except (KeyError, TypeError, ValueError) as error:
                raise self.fail(f"{where}.value", f"needs ISO 'earliest' and 'latest' ({error})") from None
        if not isinstance(value, str):
            raise self.fail(f"{where}.value", "a TIMEX3 date or time, or {earliest, latest}, is required")
        try:
            parsed = parse_timex(value, zone)
        except DiscrepancyError as error:
            raise self.fail(f"{where}.value", str(error)) from None
        if not isinstance(parsed, Instant):
            raise self.fail(f"{where}.value", f"{value!r} is not an anchored date or time")
        return parsed

    def duration(self, data: Any, where: str, source: str) -> StatedDuration:
        common = self.common(data, where, source)
        value = data.get("value")
        try:
            parsed = parse_timex(value, ZoneInfo("UTC")) if isinstance(value, str) else None
        except DiscrepancyError as error:
            raise self.fail(f"{where}.value", str(error)) from None
        if not isinstance(parsed, DurationRange):
            raise self.fail(f"{where}.value", "an ISO 8601 duration such as 'P7D' is required")
        reported = data.get("reported", False)
        if not isinstance(reported, bool):
            raise self.fail(f"{where}.reported", "true or false is required")
        return StatedDuration(value=parsed, reported=reported, **common)

    def bound(self, data: Any, where: str, zone: ZoneInfo, source: str) -> EndBound:
        common = self.common(data, where, source)
        named = self.instant(data, where, zone)
        inclusive = data.get("inclusive")
        if inclusive is True:
            end = Instant.exact(named.latest, named.grain)
        elif inclusive is False:
            end = Instant.exact(named.earliest, named.grain)
        elif inclusive is None:
            end = named
        else:
            raise self.fail(f"{where}.inclusive", "must be true, false or absent")
        return EndBound(value=end, cue=str(data.get("cue", "")), inclusive=inclusive, **common)

    def start(self, data: Any, where: str, zone: ZoneInfo, source: str) -> StatedStart:
        common = self.common(data, where, source)
        return StatedStart(value=self.instant(data, where, zone), cue=str(data.get("cue", "")),
                           inferred=bool(data.get("inferred", False)), **common)

    def observation(self, data: Any, where: str, zone: ZoneInfo, source: str) -> Observation:
        common = self.common(data, where, source)
        kind = data.get("kind", "ended")
        try:
            parsed_kind = ObservationKind(kind)
        except ValueError:
            raise self.fail(f"{where}.kind", f"must be 'ended', 'resumed' or 'extended', not {kind!r}") from None
        elapsed = None
        if data.get("elapsed") is not None:
            elapsed = self.duration({"value": data["elapsed"]}, f"{where}.elapsed", source).value
        return Observation(value=self.instant(data, where, zone), kind=parsed_kind,
                           event=str(data.get("event", "")), elapsed=elapsed, **common)


def _aware(moment: datetime, zone: ZoneInfo) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)
