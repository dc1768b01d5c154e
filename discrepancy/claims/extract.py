"""From a tagged text to windows and their claims.

The extractor reads sentence by sentence.  In each it finds the words that name a window
(from the rule files' vocabularies), the cue phrases that start, end, extend or announce
one, and the time expressions the temporal layer found.  Each time expression is then
given to the cue nearest before it in its sentence (or, failing that, just after it):

* a length next to a window word ("a 72-hour ceasefire", "paused for a period of one
  week", "the lockdown had lasted 76 days") is a `StatedDuration`;
* a time the tagger marked as a bound ("until February 1"), or one after a planned-end cue
  ("was due to expire on July 20"), is an `EndBound`, unless an extension cue claims it
  ("extended until November 24"), when it is an `Observation` that the window ran on;
* a time after a start cue ("took effect at 8 a.m.", "from Monday") is a `StatedStart`;
* a time after an end cue in a sentence that reports rather than plans ("strikes resumed
  overnight Monday", "lifted on Monday") is an `Observation` of the end;
* a time after an announcement cue ("announced at a Cabinet meeting Thursday") is an
  `Announcement`; with no stated start, the earliest announcement gives the start, widened
  to that day or the next, and marked inferred.

Mentions of one document form one window, since news names the same window with many
words ("the pause", "the ceasefire"), unless they carry different qualifiers that each
have claims of their own ("the freight walkout", "the passenger strike"), or are proposals
of another window ("a 30-day ceasefire instead").

This is shallow reading by design: linear in the text, no parser, and no claim rather than
a guessed one where the cues are missing.
"""

from __future__ import annotations

import bisect
import re
import sys
from datetime import timedelta
from typing import Callable, Iterable, Iterator, Optional, Pattern, Sequence

import attrs

from ..temporal.cues import weekday_in_week_after
from ..temporal.expressions import Role, TimeExpression, TimexType
from ..temporal.values import Duration, DurationRange, Instant, Span, to_utc
from .consolidate import consolidate
from .model import (
    Announcement, EndBound, Mention, Observation, ObservationKind, StatedDuration, StatedStart, Window,
)
from .sentences import split_sentences
from .speakers import attribute_all
from .vocabulary import GENERIC_CUES, GenericCues, WindowVocabulary, phrase_pattern

# How far (in characters) a cue reaches to claim a time expression in its sentence; cues
# after the expression reach less far, since English mostly puts the verb first.
CUE_REACH = 90
# How far before a cue a modal or schedule word ("would be lifted", "is set to expire")
# makes it a plan rather than an event: the few words of its own verb phrase.
NOT_YET_REACH = 16
AFTER_PENALTY = 1.6

# Words just before a length that make it something other than the window's length.
_NOT_A_LENGTH_BEFORE = frozenset(
    "in within after over past last next than every per nearly almost since during about around first back forward by"
    " another further additional extra"
    .split()
)
# Words just after a length that make it an offset or the length of something else.
_NOT_A_LENGTH_AFTER = frozenset(
    "after before later earlier ago into of since behind ahead apart early late short longer sooner".split()
)
_TIME_INTO = re.compile(r"\s+in\b[ \t]*(?:[,.;:!?\u2014\n]|$)", re.IGNORECASE)
# Cues that introduce the window's own length.
_LENGTH_CUES = re.compile(
    r"(?:\bfor(?:\s+a\s+period\s+of)?|\ba\s+period\s+of|\blast(?:s|ed|ing)?|\brun(?:s|ning)?\s+for|\bspan(?:s|ned)?"
    r"|\blong|\bset\s+to\s+last)\s*$",
    re.IGNORECASE,
)
_PROPOSAL_BEFORE = re.compile(
    r"\b(?:propos\w*|offer\w*|suggest\w*|threat\w*|not\s+to|call\w*\s+for|push\w*\s+for|another|new|separate|broader|longer|wider"
    r"|avert\w*|avoid\w*|prevent\w*|forestall\w*|stave\w*\s+off|head\w*\s+off|ward\w*\s+off"
    r"|rival|counter-?proposal)\b[^.,;]{0,30}$",
    re.IGNORECASE,
)
_PROPOSAL_AFTER = re.compile(r"^(?:[^.;]{0,25}\binstead\b|\s+(?:proposals?|plans?|offers?|bids?|ideas?|demands?)\b)",
                             re.IGNORECASE)
# Qualifiers that make a mention a window of its own, kept apart from the one the text is about.
APART = "apart@"
_OTHER_INSTANCE_BEFORE = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|previous|prior|former"
    r"|(?:last|next)\s+(?:year|month|week)['\u2019]s)\b[^.,;]{0,25}$",
    re.IGNORECASE,
)
_INDEFINITE_BEFORE = re.compile(r"\b(?:a|an)\s+[^.,;]{0,25}$", re.IGNORECASE)
_DATED_AFTER = re.compile(
    r"^\s+(?:in|of|during|last)\s+(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|\d{4}|last\s+(?:year|month|week)|year|month)\b"
)
_QUALIFIER_AFTER = re.compile(r"^\s+(?:in|on|for|at|by)\s+(?:the\s+)?([a-z][a-z-]+)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_UNQUALIFYING = frozenset(
    """
    a an the this that its their his her our these those whose which new latest current earlier previous
    temporary unilateral bilateral nationwide humanitarian full partial total proposed agreed planned
    so-called supposed initial original interim first second last brief short long limited general
    """.split()
)
_PREPOSITIONS = frozenset(
    "into in of for to at on from since after before by until till within during over through the a an".split()
)

# Words that never tell one window from another: grammar, and places or parties that a
# single window is often described by in passing.
_FUNCTION_WORDS = frozenset(
    """
    to of in on at by for from with and or but not no as if than then that which who whom whose what
    it its they them this these those all some any each every more less much many several such
    be been being is are was were has have had do does did will would shall should can could may might must
    government city country port nuclear national federal state local international
    """.split()
)


@attrs.frozen
class _Cue:
    """A cue phrase found in a sentence, and what it says about the times near it."""

    role: str  # "start", "end", "extend", "announce", "planned_end"
    span: Span
    phrase: str
    kinds: frozenset[str]  # the window kinds whose own vocabulary has this cue (none: generic)
    not_yet: bool  # stated as planned or future, not as having happened
    # An end that is the halted activity starting again ("strikes resumed"), which may come
    # any time after the window lapsed, rather than the window's own end ("was lifted").
    resumption: bool = False

    @property
    def specific(self) -> bool:
        return bool(self.kinds)


class _WordScreen:
    """Skips a phrase pattern over a sentence that holds none of its phrases' first words.

    Purely for speed, never changing a result: a phrase matches only where its first word
    occurs, and plain substring search over the lower-cased text is many times faster
    than a case-insensitive alternation, so most sentences skip most patterns.  The words'
    occurrences are found once per text and pattern, then looked up per sentence.
    """

    # Characters that case-insensitive matching takes for an ASCII letter but ``str.lower``
    # does not turn into one (dotted and dotless i, long s): in a text with any of them the
    # screen lets everything through.
    _CASE_ODDITIES = ("\u0130", "\u0131", "\u017f")

    def __init__(self) -> None:
        self._first_words: dict[_LazyPattern, tuple[str, ...]] = {}

    def pattern(self, phrases: Iterable[str]) -> "_LazyPattern":
        phrases = tuple(phrases)
        compiled = _LazyPattern(phrases)
        words = {next((w.lower() for w in phrase.split() if w != "..."), "") for phrase in phrases}
        self._first_words[compiled] = tuple(sorted(words)) if "" not in words else ()
        return compiled

    def over(self, text: str, sentences: Sequence[Span] = ()) -> "_TextScreen":
        """For one text: which patterns may match within a sentence of it."""
        lowered = None if any(odd in text for odd in self._CASE_ODDITIES) else text.lower()
        if lowered is None or len(lowered) != len(text):
            lowered = None
        return _TextScreen(self._first_words, lowered, sentences)


