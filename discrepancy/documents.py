"""Reading documents: the text to analyse, its reference date and its time zone.

Three forms are understood, told apart by content rather than file name where possible:

* **seed files**: a first line ``date YYYY-MM-DD Title``, then the body.  The whole file is
  the document text, so offsets count the date line too; only the date token itself is
  metadata and is hidden from the tagger.
* **TimeML** (``.tml``, or any text starting with an XML declaration or ``<TimeML``): the
  document creation time in ``<DCT>`` is the reference, and the document text is the plain
  text of ``<TEXT>`` with every tag removed and entities decoded, as the TempEval-3 scorer
  counts offsets.  Annotations already in the file are ignored.
* **plain text**: everything else; the reference date must be given by the caller.

Bytes are decoded as UTF-8 (a BOM is dropped, line ends are kept as they are so that offsets
match the file).  Every failure is a `DocumentError` naming the input and the reason.
"""

from __future__ import annotations

import html
import re
from datetime import date
from glob import escape as glob_escape
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from .errors import DiscrepancyError, DocumentError

STDIN_NAME = "-"

# Leading blanks are tolerated: copies of seed files sometimes start with a stray space.
_SEED_FIRST_LINE = re.compile(r"[ \t]*date[ \t]+(\S+)(?:[ \t]+([^\r\n]*))?")
_BARE_DATE_WORD = re.compile(r"[ \t]*date[ \t]*(?:\r?\n|$)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TEXT_ELEMENT = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT\s*>", re.S | re.I)
_DCT_ELEMENT = re.compile(r"<DCT\b[^>]*>(.*?)</DCT\s*>", re.S | re.I)
_VALUE_ATTRIBUTE = re.compile(r"""\bvalue\s*=\s*["'](\d{4})-?(\d{2})-?(\d{2})""")
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)|([^<]+)")


class ZoneError(DiscrepancyError, ValueError):
    """A time zone name that the IANA database does not know."""