class _TextScreen:
    """`_WordScreen` for one text: whether a pattern may match within a sentence.

    Given the text's ``sentences`` (in order, apart), each list of patterns is sorted into
    them once, on first use: a sentence then gets the patterns that may match in it with one
    lookup, where dense text would otherwise ask every pattern about every sentence.  Other
    spans are answered by searching the pattern's occurrences.
    """

    def __init__(self, first_words: dict, lowered: Optional[str], sentences: Sequence[Span]) -> None:
        self._first_words = first_words
        self._lowered = lowered
        self._found: dict[Pattern[str], Optional[list[tuple[int, int]]]] = {}
        in_order = all(first.end <= second.start for first, second in zip(sentences, sentences[1:]))
        self._known = {sentence.start: sentence.end for sentence in sentences} if in_order else {}
        self._known_starts = sorted(self._known)
        self._selections: dict[str, tuple[dict[int, tuple], tuple]] = {}

    def _spans(self, pattern: Pattern[str]) -> Optional[list[tuple[int, int]]]:
        if pattern not in self._found:
            self._found[pattern] = _occurrences(self._lowered, self._first_words.get(pattern))
        return self._found[pattern]

    def __call__(self, pattern: Pattern[str], sentence: Span) -> bool:
        if self._lowered is None:
            return True
        spans = self._spans(pattern)
        if spans is None:
            return True
        index = bisect.bisect_left(spans, (sentence.start, -1))
        while index < len(spans) and spans[index][0] < sentence.end:
            if spans[index][1] <= sentence.end:
                return True
            index += 1
        return False

    def select(self, name: str, items: Sequence[tuple], sentence: Span) -> Sequence[tuple]:
        """The ``items`` (tuples ending in a pattern) that may match within ``sentence``, in order."""
        if self._lowered is None:
            return items
        if self._known.get(sentence.start) != sentence.end:
            return [item for item in items if self(item[-1], sentence)]
        if name not in self._selections:
            self._selections[name] = self._sort_into_sentences(items)
        by_sentence, everywhere = self._selections[name]
        return by_sentence.get(sentence.start, everywhere)

    def _sort_into_sentences(self, items: Sequence[tuple]) -> tuple[dict[int, tuple], tuple]:
        """For each known sentence holding an occurrence whole, the items that may match there."""
        indices: dict[int, set[int]] = {}
        always: set[int] = set()
        for number, item in enumerate(items):
            spans = self._spans(item[-1])
            if spans is None:
                always.add(number)
                continue
            for start, end in spans:
                index = bisect.bisect_right(self._known_starts, start) - 1
                if index >= 0:
                    sentence_start = self._known_starts[index]
                    if start < self._known[sentence_start] and end <= self._known[sentence_start]:
                        indices.setdefault(sentence_start, set()).add(number)
        by_sentence = {start: tuple(items[n] for n in sorted(numbers | always)) for start, numbers in indices.items()}
        return by_sentence, tuple(items[n] for n in sorted(always))


class _LazyPattern:
    """A `phrase_pattern`, compiled the first time it is run.

    Compiling the built-in vocabularies' three dozen alternations takes about 12 ms, which
    every ``check`` paid at start-up, before worker processes could share any work.  Most
    news texts name no window, and a pattern none of whose first words a sentence holds is
    never run (`_WordScreen`), so some are never needed at all.  Same matches, same order.
    """

    __slots__ = ("phrases", "_compiled")

    def __init__(self, phrases: tuple[str, ...]):
        self.phrases = phrases
        self._compiled: Optional[Pattern[str]] = None

    @property
    def compiled(self) -> Pattern[str]:
        if self._compiled is None:
            self._compiled = phrase_pattern(self.phrases)
        return self._compiled

    def finditer(self, text: str, start: int = 0, end: int = sys.maxsize) -> Iterator["re.Match[str]"]:
        return self.compiled.finditer(text, start, end)

    def search(self, text: str, start: int = 0, end: int = sys.maxsize) -> Optional["re.Match[str]"]:
        return self.compiled.search(text, start, end)


def _occurrences(lowered: str, words: Optional[tuple[str, ...]]) -> Optional[list[tuple[int, int]]]:
    """Every (start, end) of the words in the text, sorted; None when nothing can be screened."""
    if not words:
        return None
    spans = []
    for word in words:
        position = lowered.find(word)
        while position >= 0:
            spans.append((position, position + len(word)))
            position = lowered.find(word, position + 1)
    spans.sort()
    return spans


class Extractor:
    """Reusable: compiles the vocabularies once, then extracts windows from many texts."""

    def __init__(self, vocabularies: Sequence[WindowVocabulary], cues: GenericCues = GENERIC_CUES):
        self.vocabularies = tuple(vocabularies)
        self._screen = _WordScreen()
        phrase_pattern = self._screen.pattern  # every pattern below also knows its phrases' first words
        self._called = [(v.kind, phrase_pattern(v.called)) for v in self.vocabularies if v.called]
        # A cue is a window's own only if the generic lists do not have it: "began" starts
        # anything, "resumed strikes" ends a truce.  Each kind's own cues get a pattern of
        # their own, so a match says which kinds it speaks for.
        generic = (set(cues.started_by) | set(cues.ended_by) | set(cues.resumed_by) | set(cues.extended_by)
                   | set(cues.announced_by))
        self._cue_patterns: list[tuple[str, frozenset[str], Pattern[str]]] = []
        for role, field in (("extend", "extended_by"), ("resume", "resumed_by"), ("end", "ended_by"),
                            ("start", "started_by")):
            for vocabulary in self.vocabularies:
                own = set(getattr(vocabulary, field)) - generic
                if own:
                    self._cue_patterns.append((role, frozenset({vocabulary.kind}), phrase_pattern(own)))
        # Generic cues come after every kind's own, so a longer domain phrase wins the text.
        self._cue_patterns += [
            ("planned_end", frozenset(), phrase_pattern(cues.planned_end)),
            ("extend", frozenset(), phrase_pattern(cues.extended_by)),
            ("resume", frozenset(), phrase_pattern(cues.resumed_by)),
            ("end", frozenset(), phrase_pattern(cues.ended_by)),
            ("start", frozenset(), phrase_pattern(cues.started_by)),
            ("announce", frozenset(), phrase_pattern(cues.announced_by)),
        ]
        self._not_yet = phrase_pattern(cues.not_yet)

    # -- sentence analysis -------------------------------------------------------------

    def _mentions(self, text: str, sentence: Span, times: Sequence[TimeExpression],
                  screen: Optional[_TextScreen] = None) -> list[tuple[str, Span, Optional[str]]]:
        found: dict[tuple[int, int], tuple[str, Span, Optional[str]]] = {}
        called = self._called if screen is None else screen.select("called", self._called, sentence)
        for kind, pattern in called:
            for match in pattern.finditer(text, sentence.start, sentence.end):
                key = (match.start(), match.end())
                # Vocabularies come in load order, user files after the built-in pack, so a
                # later kind that claims the same words is the more specific and wins.
                span = Span(match.start(), match.end())
                found[key] = (kind, span, _qualifier(text, span, sentence, times))
        # Keep the longest of overlapping mentions ("travel ban" over "ban").
        kept: list[tuple[str, Span, Optional[str]]] = []
        for item in sorted(found.values(), key=lambda m: (m[1].start, -len(m[1]))):
            if kept and kept[-1][1].overlaps(item[1]):
                continue
            kept.append(item)
        return kept

    def _cues(self, text: str, sentence: Span, screen: Optional[_TextScreen] = None,
              named_kinds: Optional[frozenset[str]] = None, mentions: Sequence[Span] = ()) -> list[_Cue]:
        """The cue phrases of a sentence, in text order.

        A kind's own cue counts only in a text that names a window of that kind: "opened"
        opens a grace period, not the closure a text about a port is about.  A generic end
        that only a subject can undergo ("collapsed", "expired") counts only when its
        subject may be the window: not "the bridge collapsed" or "his visa expired".
        """
        cues: list[_Cue] = []
        patterns = self._cue_patterns if screen is None else screen.select("cues", self._cue_patterns, sentence)
        for role, kinds, pattern in patterns:
            if kinds and named_kinds is not None and not kinds & named_kinds:
                continue
            resumption = role == "resume"
            role = "end" if resumption else role
            for match in pattern.finditer(text, sentence.start, sentence.end):
                span = Span(match.start(), match.end())
                same = next((index for index, cue in enumerate(cues) if cue.span == span and cue.role == role), None)
                if same is not None and kinds:
                    # Two kinds share the phrase: the cue speaks for both.
                    cues[same] = attrs.evolve(cues[same], kinds=cues[same].kinds | kinds)
                    continue
                if any(span.overlaps(cue.span) for cue in cues):
                    continue
                phrase = " ".join(match.group(0).lower().split())
                if not kinds and phrase in _INTRANSITIVE_ENDS and _other_subject(text, sentence, span, mentions):
                    continue
                clause_start = max(sentence.start, _clause_start(text, sentence.start, span.start))
                not_yet = bool(self._not_yet.search(text, max(clause_start, span.start - NOT_YET_REACH), span.start))
                cues.append(_Cue(role, span, phrase, kinds, not_yet or role == "planned_end", resumption))
        return sorted(cues, key=lambda cue: cue.span.start)

    # -- the whole text ----------------------------------------------------------------

    def extract(self, text: str, expressions: Sequence[TimeExpression], scan_from: int = 0) -> list[Window]:
        """The windows ``text`` talks about, with their claims, in order of first mention."""
        sentences = split_sentences(text, scan_from, keep_whole=[e.span for e in expressions])
        attributions = attribute_all(text, sentences)
        screen = self._screen.over(text, sentences)
        ordered = sorted(expressions, key=lambda e: (e.span.start, e.span.end))
        starts = [e.span.start for e in ordered]
        builder = _WindowBuilder()
        current: Optional[tuple[str, Optional[str]]] = None
        last_mentioned = -2
        latest_of_kind: dict[str, tuple[int, tuple[str, Optional[str]]]] = {}
        in_sentences = []
        sentence_mentions = []
        for sentence in sentences:
            low = bisect.bisect_left(starts, sentence.start)
            high = bisect.bisect_left(starts, sentence.end)
            in_sentence = [e for e in ordered[low:high] if e.span.end <= sentence.end]
            in_sentences.append(in_sentence)
            sentence_mentions.append(self._mentions(text, sentence, in_sentence, screen))
        # A lead sentence often tells how a window ended before the text names it ("The
        # channel was restored on Monday ... The bridge fell, blocking the channel"): a cue
        # of one kind's own vocabulary reaches forward to that kind's first mention.
        first_of_kind: dict[str, tuple[str, Optional[str]]] = {}
        for mentions in sentence_mentions:
            for kind, span, qualifier in mentions:
                first_of_kind.setdefault(kind, (kind, qualifier))
        named_kinds = frozenset(first_of_kind)
        for index, (sentence, attribution) in enumerate(zip(sentences, attributions)):
            said_by = attribution.speaker if attribution else None
            in_sentence = in_sentences[index]
            keys = []
            for kind, span, qualifier in sentence_mentions[index]:
                key = builder.mention(kind, qualifier, Mention(text=span.text_of(text), span=span))
                keys.append((span, key))
            # Before any window is named, a time belongs only to a window that a cue of its
            # own kind points ahead to.
            if in_sentence and (keys or current is not None or named_kinds):
                cues = self._cues(text, sentence, screen, named_kinds, [span for span, _ in keys])
                if not keys and current is None:
                    cues = [cue for cue in cues if cue.specific]
                    if not cues:
                        continue
                claiming = _ClaimingCues(text, cues, sentence.start)
                said_at = self._statement_time(in_sentence, claiming)
                if said_at is not None:
                    # "'From 6 a.m. on Tuesday,' the spokesman said on Monday": a weekday the
                    # statement names lies in the week after it was made.
                    in_sentence = [weekday_in_week_after(e, said_at) if e.instant is not said_at else e
                                   for e in in_sentence]
                recent = index - last_mentioned == 1
                durations = [e for e in in_sentence if e.type is TimexType.DURATION]
                for expression in in_sentence:
                    if len(durations) > 1 and _is_commentary(text, expression):
                        continue
                    cue = claiming.of(expression.span)
                    if cue is not None and cue.span.start >= expression.span.end and any(
                            0 <= span.start - expression.span.end <= 1 for span, _ in keys):
                        # "Easter Truce Ends": the time names the window; the verb is the window's.
                        cue = None
                    target = self._target(expression, cue, keys, current, latest_of_kind, first_of_kind)
                    self._assign(text, expression, cues, cue, keys, target, said_by, said_at, builder, recent, sentence,
                                 in_sentence)
            if keys:
                current, last_mentioned = keys[-1][1], index
                for position, (_span, key) in enumerate(keys):
                    latest_of_kind[key[0]] = (index * 1000 + position, key)
        return builder.windows()

    def _target(self, expression: TimeExpression, cue: Optional[_Cue],
                keys: list[tuple[Span, tuple[str, Optional[str]]]], current,
                latest_of_kind: dict[str, tuple[int, tuple[str, Optional[str]]]],
                first_of_kind: dict[str, tuple[str, Optional[str]]]):
        """The window a time belongs to: a window word in its sentence, else the one discussed.

        A cue from one kind's own vocabulary ("the walkout stopped") points to a window of
        that kind, even when a window of another kind is named nearer ("under the
        agreement reached on Saturday, it stopped at 6 p.m.").
        """
        kinds = cue.kinds if cue is not None else frozenset()
        if kinds:
            same_kind = [(span, key) for span, key in keys if key[0] in kinds]
            if same_kind:
                return _nearest_key(same_kind, expression.span)
            earlier = [latest_of_kind[kind] for kind in kinds if kind in latest_of_kind]
            if earlier:
                return max(earlier)[1]
            if not keys and current is None:
                return next((first_of_kind[kind] for kind in sorted(kinds) if kind in first_of_kind), None)
        return _nearest_key(keys, expression.span) if keys else current

    def _statement_time(self, expressions: Sequence[TimeExpression], claiming: "_ClaimingCues") -> Optional[Instant]:
        for expression in expressions:
            if expression.type in (TimexType.DATE, TimexType.TIME) and expression.instant is not None:
                cue = claiming.of(expression.span)
                if cue is not None and cue.role == "announce":
                    return expression.instant
        return None

    def _assign(self, text: str, expression: TimeExpression, cues: Sequence[_Cue], cue: Optional[_Cue],
                keys: list[tuple[Span, tuple[str, Optional[str]]]], target, said_by, said_at,
                builder: "_WindowBuilder", recent: bool, sentence: Span,
                sentence_times: Sequence[TimeExpression] = ()) -> None:
        """Make ``expression`` a claim of the ``target`` window, if its cues say what it is."""
        if target is None:
            return
        common = dict(text=expression.text, span=expression.span, said_by=said_by, said_at=said_at)
        if expression.type is TimexType.DURATION:
            if expression.duration is None:
                return
            elapsed = _elapsed_end(text, expression, cues, common)
            offset = None if elapsed is not None else _offset_end(text, expression, cues, sentence_times, sentence, common)
            added = None if elapsed or offset else _extended_by(text, expression, cues, common)
            if elapsed is not None:
                builder.add(target, "elapsed_ends", elapsed)
            elif offset is not None:
                builder.add(target, "offset_ends", offset)
            elif added is not None:
                builder.add(target, "extensions_by", added)
            elif expression.duration.max is None:
                pass  # an open-ended length ("held for more than a week") states no length to compare
            elif keys and _extension_length(text, expression, keys):
                builder.add(target, "durations", StatedDuration(value=expression.duration, extension=True, **common))
            elif keys and self._is_window_length(text, expression, keys):
                builder.add(target, "durations", StatedDuration(
                    value=expression.duration, reported=_is_reported_length(text, expression, sentence), **common))
            elif not keys and recent and _CARRIED_LENGTH.search(text, max(sentence.start, expression.span.start - 30),
                                                                  expression.span.start):
                # "Rebel commanders said they had agreed to only 48 hours": the length of the
                # window named in the sentence before.
                builder.add(target, "durations", StatedDuration(value=expression.duration, **common))
            return
        if expression.type not in (TimexType.DATE, TimexType.TIME) or expression.instant is None:
            return
        if not keys and not _carries_over(text, sentence.start, expression, cue, recent):
            return
        if (expression.role is Role.START and expression.cue_span is not None
                and " ".join(expression.cue_span.text_of(text).lower().split()) in _INTRANSITIVE_ENDS
                and _other_subject(text, sentence, expression.cue_span, [span for span, _ in keys])):
            # "tariffs would take effect on August 1": the start of something else.
            expression = attrs.evolve(expression, role=None, cue_span=None, cue=None)
            cue = cue if cue is None or cue.role != "start" else None
        if cue is not None and cue.role == "extend" and _scheduled(text, cue):
            # "It was due to remain in force until October 3": the plan, not an extension.
            cue = attrs.evolve(cue, role="planned_end")
        role = _time_role(expression, cue, has_window_word=bool(keys),
                          new_end=bool(_NEW_END.search(text, max(0, expression.span.start - 12), expression.span.start)),
                          close_after_cue=cue is not None and _closely_follows(text, cue, expression))
        if role == "bound" and _FURTHER_LENGTH_BEFORE.search(text, max(sentence.start, expression.span.start - 50),
                                                             expression.span.start):
            role = "extended"  # "renewed ..., for another two months, until August 2": the new end
        elif role == "bound" and _suspended_until(text, sentence, expression, keys):
            return  # "agreed to suspend the strike until January 15": the suspension's end, not the strike's
        if role is None:
            return
        cue_text = cue.phrase if cue is not None else ""
        stated_end = expression.bound.end if expression.bound is not None else expression.instant
        if role == "bound":
            if (expression.bound is not None and expression.bound.cue_span.end <= expression.span.start
                    and expression.bound.cue.lower() not in ("and", "-", "\u2013")):
                # The bound's evidence is the whole phrase: "until February 1", not "February 1".
                span = expression.bound.cue_span.cover(expression.span)
                common = dict(common, span=span, text=span.text_of(text))
            bound = expression.bound
            builder.add(target, "bounds", EndBound(
                value=stated_end, cue=bound.cue if bound is not None else cue_text,
                inclusive=bound.inclusive if bound is not None else None, **common))
        elif role == "start":
            if expression.role is Role.START and expression.cue_span is not None:
                cue_text = " ".join(expression.cue_span.text_of(text).lower().split())
            builder.add(target, "starts", StatedStart(value=expression.instant, cue=cue_text, **common))
        elif role in ("ended", "extended"):
            # A window extended "through July 9" runs to that day's end, and one that "expired
            # at the end of Saturday" ended when Saturday did; one that "ended on January 3"
            # ended at some time that day, so an end counts at its end only when it names one.
            names_an_end = expression.mod == "END" and expression.text.lower().startswith(_END_OF_WORDS)
            use_end = expression.role is Role.BOUND and (role == "extended" or names_an_end)
            value = stated_end if use_end else expression.instant
            kind = ObservationKind.RESUMED if role == "ended" and cue is not None and cue.resumption else ObservationKind(role)
            builder.add(target, "observations", Observation(value=value, kind=kind, event=cue_text, **common))
        else:
            builder.add(target, "announcements", Announcement(value=expression.instant, **common))

    def _is_window_length(self, text: str, expression: TimeExpression,
                          keys: list[tuple[Span, tuple[str, Optional[str]]]]) -> bool:
        """Whether a length in a sentence naming a window is that window's length."""
        leading = _WORD.match(expression.text)
        if leading and leading.group(0).lower() in _NOT_A_LENGTH_BEFORE:
            return False  # the tagger kept the word in the span: "within hours", "over the past week"
        if "weekend" in expression.text.lower():
            return False  # "a weekend truce" says when, not how long
        before = text[max(0, expression.span.start - 40) : expression.span.start]
        after = text[expression.span.end : expression.span.end + 40]
        next_words = _WORD.findall(after)[:3]
        # "a 72-hour humanitarian ceasefire": the length modifies the window word after it.
        for span, _key in keys:
            gap = text[expression.span.end : span.start]
            if 0 <= span.start - expression.span.end <= 30 and _only_modifiers(gap):
                return True
        if next_words and next_words[0].lower() in _NOT_A_LENGTH_AFTER:
            return False
        if _TIME_INTO.match(after):
            return False  # "collapsed a day in", "two weeks in, the talks stalled": time since the start
        if _modifies_next_noun(text, expression):
            # A hyphenated length ("11-day war") modifies the noun after it, not our window.
            return False
        if _LENGTH_CUES.search(before):
            return True
        previous_words = _WORD.findall(before)[-2:]
        if any(word.lower() in _NOT_A_LENGTH_BEFORE for word in previous_words):
            return False
        if previous_words and previous_words[-1].lower() == "of":
            # "a maturity of 35 years": the length of the noun before "of", unless that
            # noun is the window itself ("a truce of 36 hours").
            of_at = before.lower().rfind("of")
            owner = expression.span.start - len(before) + of_at
            return any(0 <= owner - span.end <= 2 for span, _ in keys)
        near = [span for span, _ in keys if abs(span.start - expression.span.start) <= 60]
        return bool(near)