def zone_named(name: str) -> ZoneInfo:
    """The IANA zone ``name``, or a `ZoneError` saying so (never the machine's local zone)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ZoneError(f"unknown time zone {name!r}: use an IANA name such as 'Europe/Kyiv' or 'UTC'") from None


@attrs.frozen
class Document:
    """A text with what is needed to read its times: the reference date and the zone.

    ``scan_from`` is the offset where analysable text begins (after a seed file's date
    token); offsets into ``text`` are what every later layer reports.
    """

    path: str
    text: str
    reference: date = attrs.field()
    tz: str = "UTC"
    title: Optional[str] = None
    form: str = "plain"  # "seed", "timeml" or "plain"
    scan_from: int = 0
    source: Optional[str] = attrs.field(default=None, repr=False, eq=False)

    @reference.validator
    def _supported(self, _attribute: object, value: date) -> None:
        try:
            supported_reference(value)
        except ValueError as error:
            raise DocumentError(self.path, str(error)) from None

    @property
    def zone(self) -> ZoneInfo:
        return zone_named(self.tz)

    @property
    def scan_text(self) -> str:
        """The text with its metadata prefix blanked out, so offsets stay those of ``text``."""
        return " " * self.scan_from + self.text[self.scan_from :] if self.scan_from else self.text


def decode(data: bytes, path: str, encoding: str = "utf-8", errors: str = "strict") -> str:
    """Decode bytes, naming the file and byte offset (and line) of the first bad byte.

    Byte offsets count from the start of the file, BOM included, as a hex editor shows them.
    """
    utf8 = encoding.lower().replace("_", "-") in ("utf-8", "utf8")
    skipped = 3 if utf8 and data.startswith(b"\xef\xbb\xbf") else 0
    if utf8 and b"\x00" in data[:8192]:
        # Checked before decoding: binary data is rarely valid UTF-8, and "not valid UTF-8
        # at byte 1" would hide the real trouble.  (UTF-16 text has NUL bytes; not UTF-8.)
        raise DocumentError(path, "looks like a binary file (it contains NUL bytes), not text")
    try:
        text = data[skipped:].decode(encoding, errors)
    except UnicodeDecodeError as error:
        offset = error.start + skipped
        line = data.count(b"\n", 0, offset) + 1
        raise DocumentError(
            path,
            f"not valid {encoding} at byte offset {offset}, line {line} "
            f"(byte 0x{data[offset]:02x}: {error.reason}); "
            "give --encoding, or --encoding-errors replace to substitute bad bytes",
        ) from None
    except LookupError:
        raise DocumentError(path, f"unknown encoding {encoding!r}") from None
    if "\x00" in text:
        raise DocumentError(path, "looks like a binary file (it contains NUL bytes), not text")
    return text


# Reference dates a document may have: a century of calendar either side, so that relative
# phrases ("the day after", "next year") and window arithmetic (an inferred start the day
# after an announcement) stay inside the years 1-9999 that `datetime` can hold.
MIN_REFERENCE = date(100, 1, 1)
MAX_REFERENCE = date(9899, 12, 31)


def supported_reference(day: date, what: str = "reference date") -> date:
    """``day`` itself, or a `ValueError` when it lies outside `MIN_REFERENCE`..`MAX_REFERENCE`."""
    if not MIN_REFERENCE <= day <= MAX_REFERENCE:
        raise ValueError(f"{what} {day.isoformat()} is outside the supported range "
                         f"{MIN_REFERENCE.isoformat()} to {MAX_REFERENCE.isoformat()}")
    return day


def parse_date(text: str, what: str = "date") -> date:
    """An ISO calendar date ``YYYY-MM-DD``, refusing impossible and unsupported ones with a clear reason."""
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"{what} {text!r} is not of the form YYYY-MM-DD")
    try:
        day = date.fromisoformat(text)
    except ValueError as error:
        raise ValueError(f"{what} {text!r} is not a real calendar date ({error})") from None
    return supported_reference(day, what)


def looks_like_timeml(text: str, path: str = "") -> bool:
    head = text.lstrip()[:200]
    return path.endswith(".tml") or head.startswith("<?xml") or head.startswith("<TimeML")


def strip_timeml(raw: str) -> str:
    """The plain text of the ``<TEXT>`` element: tags removed, character entities decoded."""
    match = _TEXT_ELEMENT.search(raw)
    if match is None:
        raise ValueError("no <TEXT> element")
    return "".join(html.unescape(piece) for tag, piece in _TAG_OR_TEXT.findall(match.group(1)) if not tag)


def timeml_creation_date(raw: str) -> Optional[date]:
    """The document creation date from ``<DCT>``, or None when the file has none."""
    match = _DCT_ELEMENT.search(raw)
    if match is None:
        return None
    value = _VALUE_ATTRIBUTE.search(match.group(1))
    if value is None:
        return None
    return parse_date("-".join(value.groups()), "<DCT> date")


def parse_document(
    text: str,
    path: str = "<text>",
    reference: Optional[date] = None,
    tz: str = "UTC",
) -> Document:
    """Build a `Document` from decoded text, finding its form and reference date.

    ``reference`` is used when the text carries no date of its own (plain text); a seed or
    TimeML date always wins, since it is the text's own statement of when it was written.
    """
    zone_named(tz)
    if looks_like_timeml(text, path):
        try:
            plain = strip_timeml(text)
        except ValueError as error:
            raise DocumentError(path, f"TimeML without text: {error}") from None
        try:
            creation = timeml_creation_date(text) or reference
        except ValueError as error:
            raise DocumentError(path, str(error)) from None
        if creation is None:
            raise DocumentError(path, "TimeML file has no <DCT> date; give --date YYYY-MM-DD")
        return Document(path, plain, creation, tz, form="timeml", source=text)
    first_line = _SEED_FIRST_LINE.match(text)
    if first_line:
        try:
            own = parse_date(first_line.group(1), "date line")
        except ValueError as error:
            how = "" if "supported range" in str(error) else "; the first line must read 'date YYYY-MM-DD Title'"
            raise DocumentError(path, f"{error}{how}") from None
        title = (first_line.group(2) or "").strip() or None
        body_from = first_line.start(2) if first_line.group(2) is not None else first_line.end()
        return Document(path, text, own, tz, title=title, form="seed", scan_from=body_from, source=text)
    if _BARE_DATE_WORD.match(text):
        raise DocumentError(path, "the date line has no date; the first line must read 'date YYYY-MM-DD Title'")
    if reference is None:
        if not text.strip():
            raise DocumentError(path, "empty document")
        raise DocumentError(
            path, "no reference date: give --date YYYY-MM-DD, or start the file with a line 'date YYYY-MM-DD Title'"
        )
    return Document(path, text, reference, tz, form="plain", source=text)


def read_document(
    path: Union[str, Path],
    reference: Optional[date] = None,
    tz: str = "UTC",
    encoding: str = "utf-8",
    encoding_errors: str = "strict",
    data: Optional[bytes] = None,
) -> Document:
    """Read one file (or ``data`` already read for it) into a `Document`."""
    name = str(path)
    if data is None:
        data = read_bytes(path)
    text = decode(data, name, encoding, encoding_errors)
    return parse_document(text, name, reference, tz)


def read_bytes(path: Union[str, Path]) -> bytes:
    """A file's bytes, or a `DocumentError` saying why they cannot be had."""
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise DocumentError(str(path), "is a directory") from None
    except OSError as error:
        raise DocumentError(str(path), f"cannot be read: {error.strerror or error}") from None


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Each path as given, directories expanded recursively in sorted order, ``-`` kept.

    A directory walk takes the files that can be documents (`DOCUMENT_SUFFIXES`, or no
    suffix), skipping hidden ones and a ``STEM.json`` beside another file of the same stem
    (``STEM.txt``): such a file annotates the text (expected findings, metadata) rather
    than being an input.  A path named
    explicitly is always passed on, and one that does not exist yields an error record
    when read rather than silence.
    """
    for given in paths:
        if given == STDIN_NAME:
            yield given
            continue
        root = Path(given)
        if not root.is_dir():
            yield given
            continue
        for found in sorted(root.rglob("*"), key=lambda p: p.relative_to(root).as_posix()):
            relative = found.relative_to(root)
            if any(part.startswith(".") for part in relative.parts):
                continue
            if found.is_file() and _walk_takes(found):
                yield str(found)


# What a directory walk reads: texts, TimeML, JSON Lines batches and JSON claims documents.
DOCUMENT_SUFFIXES = frozenset({"", ".txt", ".text", ".tml", ".timeml", ".xml", ".jsonl", ".json"})


def _walk_takes(path: Path) -> bool:
    suffix = path.suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        return False
    if suffix != ".json":
        return True
    siblings = path.parent.glob(glob_escape(path.stem) + ".*")
    return not any(other != path and other.is_file() for other in siblings)