def _modifies_next_noun(text: str, expression: TimeExpression) -> bool:
    """Whether a length is an adjective of the word after it ("11-day war", "two-week closure")."""
    return (expression.text[-1:].isalpha() and "-" in expression.text
            and bool(_WORD.match(text, expression.span.end + 1)) and text[expression.span.end : expression.span.end + 1] == " ")


_ELAPSED_CUE = re.compile(r"\b(after|within)\s+(?:(?:just|only|barely|less\s+than|more\s+than|about|some)\s+)?$", re.I)
_ELAPSED_CUE_INSIDE = re.compile(r"(after|within)\b", re.I)


def _elapsed_end(text: str, expression: TimeExpression, cues: Sequence[_Cue], common: dict) -> Optional[_ElapsedEnd]:
    """ "was called off after 24 hours": an end stated as time since the start, or None.

    Only a reported end qualifies: an end cue, not planned, just before "after"/"within".
    """
    before = _ELAPSED_CUE.search(text, max(0, expression.span.start - 30), expression.span.start)
    if before is None:
        # The tagger may keep the preposition inside the expression: "within minutes".
        before = _ELAPSED_CUE_INSIDE.match(text, expression.span.start, expression.span.end)
    if before is None:
        return None
    if _modifies_next_noun(text, expression):
        return None  # "reopens after two-week closure": the length of the closure, not a time since
    ending = [cue for cue in cues if cue.role == "end" and not cue.not_yet
              and 0 <= before.start() - cue.span.end <= CUE_REACH // 2]
    if not ending:
        return None
    span = Span(before.start(1), expression.span.end)
    return _ElapsedEnd(text=span.text_of(text), span=span, length=expression.duration,
                       within=before.group(1).lower() == "within", event=ending[-1].phrase,
                       resumption=ending[-1].resumption,
                       said_by=common["said_by"], said_at=common["said_at"])


_END_OF_WORDS = ("the end of", "end of", "the very end of", "the close of", "close of")

_EXTENSION_OF = re.compile(r"\s+(?:extension|renewal|prolongation)\s+of\s+(?:the|a|an|its|their|this)\s+$", re.I)


def _extension_length(text: str, expression: TimeExpression, keys: list[tuple[Span, tuple[str, Optional[str]]]]) -> bool:
    """ "a 24-hour extension of the ceasefire": the length of the window's extension."""
    return any(0 < span.start - expression.span.end <= 40
               and _EXTENSION_OF.fullmatch(text, expression.span.end, span.start) for span, _ in keys)


_BEFORE_AFTER_LENGTH = re.compile(r"\s+before\b", re.I)
_APPROXIMATELY = re.compile(r"\b(?:about|around|roughly|approximately|some|nearly|almost)\s+$", re.I)
_STATED_END = re.compile(r"\b(?:deadline|expir\w*|due\s+to\s+(?:end|expire|run\s+out|lapse))\b", re.I)
# How far after "before" the end it counts back from may be.
OFFSET_REACH = 100


def _offset_end(text: str, expression: TimeExpression, cues: Sequence[_Cue], times: Sequence[TimeExpression],
                sentence: Span, common: dict) -> Optional["_OffsetEnd"]:
    """ "rockets were fired about seven hours before the extension was due to run out at
    midnight": an end stated as time before the window's stated end, or None.

    Only a reported end qualifies (an end cue earlier in the sentence, not planned), and
    only when a time after "before" names the stated end it counts back from.
    """
    before = _BEFORE_AFTER_LENGTH.match(text, expression.span.end)
    if before is None or expression.duration.max is None:
        return None
    ending = [cue for cue in cues if cue.role == "end" and not cue.not_yet and cue.span.end <= expression.span.start]
    if not ending:
        return None
    for anchor in times:
        if anchor.span.start < before.end() or anchor.span.start - before.end() > OFFSET_REACH:
            continue
        if anchor.type not in (TimexType.DATE, TimexType.TIME) or anchor.instant is None:
            continue
        if _CLAUSE_BREAK.search(text, before.end(), anchor.span.start):
            break
        planned = any(cue.role == "planned_end" or (cue.role == "end" and cue.not_yet)
                      for cue in cues if before.end() <= cue.span.start < anchor.span.start)
        if not (anchor.role is Role.BOUND or planned or _STATED_END.search(text, before.end(), anchor.span.start)):
            continue
        approximate = _APPROXIMATELY.search(text, max(sentence.start, expression.span.start - 16), expression.span.start)
        start = approximate.start() if approximate else expression.span.start
        span = Span(start, before.end())
        low, high = expression.duration.min, expression.duration.max
        return _OffsetEnd(text=span.text_of(text), span=span, low=low, high=high, approximate=bool(approximate),
                          stated_end=anchor.bound.end if anchor.bound is not None else anchor.instant,
                          event=ending[-1].phrase, resumption=ending[-1].resumption,
                          said_by=common["said_by"], said_at=common["said_at"])
    return None


# "extended the pause to August 1": the time after an extension cue that names the new end.
_NEW_END = re.compile(r"\b(?:to|until|till|through|into)\s+$", re.IGNORECASE)


def _time_role(expression: TimeExpression, cue: Optional[_Cue], has_window_word: bool,
               new_end: bool = False, close_after_cue: bool = False) -> Optional[str]:
    """What a date or time says about its window: "bound", "start", "ended", "extended",
    "announced", or None when its cues do not say.
    """
    planned = cue is not None and (cue.role == "planned_end" or (cue.role == "end" and cue.not_yet))
    if expression.role is Role.BOUND or planned:
        if cue is not None and cue.role == "end" and not cue.not_yet and close_after_cue:
            return "ended"
        if cue is not None and cue.role == "extend":
            return "extended"
        return "bound"
    if expression.role is Role.START or (cue is not None and cue.role == "start"):
        return "start"
    if cue is None:
        return None
    if cue.role == "end" and not cue.not_yet:
        return "ended"
    if cue.role == "extend" and (new_end or cue.phrase.endswith(("until", "to"))):
        # An extension names the new end; "extended in February" only dates the decision.
        return "extended"
    if cue.role == "announce" and has_window_word and not cue.not_yet:
        return "announced"
    return None


def _closely_follows(text: str, cue: _Cue, expression: TimeExpression) -> bool:
    """Whether the time is the cue's own complement: "expired at midnight at the end of Saturday".

    A stated end that merely shares a sentence with an end ("returned to work on Saturday,
    after a strike called until October 3") is still a bound.
    """
    if cue.span.end > expression.span.start:
        return False
    gap = text[cue.span.end : expression.span.start]
    return len(gap) <= 40 and not re.search(r"[,;:]", gap)


_SCHEDULE = re.compile(r"\b(?:due|set|scheduled|meant|supposed|planned)\s+to\b|\b(?:was|were)\s+to\b", re.I)


def _scheduled(text: str, cue: _Cue) -> bool:
    """Whether a cue is stated as a schedule ("was due to remain in force") rather than a decision."""
    return bool(_SCHEDULE.search(text, max(0, cue.span.start - 30), cue.span.start))


# "for another two months, until August 2", "by a further 30 days to July 9": a bound after
# an added length is the new end of an extension, whatever cue came before.
_FURTHER_LENGTH_BEFORE = re.compile(
    r"\b(?:another|(?:a\s+)?further|(?:an\s+)?additional|(?:an\s+)?extra)\s+(?:[\w-]+\s+){0,2}[\w-]+,?\s+"
    r"(?:until|till|to|through|into)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SUSPENDING = re.compile(r"\b(?:suspend|suspends|suspending|postpone\w*|defer\w*|delay\w*|put\s+off|pause|pauses|pausing)\b"
                         r"[^.;:,]{0,40}$", re.IGNORECASE)


def _suspended_until(text: str, sentence: Span, expression: TimeExpression,
                     keys: list[tuple[Span, tuple[str, Optional[str]]]]) -> bool:
    """Whether a bound ends a suspension of the window rather than the window itself.

    Not when the suspending word is itself the window's name (a moratorium "suspending
    evictions until October 3", "a pause in strikes until February 1").
    """
    cue_start = expression.bound.cue_span.start if expression.bound is not None else expression.span.start
    match = _SUSPENDING.search(text, max(sentence.start, cue_start - 60), cue_start)
    if match is None:
        return False
    return not any(span.start <= match.start() < span.end for span, _ in keys)


_BACK_REFERENCE = re.compile(r"\b(?:it|its|they|their|this|that)\b", re.IGNORECASE)


def _carries_over(text: str, sentence_start: int, expression: TimeExpression, cue: Optional[_Cue], recent: bool) -> bool:
    """Whether a time in a sentence that names no window belongs to the one discussed before.

    A window's own end words ("strikes resumed") and extensions reach across the text.
    From the sentence right after the window was named, a sentence whose subject refers
    back to it ("It collapsed at 6 p.m.", "It was due to remain in force until October 3")
    gives it its bounds and ends, and a stated bound also reaches through a possessive
    ("agreed to hold its strikes until February 1"); not "the bill funds the government
    until February 15", nor starts and bare verbs of other subjects ("banks began accepting
    payments on Monday").
    """
    if cue is not None and (cue.specific or cue.role == "extend"):
        return True
    if not recent:
        return False
    if expression.role is Role.BOUND and _BACK_REFERENCE.search(text, sentence_start, expression.span.start):
        return True
    subject_refers_back = _BACK_REFERENCE_SUBJECT.match(text, sentence_start)
    if cue is not None and cue.role in ("end", "planned_end") and _OBJECT_REFERS_BACK.match(text, cue.span.end):
        return True  # "The landlords revoked it on April 14": the end's object is the window
    return bool(subject_refers_back) and cue is not None and cue.role in ("end", "planned_end")


_BACK_REFERENCE_SUBJECT = re.compile(r"[\"'\u201c]?(?:It|They|This)\b")
_OBJECT_REFERS_BACK = re.compile(r"\s+(?:it|them)\b(?!\s+(?:was|is|had|has|would|will)\b)", re.IGNORECASE)


# A length that a sentence after the window's gives it without naming it again: only an
# agreement to a length ("they had agreed to only 48 hours"), since bare "for three weeks"
# in the next sentence is as often the length of something else.
_CARRIED_LENGTH = re.compile(
    r"\b(?:agreed|consented|committed)\s+to\s+(?:(?:only|just|about|some|up\s+to)\s+)?$",
    re.IGNORECASE,
)


# Words before a length that tell it after the fact: "had lasted 76 days", "has been in
# force for 40 days".  A plan ("was set to last", "would last") is not a report, and
# "lasted" reports only with no modal before it.  "The end of a 73-day lockdown" is not
# enough alone: "ended their five-day strike two days early" names the plan.
_REPORTED_LENGTH = re.compile(
    r"(?:\b(?:had|has|have)\s+(?:now\s+|already\s+)?(?:lasted|run|gone\s+on|been\s+in\s+(?:force|place|effect))"
    r"|\blasted)(?:\s+for)?(?:\s+(?:some|about|nearly|almost|more\s+than))?\s+$",
    re.IGNORECASE,
)


def _is_reported_length(text: str, expression: TimeExpression, sentence: Span) -> bool:
    """Whether a window's length is told as it turned out rather than as planned."""
    clause_start = max(sentence.start, _clause_start(text, sentence.start, expression.span.start))
    before = text[max(clause_start, expression.span.start - 40) : expression.span.start]
    match = _REPORTED_LENGTH.search(before)
    if match is None:
        return False
    return not _MODAL_BEFORE.search(before[: match.start()])


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|should|shall|set|due|expected|planned|meant|supposed)\b", re.I)


_COMMENTARY = re.compile(r"\b(?:only|just|merely|barely|mere|little more than)\s+(?:in\s+effect\s+for\s+|for\s+)?$", re.I)


def _is_commentary(text: str, expression: TimeExpression) -> bool:
    """ "the weeklong ceasefire lasted just two days": the writer's own reckoning, not a claim."""
    return bool(_COMMENTARY.search(text[max(0, expression.span.start - 40) : expression.span.start]))


def _only_modifiers(gap: str) -> bool:
    """Whether the text between a length and a window word is only adjectives ("humanitarian")."""
    words = _WORD.findall(gap)
    if re.search(r"[,.;:()\"\u201c\u201d]", gap):
        return False
    return len(words) <= 2 and all(word.lower() not in _FUNCTION_WORDS and word.lower() not in _PREPOSITIONS
                                   for word in words)


# Generic starts and ends that say what happened to their subject, which must then be the
# window: "the truce took effect", not "tariffs would take effect after the pause".
_INTRANSITIVE_ENDS = frozenset({
    "collapsed", "collapses", "broke down", "breaks down", "expired", "expires", "lapsed", "lapses", "ran out", "was over",
    "took effect", "take effect", "takes effect", "taking effect", "went into effect", "came into force",
    "come into force", "entered into force",
})
_SUBJECT_REFERS_BACK = frozenset("it they this that which who these those".split())
_BEFORE_VERB = re.compile(r"([A-Za-z][A-Za-z'\u2019-]*)((?:\s+(?:had|has|have|will|would|could|should|shall|may|might|must"
                          r"|did|does|do|not|never|to|be|been|is|was|were|are|quickly|soon|later|then|finally|already"
                          r"|\w+ly))*)\s+$")


def _other_subject(text: str, sentence: Span, cue: Span, mentions: Sequence[Span]) -> bool:
    """Whether an intransitive end's subject is something other than a window.

    Only when its clause up to the verb names no window and refers back to none ("The
    bridge collapsed"), and a content word stands right before the verb; "a truce between
    Israel and Hamas expired" keeps its cue.
    """
    clause_start = max(sentence.start, _clause_start(text, sentence.start, cue.start))
    if any(clause_start <= span.start < cue.start for span in mentions):
        return False
    if _BACK_REFERENCE.search(text, clause_start, cue.start):
        return False
    match = _BEFORE_VERB.search(text, max(clause_start, cue.start - 60), cue.start)
    if match is None:
        return False  # a comma or quote before the verb: the subject is out of sight
    lowered = match.group(1).lower()
    return not (lowered in _SUBJECT_REFERS_BACK or lowered in _FUNCTION_WORDS or lowered in _PREPOSITIONS)


def _clause_start(text: str, sentence_start: int, position: int) -> int:
    cut = max(text.rfind(mark, sentence_start, position) for mark in (",", ";", ":", "\u2014"))
    return cut + 1 if cut >= 0 else sentence_start


def _claiming_cue(text: str, span: Span, cues: Sequence[_Cue], sentence_start: int) -> Optional[_Cue]:
    """The cue nearest before ``span`` within reach, else the nearest after it in its clause.

    English states the event before its time ("expired at midnight", "took effect at 8
    a.m."); a cue after the time only claims it when nothing before does and no clause
    boundary lies between ("On Monday the United States lifted the ban", but not "shelling
    was reported on Wednesday, but the truce held and expired").  A comma is a boundary
    unless the time opens the sentence ("On Monday, the ban was lifted") or a participle
    clause follows it ("fell on March 26, blocking the channel").
    """
    before = [cue for cue in cues if cue.span.end <= span.start and span.start - cue.span.end <= CUE_REACH]
    if before:
        return max(before, key=lambda cue: cue.span.end)
    opens_sentence = bool(_SENTENCE_OPENING.fullmatch(text, sentence_start, span.start))
    after = [cue for cue in cues if cue.span.start >= span.end
             and (cue.span.start - span.end) * AFTER_PENALTY <= CUE_REACH
             and not _CLAUSE_BREAK.search(text, span.end, cue.span.start)
             and (opens_sentence or "," not in text[span.end : cue.span.start]
                  or _participle_clause(text, span.end, cue))]
    return min(after, key=lambda cue: cue.span.start) if after else None


class _ClaimingCues:
    """`_claiming_cue` for every time of one sentence, each worked out once.

    A dense sentence holds dozens of times and cues, and each time is asked about twice
    (its statement time, its claim).  The cues come in text order and never overlap, so
    their ends rise too: the nearest cue before a time is found by bisection, and the cues
    after it are read in order only as far as a cue could still claim it.  Cues that do
    not lie so (an empty span) are left to `_claiming_cue`.
    """

    def __init__(self, text: str, cues: Sequence[_Cue], sentence_start: int) -> None:
        self._text = text
        self._cues = cues
        self._sentence_start = sentence_start
        self._starts = [cue.span.start for cue in cues]
        self._ends = [cue.span.end for cue in cues]
        self._ordered = (all(cue.span.start < cue.span.end for cue in cues)
                         and all(self._ends[index] <= self._starts[index + 1] for index in range(len(cues) - 1)))
        self._known: dict[tuple[int, int], Optional[_Cue]] = {}

    def of(self, span: Span) -> Optional[_Cue]:
        """``_claiming_cue(text, span, cues, sentence_start)``."""
        key = (span.start, span.end)
        if key in self._known:
            return self._known[key]
        cue = self._find(span) if self._ordered else _claiming_cue(self._text, span, self._cues, self._sentence_start)
        self._known[key] = cue
        return cue

    def _find(self, span: Span) -> Optional[_Cue]:
        cues, text = self._cues, self._text
        last_before = bisect.bisect_right(self._ends, span.start) - 1
        if last_before >= 0 and span.start - self._ends[last_before] <= CUE_REACH:
            return cues[last_before]
        opens_sentence = None
        for index in range(bisect.bisect_left(self._starts, span.end), len(cues)):
            cue = cues[index]
            if (cue.span.start - span.end) * AFTER_PENALTY > CUE_REACH:
                return None
            if _CLAUSE_BREAK.search(text, span.end, cue.span.start):
                continue
            if opens_sentence is None:
                opens_sentence = bool(_SENTENCE_OPENING.fullmatch(text, self._sentence_start, span.start))
            if opens_sentence or "," not in text[span.end: cue.span.start] or _participle_clause(text, span.end, cue):
                return cue
        return None


# ", killing six workers and blocking": a participle clause after the time tells what the
# same event did, so its verb claims the time across the comma.
_PARTICIPLE_AFTER_COMMA = re.compile(r"\s*,\s*(?:[a-z]+ing\b[^,;:.\u2014]*)?", re.IGNORECASE)


def _participle_clause(text: str, time_end: int, cue: _Cue) -> bool:
    """Whether the cue sits in a participle clause right after the time's comma."""
    gap = _PARTICIPLE_AFTER_COMMA.fullmatch(text, time_end, cue.span.start)
    if gap is None:
        return False
    return gap.group(0).rstrip(" ,") != "" or cue.phrase.split()[0].endswith("ing")

_SENTENCE_OPENING = re.compile(r"\W*(?:(?:on|in|at|by|late|early|since|from|until|as\s+of)\s+)?", re.IGNORECASE)


# Between a time and a later verb, these end the time's clause.
_CLAUSE_BREAK = re.compile(r"[;:\u2014]|,\s*(?:but|while|although|though|and|as|when|after|before)\b"
                           r"|\s(?:but|while|although|though|whereas)\s", re.IGNORECASE)


def _nearest_key(keys: list[tuple[Span, tuple[str, Optional[str]]]], span: Span) -> tuple[str, Optional[str]]:
    return min(keys, key=lambda item: abs(item[0].start - span.start))[1]


def _qualifier(text: str, span: Span, sentence: Span, times: Sequence[TimeExpression]) -> Optional[str]:
    """A word that tells this window apart from others of its kind, or None.

    Proposals ("a 30-day ceasefire instead") and other instances ("the third strike this
    year", "a 10-day strike in March") are always apart; otherwise a noun right
    before the window word ("the passenger strike") or after a preposition ("the walkout
    in freight") qualifies it, unless it only describes ("humanitarian", "new").
    """
    before = text[sentence.start : span.start]
    after = text[span.end : sentence.end]
    if _PROPOSAL_BEFORE.search(before[-60:]) or _PROPOSAL_AFTER.search(after):
        return f"{APART}{span.start}"
    if _OTHER_INSTANCE_BEFORE.search(before[-40:]) or (
            _INDEFINITE_BEFORE.search(before[-40:]) and _DATED_AFTER.match(after)):
        # "the union's third five-day strike this year", "a 10-day strike in March":
        # another window of the same kind, told of in passing.
        return f"{APART}{span.start}"
    words = list(_WORD.finditer(text, max(sentence.start, span.start - 40), span.start))
    if words and not before.rstrip().endswith((",", ";", ":")) and words[-1].end() >= span.start - 1:
        word = words[-1]
        candidate = word.group(0).lower()
        in_time = any(t.span.start <= word.start() < t.span.end for t in times)
        if (candidate.isalpha() and candidate not in _UNQUALIFYING and candidate not in _FUNCTION_WORDS
                and not in_time and not word.group(0)[0].isupper()):
            return candidate
    match = _QUALIFIER_AFTER.match(after)
    if match and match.group(1) not in _UNQUALIFYING and match.group(1) not in _FUNCTION_WORDS:
        word = match.group(1)
        if word.islower():
            return word
    return None


@attrs.frozen(kw_only=True)
class _ElapsedEnd:
    """An end stated as time since the start: "called off after 24 hours", "collapsed within hours".

    It becomes an `Observation` once the window's start is known: the start's range moved
    by the length (from zero, for "within").
    """

    text: str
    span: Span
    length: DurationRange
    within: bool
    event: str
    said_by: Optional[str]
    said_at: Optional[Instant]
    resumption: bool = False

    def at(self, start: Instant) -> Observation:
        low = Duration() if self.within else self.length.min
        high = self.length.max if self.length.max is not None else _vague_ceiling(self.length.min)
        value = Instant(low.add_to(start.earliest), high.add_to(start.latest), start.grain)
        return Observation(text=self.text, span=self.span, value=value, kind=_ending_kind(self.resumption),
                           event=self.event, said_by=self.said_by, said_at=self.said_at,
                           elapsed=DurationRange(low, high))


@attrs.frozen(kw_only=True)
class _OffsetEnd:
    """An end stated as time before the window's stated end: "seven hours before it was due to expire".

    It becomes an `Observation` once the window's bounds are settled: the stated end it
    counts back from is the window's bound at that moment, which consolidation may have
    narrowed ("midnight" on a day read as its start or its end), else the time as tagged.
    "About" widens a clock offset by a tenth either way.
    """

    text: str
    span: Span
    low: Duration
    high: Duration
    approximate: bool
    stated_end: Instant
    event: str
    said_by: Optional[str]
    said_at: Optional[Instant]
    resumption: bool = False

    def at(self, bounds: Sequence[EndBound]) -> Optional[Observation]:
        try:
            return self._at(bounds)
        except (OverflowError, ValueError):
            return None  # counted back past year 1

    def _at(self, bounds: Sequence[EndBound]) -> Observation:
        end = next((bound.value for bound in bounds if bound.value.overlaps(self.stated_end)), self.stated_end)
        if self.approximate and not (self.low.calendar_part or self.high.calendar_part):
            low, high = self.low.clock_part * 0.9, self.high.clock_part * 1.1
            earliest = (to_utc(end.earliest) - high).astimezone(end.earliest.tzinfo)
            latest = (to_utc(end.latest) - low).astimezone(end.latest.tzinfo)
        else:
            earliest = self.high.subtract_from(end.earliest)
            latest = self.low.subtract_from(end.latest)
        value = Instant(earliest, latest, end.grain)
        return Observation(text=self.text, span=self.span, value=value, kind=_ending_kind(self.resumption),
                           event=self.event, said_by=self.said_by, said_at=self.said_at)


# "extended the pause by three weeks", "was extended on Monday for another five days": the
# added length.
_BY_LENGTH = re.compile(r"^[^.;:,]{0,30}?\b(?:by|for)\s+(?:another\s+|a\s+further\s+|an\s+extra\s+|an\s+additional\s+)?$",
                        re.IGNORECASE)


def _extended_by(text: str, expression: TimeExpression, cues: Sequence[_Cue], common: dict) -> Optional["_ExtendedBy"]:
    """ "it was extended by three weeks": an extension stated as a length added to the end."""
    if expression.duration is None or expression.duration.max is None:
        return None
    for cue in cues:
        if cue.role == "extend" and not cue.not_yet and cue.span.end <= expression.span.start:
            if _BY_LENGTH.match(text[cue.span.end : expression.span.start]):
                span = Span(cue.span.start, expression.span.end)
                return _ExtendedBy(text=span.text_of(text), span=span, length=expression.duration, event=cue.phrase,
                                   said_by=common["said_by"], said_at=common["said_at"])
    return None


@attrs.frozen(kw_only=True)
class _ExtendedBy:
    """An extension stated as a length added to the window's end ("extended by three weeks").

    It becomes an `Observation` that the window ran on to its stated end bound plus that
    length, or, with no bound, to its start plus its one stated length plus that length.
    """

    text: str
    span: Span
    length: DurationRange
    event: str
    said_by: Optional[str]
    said_at: Optional[Instant]

    def at(self, window: Window) -> Optional[Observation]:
        try:
            return self._at(window)
        except (OverflowError, ValueError):
            return None  # a length that runs past year 9999 gives no end to compare

    def _at(self, window: Window) -> Optional[Observation]:
        if len(window.bounds) == 1:
            end = window.bounds[0].value
        elif not window.bounds and len(window.starts) == 1 and len(window.durations) == 1:
            stated = window.durations[0].value
            if stated.max is None:
                return None
            start = window.starts[0].value
            end = Instant(stated.min.add_to(start.earliest), stated.max.add_to(start.latest), start.grain)
        else:
            return None
        value = Instant(self.length.min.add_to(end.earliest), self.length.max.add_to(end.latest), end.grain)
        return Observation(text=self.text, span=self.span, value=value, kind=ObservationKind.EXTENDED,
                           event=self.event, said_by=self.said_by, said_at=self.said_at)


def _ending_kind(resumption: bool) -> ObservationKind:
    return ObservationKind.RESUMED if resumption else ObservationKind.ENDED


def _vague_ceiling(least: Duration) -> Duration:
    """The most a vague count of a unit can mean: "minutes" stay under an hour, "hours" under a day."""
    if least.years or least.months:
        return Duration(years=max(1, least.years + 1))
    if least.weeks:
        return Duration(months=2)
    if least.days:
        return Duration(weeks=2)
    if least.hours:
        return Duration(days=1)
    return Duration(hours=1)


_CLAIM_FIELDS = ("durations", "bounds", "starts", "observations", "elapsed_ends", "offset_ends", "extensions_by")


class _WindowBuilder:
    """Collects mentions and claims per (kind, qualifier), then forms windows."""

    def __init__(self) -> None:
        self._order: list[tuple[str, Optional[str]]] = []
        self._mentions: dict[tuple[str, Optional[str]], list[Mention]] = {}
        self._claims: dict[tuple[str, Optional[str]], dict[str, list]] = {}

    def mention(self, kind: str, qualifier: Optional[str], mention: Mention) -> tuple[str, Optional[str]]:
        key = (kind, qualifier)
        self._known(key)
        self._mentions[key].append(mention)
        return key

    def add(self, key: tuple[str, Optional[str]], field: str, claim: object) -> None:
        # A claim may come before its window's first mention (a lead sentence's end).
        self._known(key)
        self._claims[key][field].append(claim)

    def _known(self, key: tuple[str, Optional[str]]) -> None:
        if key not in self._mentions:
            self._order.append(key)
            self._mentions[key] = []
            self._claims[key] = {"durations": [], "bounds": [], "starts": [], "observations": [], "announcements": [],
                                 "elapsed_ends": [], "offset_ends": [], "extensions_by": []}

    def windows(self) -> list[Window]:
        groups = self._merged_groups()
        windows: list[Window] = []
        for number, members in enumerate(groups, start=1):
            mentions = [m for key in members for m in self._mentions[key]]
            claims = {field: [c for key in members for c in self._claims[key][field]] for field in self._claims[members[0]]}
            if not any(claims[field] for field in _CLAIM_FIELDS):
                continue
            kinds = [key[0] for key in members for _ in self._mentions[key]]
            kind = max(sorted(set(kinds)), key=kinds.count)
            announcements = sorted(claims["announcements"], key=lambda a: a.value.earliest)
            starts = claims["starts"]
            if not starts and announcements:
                starts = [_inferred_start(announcements[0])]
            window = consolidate(Window(
                id=f"w{number}", kind=kind, mentions=sorted(mentions, key=lambda m: m.span.start),
                durations=claims["durations"], bounds=claims["bounds"], starts=starts,
                observations=claims["observations"], announced=announcements[0] if announcements else None,
            ))
            timed = [ended for offset in claims["offset_ends"] if (ended := offset.at(window.bounds)) is not None]
            timed += [extension for added in claims["extensions_by"] if (extension := added.at(window)) is not None]
            if claims["elapsed_ends"] and len(window.starts) == 1:
                timed += [ended.at(window.starts[0].value) for ended in claims["elapsed_ends"]]
            if timed:
                window = consolidate(attrs.evolve(window, observations=(*window.observations, *timed)))
            windows.append(window)
        return [attrs.evolve(window, id=f"w{index}") for index, window in enumerate(windows, start=1)]

    def _has_claims(self, key: tuple[str, Optional[str]]) -> bool:
        return any(self._claims[key][field] for field in _CLAIM_FIELDS)

    def _merged_groups(self) -> list[list[tuple[str, Optional[str]]]]:
        """One group for the document, split only by distinct qualifiers that have claims."""
        distinct = [key for key in self._order if key[1] is not None and self._has_claims(key)]
        by_qualifier: dict[str, list[tuple[str, Optional[str]]]] = {}
        for key in distinct:
            by_qualifier.setdefault(key[1], []).append(key)
        plain_qualifiers = [q for q in by_qualifier if not q.startswith(APART)]
        groups: list[list[tuple[str, Optional[str]]]] = []
        if len(plain_qualifiers) >= 2:
            groups.extend(by_qualifier[q] for q in plain_qualifiers)
            rest = [key for key in self._order if key[1] not in plain_qualifiers and not str(key[1]).startswith(APART)]
        else:
            rest = [key for key in self._order if not str(key[1]).startswith(APART)]
        if rest:
            groups.insert(0, rest)
        groups.extend([key] for key in self._order if str(key[1]).startswith(APART))
        return [group for group in groups if group]


def _inferred_start(announcement: Announcement) -> StatedStart:
    """With no stated start, the window began the day it was announced or the day after."""
    value = Instant.of_days(announcement.value.first_day, announcement.value.last_day + timedelta(days=1),
                            announcement.value.zone)
    return StatedStart(text=announcement.text, span=announcement.span, value=value, cue="announced",
                       inferred=True, said_by=announcement.said_by, said_at=announcement.said_at)


def extract_windows(text: str, expressions: Sequence[TimeExpression], vocabularies: Iterable[WindowVocabulary],
                    scan_from: int = 0) -> list[Window]:
    """Convenience: extract with a one-off `Extractor`."""
    return Extractor(tuple(vocabularies)).extract(text, expressions, scan_from)
