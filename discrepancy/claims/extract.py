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

This module holds the reading itself: which words name windows and cues in a sentence,
which window each time belongs to, and what role it plays there.  Its questions are
answered in modules of their own; of these, each imports only ones listed before it:

* `screen`: which phrase patterns a sentence may match at all (for speed only);
* `grammar`: words, clause boundaries, and whether a verb's subject is a window;
* `cues`: the `Cue` value and which cue claims a time;
* `lengths`: whether a length is the window's own, and whether it is reported;
* `relative_ends`: ends and extensions stated as a length from another time;
* `subjects`: what a window's verb says was closed or suspended ("The port closed");
* `qualifiers`: the word that tells one window apart from others of its kind;
* `builder`: merging mentions into windows and timing the relative ends.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable, Optional, Pattern, Sequence

import attrs

from ..temporal.cues import weekday_in_week_after
from ..temporal.expressions import Role, TimeExpression, TimexType
from ..temporal.values import Instant, Span
from .builder import WindowBuilder
from .cues import NOT_YET_REACH, ClaimingCues, Cue
from .grammar import (BACK_REFERENCE, CLAUSE_BREAK, FUNCTION_WORDS, INTRANSITIVE_ENDS, TRANSITIVE_ENDS, other_object,
                      other_subject, start_of_clause, starts_other_activity)
from .lengths import extension_length, is_commentary, is_reported_length, is_window_length
from .model import Announcement, EndBound, Mention, Observation, ObservationKind, StatedDuration, StatedStart, Window
from .qualifiers import (APART, STANDING, introduced_together, is_verb_form, qualifier_of, qualifying_words,
                         shares_subject)
from .relative_ends import elapsed_end, extended_by, held_then_ended, offset_end
from .screen import TextScreen, WordScreen
from .sentences import split_sentences
from .speakers import attribute_all
from .subjects import subject_head
from .vocabulary import GENERIC_CUES, GenericCues, WindowVocabulary


class Extractor:
    """Reusable: compiles the vocabularies once, then extracts windows from many texts."""

    def __init__(self, vocabularies: Sequence[WindowVocabulary], cues: GenericCues = GENERIC_CUES):
        self.vocabularies = tuple(vocabularies)
        self._screen = WordScreen()
        phrase_pattern = self._screen.pattern  # every pattern below also knows its phrases' first words
        self._called = [(v.kind, phrase_pattern(v.called)) for v in self.vocabularies if v.called]
        # The kinds that call each plain phrase, to settle a word several kinds share ("truce"
        # in a user's tariff file and in the built-in pack).
        self._kinds_calling: dict[str, tuple[str, ...]] = {}
        for v in self.vocabularies:
            for phrase in v.called:
                if "..." not in phrase:
                    key = " ".join(phrase.lower().split())
                    self._kinds_calling[key] = (*self._kinds_calling.get(key, ()), v.kind)
        self._shared_words = frozenset(phrase for phrase, kinds in self._kinds_calling.items() if len(set(kinds)) > 1)
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
                  screen: Optional[TextScreen] = None) -> list[tuple[str, Span, Optional[str]]]:
        found: dict[tuple[int, int], tuple[str, Span, Optional[str]]] = {}
        called = self._called if screen is None else screen.select("called", self._called, sentence)
        for kind, pattern in called:
            for match in pattern.finditer(text, sentence.start, sentence.end):
                key = (match.start(), match.end())
                if _INFINITIVE_BEFORE.search(text, max(sentence.start, match.start() - 16), match.start()) \
                        and _OBJECT_AFTER.match(text, match.end()):
                    continue  # "gave police powers to ban gatherings": a power, not a window
                # Vocabularies come in load order, user files after the built-in pack, so a
                # later kind that claims the same words is the more specific and wins.
                span = Span(match.start(), match.end())
                found[key] = (kind, span, qualifier_of(text, span, sentence, times))
        # Keep the longest of overlapping mentions ("travel ban" over "ban").
        kept: list[tuple[str, Span, Optional[str]]] = []
        for item in sorted(found.values(), key=lambda m: (m[1].start, -len(m[1]))):
            if kept and kept[-1][1].overlaps(item[1]):
                continue
            kept.append(item)
        for index in range(1, len(kept)):
            (kind, span, qualifier), (earlier_kind, earlier, earlier_qualifier) = kept[index], kept[index - 1]
            if qualifier is None and kind == earlier_kind and shares_subject(text, earlier, span):
                kept[index] = (kind, span, earlier_qualifier)  # "The museum closed ... and will stay closed"
        # "The four-week circuit breaker, which closed schools", "the restrictions that shut
        # pubs": a verb in a relative clause of a window word tells what that window does.
        kept = [item for index, item in enumerate(kept)
                if not (index and is_verb_form(text, item[1]) and not is_verb_form(text, kept[index - 1][1])
                        and _RELATIVE_VERB.fullmatch(text, kept[index - 1][1].end, item[1].start))]
        if any(not is_verb_form(text, span) for _kind, span, _qualifier in kept):
            # "The Tyne Tunnel closed ... for what would be a 10-day closure": the noun names the
            # window, and the verb's subject does not tell it from the noun's.
            kept = [(kind, span, None if is_verb_form(text, span) and not str(qualifier).startswith(APART) else qualifier)
                    for kind, span, qualifier in kept]
        return kept

    def _settle_shared_words(self, text: str, sentence_mentions: list[list[tuple[str, Span, Optional[str]]]]
                             ) -> list[list[tuple[str, Span, Optional[str]]]]:
        """A word several kinds call ("truce", "restrictions") names the kind the text already named.

        "A six-day ceasefire took effect ... the truce would hold until January 2": with a
        rule file whose tariff pauses are also called "truce", the later "truce" still goes on
        about the ceasefire, since the text has named no tariff pause.  A word of one kind
        only, or a shared word before any of its kinds was named, keeps the load-order kind.
        """
        seen: list[str] = []
        settled_all = []
        for mentions in sentence_mentions:
            settled = []
            for kind, span, qualifier in mentions:
                if kind not in seen:
                    kinds = self._kinds_calling.get(" ".join(span.text_of(text).lower().split()), ())
                    earlier = [other for other in reversed(seen) if other in kinds]
                    if earlier:
                        kind = earlier[0]
                if kind not in seen:
                    seen.append(kind)
                settled.append((kind, span, qualifier))
            settled_all.append(settled)
        return settled_all

    def _cues(self, text: str, sentence: Span, screen: Optional[TextScreen] = None,
              named_kinds: Optional[frozenset[str]] = None, mentions: Sequence[Span] = ()) -> list[Cue]:
        """The cue phrases of a sentence, in text order.

        A kind's own cue counts only in a text that names a window of that kind: "opened"
        opens a grace period, not the closure a text about a port is about.  A generic end
        that only a subject can undergo ("collapsed", "expired") counts only when its
        subject may be the window: not "the bridge collapsed" or "his visa expired".
        """
        cues: list[Cue] = []
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
                if not kinds and phrase in INTRANSITIVE_ENDS and other_subject(text, sentence, span, mentions):
                    continue
                if role == "start" and not kinds and starts_other_activity(text, span, mentions):
                    # "officers began issuing fines on Thursday": the cue still claims the time,
                    # but as the start of another activity it says nothing of the window.
                    role = "other"
                clause_start = max(sentence.start, start_of_clause(text, sentence.start, span.start))
                not_yet = bool(self._not_yet.search(text, max(clause_start, span.start - NOT_YET_REACH), span.start)
                               or _INTENT_BEFORE.search(text, max(clause_start, span.start - _INTENT_REACH), span.start))
                if (not not_yet and role == "end" and clause_start > sentence.start and phrase.split()[0].endswith("ing")
                        and _PARTICIPLE_AFTER_PLAN.fullmatch(text, clause_start, span.start)):
                    # "It was initially set at seven days, ending at 11:59 p.m. on August 24":
                    # a participle after a comma goes on with the clause before it, plan and all.
                    previous = max(sentence.start, start_of_clause(text, sentence.start, clause_start - 1))
                    not_yet = bool(self._not_yet.search(text, previous, clause_start)
                                   or _PLAN_WORDS.search(text, previous, clause_start))
                cues.append(Cue(role, span, phrase, kinds, not_yet or role == "planned_end", resumption))
        return sorted(cues, key=lambda cue: cue.span.start)

    # -- the whole text ----------------------------------------------------------------

    def extract(self, text: str, expressions: Sequence[TimeExpression], scan_from: int = 0) -> list[Window]:
        """The windows ``text`` talks about, with their claims, in order of first mention."""
        sentences = split_sentences(text, scan_from, keep_whole=[e.span for e in expressions])
        attributions = attribute_all(text, sentences)
        screen = self._screen.over(text, sentences)
        ordered = sorted(expressions, key=lambda e: (e.span.start, e.span.end))
        starts = [e.span.start for e in ordered]
        builder = WindowBuilder()
        current: Optional[tuple[str, Optional[str]]] = None
        last_mentioned = -2
        last_kept: list[tuple[Span, tuple[str, Optional[str]]]] = []  # the windows named by the sentence before
        latest_of_kind: dict[str, tuple[int, tuple[str, Optional[str]]]] = {}
        in_sentences = []
        sentence_mentions = []
        for sentence in sentences:
            low = bisect.bisect_left(starts, sentence.start)
            high = bisect.bisect_left(starts, sentence.end)
            in_sentence = [e for e in ordered[low:high] if e.span.end <= sentence.end]
            in_sentences.append(in_sentence)
            sentence_mentions.append(self._mentions(text, sentence, in_sentence, screen))
        sentence_mentions = self._settle_shared_words(text, sentence_mentions)
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
            together = introduced_together(text, sentence_mentions[index])
            for position, (kind, span, qualifier) in enumerate(sentence_mentions[index]):
                words = (qualifying_words(text, span, sentence, in_sentence)
                         if qualifier is not None and not qualifier.startswith(APART) else frozenset())
                named = span.text_of(text)
                key = builder.mention(kind, qualifier, Mention(text=named, span=span), words,
                                      introduced=position in together,
                                      shared=" ".join(named.lower().split()) in self._shared_words)
                keys.append((span, key))
            if not keys and current is not None and index - last_mentioned == 1:
                anaphor = _GENERIC_ANAPHOR.match(text, sentence.start)
                if anaphor is not None and (anaphor.group("length") or anaphor.group("quoted")
                                            or anaphor.group("noun").lower() not in _TRIAL_NOUNS):
                    # "The measure was declared on Tuesday, October 17", "The one-year trial
                    # began on December 1": the window named in the sentence before, under a
                    # general name ("trial" only with a length: "the trial" alone is a court's).
                    noun = "quoted" if anaphor.group("quoted") else "noun"
                    keys.append((Span(anaphor.start(noun), anaphor.end(noun)), _main_referent(
                        text, sentences[index - 1].start, last_kept, current)))
            if not keys and current is not None and current[1] is not None and not current[1].startswith(APART):
                people = _QUALIFIED_PEOPLE.match(text, sentence.start)
                if people is not None and people.group("word").lower() not in (current[1], *FUNCTION_WORDS):
                    # "The passenger strike began at 2 a.m. ... Freight drivers downed tools at
                    # 6 p.m.": where windows are told apart by qualifiers, workers named by
                    # another one are in a window of their own.
                    span = Span(people.start(), people.end())
                    keys.append((span, builder.mention(current[0], people.group("word").lower(),
                                                       Mention(text=span.text_of(text), span=span))))
            # Before any window is named, a time belongs only to a window that a cue of its
            # own kind points ahead to.
            if in_sentence and (keys or current is not None or named_kinds):
                cues = _short_of_times(text, self._cues(text, sentence, screen, named_kinds, [span for span, _ in keys]),
                                       in_sentence)
                if not keys and current is None:
                    cues = [cue for cue in cues if cue.specific]
                    if not cues:
                        continue
                claiming = ClaimingCues(text, cues, sentence.start)
                said_at = self._statement_time(in_sentence, claiming)
                if said_at is not None:
                    # "'From 6 a.m. on Tuesday,' the spokesman said on Monday": a weekday the
                    # statement names lies in the week after it was made.
                    in_sentence = [weekday_in_week_after(e, said_at) if e.instant is not said_at else e
                                   for e in in_sentence]
                recent = index - last_mentioned == 1
                durations = [e for e in in_sentence if e.type is TimexType.DURATION]
                sets = [e for e in in_sentence if e.type is TimexType.SET]  # found once, asked of every time
                for expression in in_sentence:
                    if len(durations) > 1 and is_commentary(text, expression) and not held_then_ended(text, expression):
                        continue
                    if sets and _recurring(text, expression, sets):
                        continue  # "a nightly curfew from 8 p.m. to 5 a.m.": hours of each day, not the window's
                    if _relaxed_between(text, sentence, expression):
                        continue  # "will be relaxed between 7 a.m. and 2 p.m. on Thursday": a break in the window
                    cue = claiming.of(expression.span)
                    if cue is not None and cue.role == "announce":
                        cue = _ordered_end(text, cue, cues, claiming, in_sentence) or cue
                    if cue is None and expression.role is Role.BOUND:
                        cue = _extension_of_window(text, expression, cues, keys, in_sentence)
                    elif cue is not None and expression.role is Role.BOUND:
                        cue = _extension_past_relative(text, expression, cue, cues, keys) or cue
                    if (cue is not None and cue.role == "end" and cue.phrase in TRANSITIVE_ENDS
                            and other_object(text, cue.span, expression.span, [span for span, _ in keys])):
                        cue = None  # "cancelled $3.9 billion of trades made that morning": not the window's end
                    if cue is not None and cue.span.start >= expression.span.end and any(
                            0 <= span.start - expression.span.end <= 1 for span, _ in keys):
                        # "Easter Truce Ends": the time names the window; the verb is the window's.
                        cue = None
                    target = (not keys and _named_by_subject(text, sentence, cue, builder)
                              or self._target(expression, cue, keys, current, latest_of_kind, first_of_kind))
                    self._assign(text, expression, cues, cue, keys, target, said_by, said_at, builder, recent, sentence,
                                 in_sentence)
            # A proposal or another instance told in passing ("called for a 30-day ceasefire
            # instead") is not what the sentences after it go on about.
            kept = [(span, key) for span, key in keys if not str(key[1]).startswith(APART)]
            if kept:
                current, last_mentioned, last_kept = kept[-1][1], index, kept
                for position, (_span, key) in enumerate(kept):
                    latest_of_kind[key[0]] = (index * 1000 + position, key)
        return builder.windows()

    def _target(self, expression: TimeExpression, cue: Optional[Cue],
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

    def _statement_time(self, expressions: Sequence[TimeExpression], claiming: ClaimingCues) -> Optional[Instant]:
        for expression in expressions:
            if expression.type in (TimexType.DATE, TimexType.TIME) and expression.instant is not None:
                cue = claiming.of(expression.span)
                if cue is not None and cue.role == "announce":
                    return expression.instant
        return None

    def _assign(self, text: str, expression: TimeExpression, cues: Sequence[Cue], cue: Optional[Cue],
                keys: list[tuple[Span, tuple[str, Optional[str]]]], target, said_by, said_at,
                builder: WindowBuilder, recent: bool, sentence: Span,
                sentence_times: Sequence[TimeExpression] = ()) -> None:
        """Make ``expression`` a claim of the ``target`` window, if its cues say what it is."""
        if target is None:
            return
        common = dict(text=expression.text, span=expression.span, said_by=said_by, said_at=said_at)
        if expression.type is TimexType.DURATION:
            if expression.duration is None:
                return
            elapsed = elapsed_end(text, expression, cues, common)
            offset = None if elapsed is not None else offset_end(text, expression, cues, sentence_times, sentence, common)
            added = None if elapsed or offset else extended_by(text, expression, cues, common,
                                                                       [span for span, _ in keys])
            if elapsed is not None:
                builder.add(target, "elapsed_ends", elapsed)
            elif offset is not None:
                builder.add(target, "offset_ends", offset)
            elif added is not None:
                builder.add(target, "extensions_by", added)
            elif expression.duration.max is None:
                pass  # an open-ended length ("held for more than a week") states no length to compare
            elif keys and extension_length(text, expression, keys):
                builder.add(target, "durations", StatedDuration(value=expression.duration, extension=True, **common))
            elif keys and is_window_length(text, expression, keys):
                builder.add(target, "durations", StatedDuration(
                    value=expression.duration, reported=is_reported_length(text, expression, sentence), **common))
            elif not keys and recent and _CARRIED_LENGTH.search(text, max(sentence.start, expression.span.start - 30),
                                                                  expression.span.start):
                # "Rebel commanders said they had agreed to only 48 hours": the length of the
                # window named in the sentence before.
                builder.add(target, "durations", StatedDuration(value=expression.duration, **common))
            elif (not keys and recent and (_PRONOUN_SUBJECT.match(text, sentence.start)
                                           or _REPORTED_PRONOUN.match(text, sentence.start))
                  and is_window_length(text, expression, keys)):
                # "It took effect at midnight and was set to last 21 days": a sentence whose
                # subject refers back states the window's length after a length cue.
                builder.add(target, "durations", StatedDuration(
                    value=expression.duration, reported=is_reported_length(text, expression, sentence), **common))
            return
        if expression.type not in (TimexType.DATE, TimexType.TIME) or expression.instant is None:
            return
        if str(target[1]).startswith(STANDING):
            return  # "the usual 30-day return window does not apply to gifts bought between ...": a rule has no dates
        if not keys and not _carries_over(text, sentence.start, expression, cue, recent):
            return
        if (expression.role is Role.START and expression.cue_span is not None
                and " ".join(expression.cue_span.text_of(text).lower().split()) in INTRANSITIVE_ENDS
                and other_subject(text, sentence, expression.cue_span, [span for span, _ in keys])):
            # "tariffs would take effect on August 1": the start of something else.
            expression = attrs.evolve(expression, role=None, cue_span=None, cue=None)
            cue = cue if cue is None or cue.role != "start" else None
        if (expression.role is Role.BOUND and expression.bound is not None and expression.bound.cue.lower() == "at"
                and (cue is None or cue.role not in ("end", "planned_end", "extend"))):
            # "before declaring it indefinite at the end of August": a moment, which only an
            # end, a plan or an extension makes the window's end.
            expression = attrs.evolve(expression, role=None)
        if (expression.role is Role.BOUND and expression.bound is not None
                and expression.bound.cue.lower() == "before"
                and _JUST_BEFORE.search(text, max(0, expression.bound.cue_span.start - 15), expression.bound.cue_span.start)):
            # "began at 11:59 p.m. on Friday, just before Valentine's Day": when something
            # happened, not a deadline the window must end by.
            expression = attrs.evolve(expression, role=None)
        if cue is not None and cue.role == "extend" and (_scheduled(text, cue) or _plan_at_start(text, cue, cues)):
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
        elif role == "bound" and _deadline_of_other_act(text, sentence, expression):
            return  # "agreed to publish a review by the end of the year": that act's deadline
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
            original = bool(_ORIGINAL_PLAN.search(text, max(sentence.start, expression.span.start - 60),
                                                  expression.span.start))
            builder.add(target, "bounds", EndBound(
                value=stated_end, cue=bound.cue if bound is not None else cue_text,
                inclusive=bound.inclusive if bound is not None else None, original=original, **common))
        elif role == "start":
            if expression.role is Role.START and expression.cue_span is not None:
                cue_text = " ".join(expression.cue_span.text_of(text).lower().split())
            builder.add(target, "starts", StatedStart(value=expression.instant, cue=cue_text, **common))
        elif role in ("ended", "extended"):
            # A window extended "through July 9" runs to that day's end, and one that "expired
            # at the end of Saturday" ended when Saturday did; one that "ended on January 3"
            # ended at some time that day, so an end counts at its end only when it names one.
            names_an_end = expression.mod == "END" and expression.text.lower().startswith(_END_OF_WORDS)
            # "ran on into Monday" ends some time on Monday, not at its end.
            into = expression.bound is not None and expression.bound.cue.lower() == "into"
            use_end = expression.role is Role.BOUND and ((role == "extended" and not into) or names_an_end)
            value = stated_end if use_end else expression.instant
            kind = ObservationKind.RESUMED if role == "ended" and cue is not None and cue.resumption else ObservationKind(role)
            builder.add(target, "observations", Observation(value=value, kind=kind, event=cue_text, **common))
        else:
            builder.add(target, "announcements", Announcement(value=expression.instant, **common))


def _extension_of_window(text: str, expression: TimeExpression, cues: Sequence[Cue],
                         keys: Sequence[tuple[Span, tuple[str, Optional[str]]]],
                         sentence_times: Sequence[TimeExpression]) -> Optional[Cue]:
    """The extension verb whose object is the window, for a bound too far away for any cue.

    "China will extend its visa-free policy for travellers from France, Germany, ... until
    December 31, 2025": a long object keeps the new end out of the verb's reach, but the
    verb governs the window word and nothing else in the clause claims the time.
    """
    for cue in reversed(cues):
        if cue.role != "extend" or cue.span.end > expression.span.start:
            continue
        governs = any(0 <= span.start - cue.span.end <= 20 and _OBJECT_GAP.fullmatch(text, cue.span.end, span.start)
                      for span, _ in keys)
        between = (cue.span.end, expression.span.start)
        if (governs and not CLAUSE_BREAK.search(text, *between)
                and not any(between[0] <= time.span.start < between[1] for time in sentence_times)
                and not any(between[0] <= other.span.start < between[1] for other in cues)):
            return cue
        return None
    return None


# "extended a lockdown that was due to end on Thursday, ordering residents to stay at home
# until May 12": the relative clause tells the old plan; the time past its comma is the new
# end the extension verb before it gives.
_RELATIVE_OPENING = re.compile(r"\s*,?\s*(?:that|which)\s+", re.IGNORECASE)


def _extension_past_relative(text: str, expression: TimeExpression, cue: Cue, cues: Sequence[Cue],
                             keys: Sequence[tuple[Span, tuple[str, Optional[str]]]]) -> Optional[Cue]:
    """The extension verb governing the window whose relative clause holds ``cue``, when the
    bound lies past that clause's comma."""
    if cue.role not in ("planned_end", "end") or cue.role == "end" and not cue.not_yet:
        return None
    if "," not in text[cue.span.end:expression.span.start]:
        return None
    for span, _ in keys:
        if span.end > cue.span.start:
            continue
        relative = _RELATIVE_OPENING.match(text, span.end)
        if relative is None or "," in text[relative.end():cue.span.start]:
            continue
        for other in cues:
            if (other.role == "extend" and other.span.end <= span.start and 0 <= span.start - other.span.end <= 20
                    and _OBJECT_GAP.fullmatch(text, other.span.end, span.start)):
                return other
    return None


# "ordered the security forces to resume": an order whose infinitive is the window's end.
_ORDERING = frozenset({"ordered"})
_ORDERED_TO = re.compile(r"\s+(?:[\w'\u2019-]+\s+){0,5}to\s+", re.IGNORECASE)


def _ordered_end(text: str, cue: Cue, cues: Sequence[Cue], claiming: ClaimingCues,
                 sentence_times: Sequence[TimeExpression]) -> Optional[Cue]:
    """The end an order gives effect to, when the time dates the order.

    "Petro on Sunday ordered the security forces to resume all offensive operations": an
    order takes effect when given, so the order's time is when the halted activity resumed.
    Only when the ordered end claims no time of its own ("ordered on Monday that strikes
    resume on Wednesday" dates the resumption by Wednesday).
    """
    if cue.phrase not in _ORDERING:
        return None
    following = next((other for other in cues if other.span.start >= cue.span.end), None)
    if (following is None or following.role != "end" or following.not_yet
            or not _ORDERED_TO.fullmatch(text, cue.span.end, following.span.start)
            or CLAUSE_BREAK.search(text, cue.span.end, following.span.start)):
        return None
    if any(claiming.of(time.span) is following for time in sentence_times
           if time.type in (TimexType.DATE, TimexType.TIME)):
        return None
    return following


# "extend its", "extended the nationwide": what may stand between an extension verb and its object.
_OBJECT_GAP = re.compile(r"\s+(?:(?:the|its|their|his|her|a|an|this|that)\s+)?(?:[\w-]+\s+)?", re.IGNORECASE)


# ", ending at": a participle end right after a comma; and the words that make the clause
# before it a plan rather than a report.
_PARTICIPLE_AFTER_PLAN = re.compile(r"\s*")
_PLAN_WORDS = re.compile(r"\b(?:initially|originally|at\s+first)\s+(?:set|planned|scheduled|meant|intended)\b", re.I)
# "Engineers hoped to have taps running again by 9 p.m.": an aim, however many words its
# infinitive takes before the cue, is a plan and not an event.
_INTENT_BEFORE = re.compile(r"\b(?:hope[sd]?|hoping|expect(?:s|ed|ing)?|plan(?:s|ned|ning)?|aim(?:s|ed|ing)?"
                            r"|intend(?:s|ed|ing)?|want(?:s|ed)?|seek(?:s|ing)?|sought|tr(?:y|ies|ied|ying))"
                            r"\s+to\s+(?:[\w'-]+\s+){0,5}$", re.IGNORECASE)
_INTENT_REACH = 60
# "initially set for two weeks, until December 13": a bound told as the plan since changed.
# "had been due to end on May 4": the pluperfect plan, told as overtaken, is an original one too.
_ORIGINAL_PLAN = re.compile(r"\b(?:initially|originally|at\s+first"
                            r"|had\s+been\s+(?:due|set|scheduled|slated|supposed|expected)\s+to)\b[^.;:]*$",
                            re.IGNORECASE)
# "expired at the end of Saturday": an end at the end of the time it names, not some time in it.
_END_OF_WORDS = ("the end of", "end of", "the very end of", "the close of", "close of")
# "extended the pause to August 1": the time after an extension cue that names the new end.
_NEW_END = re.compile(r"\b(?:to|until|till|through|into)\s+$", re.IGNORECASE)


def _time_role(expression: TimeExpression, cue: Optional[Cue], has_window_word: bool,
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


def _closely_follows(text: str, cue: Cue, expression: TimeExpression) -> bool:
    """Whether the time is the cue's own complement: "expired at midnight at the end of Saturday".

    A stated end that merely shares a sentence with an end ("returned to work on Saturday,
    after a strike called until October 3") is still a bound.
    """
    if cue.span.end > expression.span.start:
        return False
    gap = text[cue.span.end : expression.span.start]
    return len(gap) <= 40 and not re.search(r"[,;:]", gap)


# "to publish a review of the permits by", "it would publish new rules before": the verb of
# an act, after "to" or a modal, whose deadline "by" or "before" gives.  "back to normal by"
# is no infinitive.
_VERB_BEFORE_DEADLINE = re.compile(
    r"(?:(?<!\bback\s)\bto|\b(?:will|would|shall|should|must|could|can|may|might)(?:\s+(?:not|also|then|now))?)"
    r"\s+([a-z]+)\b(?=[^.,;:]{0,60}$)")
_PASSIVE_PARTICIPLE = re.compile(
    r"\s+(?:fully\s+|completely\s+)?([a-z]+ed|paid|repaid|made|held|sold|built|done|given|taken|written|shown|seen|sent)\b",
    re.IGNORECASE)
_ENDING_PARTICIPLES = frozenset({
    "ended", "lifted", "closed", "finished", "stopped", "reopened", "resumed", "concluded", "halted", "terminated",
    "scrapped", "cancelled", "canceled", "revoked", "suspended", "restored", "reconnected", "repaired", "fixed",
    "reinstated", "phased", "wound", "lapsed", "expired", "removed", "rescinded", "withdrawn", "completed",
})
# Verbs that end or lapse a window: their deadline is the window's end.
_ENDING_INFINITIVES = frozenset({
    "end", "lift", "expire", "lapse", "close", "finish", "stop", "reopen", "resume", "conclude", "halt", "terminate",
    "run", "last", "remain", "stay", "be", "wind", "phase", "scrap", "cancel", "revoke", "suspend",
    "return", "restore", "reconnect", "repair", "fix", "come", "reinstate", "have",
})


def _deadline_of_other_act(text: str, sentence: Span, expression: TimeExpression) -> bool:
    """Whether a "by" or "before" bound is the deadline of another act the sentence names.

    "The minister agreed to meet her and to publish a review by the end of the year": the
    time limits the publishing, not the hunger strike; so in "the regulator said it would
    publish new rules before the summer".  A deadline of a verb that ends the window
    ("agreed to lift the ban by June 1", "power would be restored by 6 p.m.") still bounds it.
    The verb nearest before the deadline is the one it limits.
    """
    bound = expression.bound
    if bound is None or bound.cue.lower() not in ("by", "before") or bound.cue_span.end > expression.span.start:
        return False
    verbs = list(_VERB_BEFORE_DEADLINE.finditer(text, max(sentence.start, bound.cue_span.start - 80),
                                                bound.cue_span.start))
    if not verbs:
        return False
    if verbs[-1].group(1) == "be":
        # "a separate loan to be repaid by the end of March": the passive's participle is the act
        # ("to be lifted by June 1" still ends the window; "to be back by" has no participle).
        participle = _PASSIVE_PARTICIPLE.match(text, verbs[-1].end())
        if participle is not None:
            return participle.group(1).lower() not in _ENDING_PARTICIPLES
    return verbs[-1].group(1) not in _ENDING_INFINITIVES


# Between a window word and a verb that describes it: ", which", "that", "which had".
_RELATIVE_VERB = re.compile(r",?\s*(?:which|that)\s+(?:(?:had|has|have|was|were)\s+)?", re.IGNORECASE)
# "just before", "shortly before": an adverb that places an event near a time, so the
# "before" time is no deadline.
_JUST_BEFORE = re.compile(r"\b(?:just|shortly|right|immediately|soon|moments?|minutes|hours)\s+$", re.IGNORECASE)


_SCHEDULE = re.compile(r"\b(?:due|set|scheduled|meant|supposed|planned)\s+to\b|\b(?:was|were)\s+to\b", re.I)


# "imposed the order from April 29, saying it would remain in force until May 6": staying on
# told in the clause that starts the window is its plan; "now", "instead" or "longer" make
# it a change.
_STAYING_CUE = re.compile(r"^(?:remain|stay)", re.IGNORECASE)
_CHANGED_PLAN = re.compile(r"\b(?:now|instead|longer|further|again|another|beyond|past)\b", re.IGNORECASE)
_PLAN_TOLD = re.compile(r",\s*(?:saying|adding|stating)\b", re.IGNORECASE)


def _plan_at_start(text: str, cue: Cue, cues: Sequence[Cue]) -> bool:
    """Whether a staying cue ("would remain in force until") is the plan told as the window
    started: a start cue of its sentence comes before it, a participle of saying joins the
    two, and nothing between says the plan changed."""
    if not _STAYING_CUE.match(cue.phrase):
        return False
    for other in cues:
        if other.role == "start" and other.span.end <= cue.span.start:
            between = text[other.span.end:cue.span.start]
            if _PLAN_TOLD.search(between) and not _CHANGED_PLAN.search(between):
                return True
    return False


def _scheduled(text: str, cue: Cue) -> bool:
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


def _carries_over(text: str, sentence_start: int, expression: TimeExpression, cue: Optional[Cue], recent: bool) -> bool:
    """Whether a time in a sentence that names no window belongs to the one discussed before.

    A window's own end words ("strikes resumed") and extensions reach across the text.
    From the sentence right after the window was named, a sentence whose subject refers
    back to it ("It collapsed at 6 p.m.", "It was due to remain in force until October 3",
    also in a reported clause: "Police said then that it would last 36 hours, lifting at 7 a.m.")
    gives it its bounds and ends, its start when it takes effect ("It took effect on
    Wednesday"), and a stated bound also reaches through a possessive
    ("agreed to hold its strikes until February 1"); not "the bill funds the government
    until February 15", nor starts and bare verbs of other subjects ("banks began accepting
    payments on Monday").
    """
    if cue is not None and cue.specific:
        return True
    if cue is not None and cue.role == "extend":
        # "unable to renew their permits until August 4": an extension of something else.
        return not _OTHER_OBJECT.match(text, cue.span.end)
    if not recent:
        return False
    if expression.role is Role.BOUND and BACK_REFERENCE.search(text, sentence_start, expression.span.start):
        return True
    subject_refers_back = (_BACK_REFERENCE_SUBJECT.match(text, sentence_start)
                           or _REPORTED_PRONOUN.match(text, sentence_start))
    if cue is not None and cue.role in ("end", "planned_end") and (
            _OBJECT_REFERS_BACK.match(text, cue.span.end) or _OBJECT_INSIDE.fullmatch(text, cue.span.start, cue.span.end)):
        # "The landlords revoked it on April 14", "Unions called it off late on Tuesday": the
        # end's object is the window
        return True
    if subject_refers_back and cue is not None and cue.role == "start" and cue.phrase in INTRANSITIVE_ENDS:
        return True  # "It took effect on Wednesday, March 25": only a window takes effect
    return bool(subject_refers_back) and cue is not None and cue.role in ("end", "planned_end")


# The object of an extension verb in a sentence that names no window: something other than
# the window, unless a general name for a measure ("extended the measure until June").
_OTHER_OBJECT = re.compile(r"\s+(?:their|his|her|our|your|my|the|a|an)\s+"
                           r"(?!(?:[\w-]+\s+){0,2}(?:measures?|orders?|decrees?|arrangements?)\b)[a-z]",
                           re.IGNORECASE)
# A sentence opening with a general name for a measure refers back to the window just named.
_GENERIC_ANAPHOR = re.compile(
    r"\s*[\"'\u201c]?(?:The|This|That)\s+(?:(?P<length>[\w-]+-(?:hour|day|week|month|year)(?:-long)?)\s+)?"
    r"(?:(?P<noun>(?:measure|order|decree|declaration|move|step|policy|scheme|programme|program|arrangement)s?|trial|pilot)\b"
    r"(?!\s+(?:of|to|for)\b)"
    # or a name in quotes: "The \u201ccircuit breaker\u201d took effect at 12:01 a.m."
    r"|[\"\u201c](?P<quoted>[A-Za-z][\w'\u2019 -]{0,30})[\"\u201d](?=\s+[a-z]))",
    re.IGNORECASE)
_TRIAL_NOUNS = frozenset({"trial", "pilot"})
# A sentence opening with workers under a qualifier: "Freight drivers downed tools ...".
_QUALIFIED_PEOPLE = re.compile(
    r"\s*(?P<word>[A-Za-z]+)\s+(?:drivers|workers|staff|employees|crews|pilots|nurses|doctors|teachers|dockers"
    r"|controllers|conductors|guards|engineers|attendants|operators|members)\b")
# A clause that opens with a participle (", ending a three-day shutdown that ...").
_PARTICIPLE_OPENING = re.compile(r"\s*[a-z]+ing\b")


def _main_referent(text: str, sentence_start: int, named: Sequence[tuple[Span, tuple[str, Optional[str]]]],
                   current: tuple[str, Optional[str]]) -> tuple[str, Optional[str]]:
    """The window a general name ("The measure") refers back to: the last one the sentence
    before named outside a participle clause, which only tells a side effect ("signed a
    three-week stopgap on Monday, ending a three-day shutdown"), else the last one named."""
    main = [key for span, key in named
            if not _PARTICIPLE_OPENING.match(text, start_of_clause(text, sentence_start, span.start))
            or start_of_clause(text, sentence_start, span.start) <= sentence_start]
    return main[-1] if main else current
_BACK_REFERENCE_SUBJECT = re.compile(r"[\"'\u201c]?(?:It|They|This)\b")
# A pronoun subject (not "This week"), whose sentence may state the window's length.
_PRONOUN_SUBJECT = re.compile(r"\s*(?:It|They)\b(?!['\u2019])")
# "Police said then that it would last 36 hours": the subject of the reported clause refers back.
_REPORTED_PRONOUN = re.compile(r"[^.;:,\"\u201c]{0,40}?\b(?:said|says|announced|added|stated)\s+(?:then\s+|at\s+the\s+time\s+)?"
                               r"(?:that\s+)?(?:it|they)\b(?!['\u2019])")
_OBJECT_REFERS_BACK = re.compile(r"\s+(?:it|them)\b(?!\s+(?:was|is|had|has|would|will)\b)", re.IGNORECASE)
# "powers to ban gatherings", "the authority to freeze the accounts": a window word as the
# verb of a power granted, with its object after it, names no window ("agreed to pause
# strikes until February 1" still does).
_INFINITIVE_BEFORE = re.compile(r"\b(?:powers?|authority|right|permission|mandate|ability)\s+to\s+$", re.IGNORECASE)
_OBJECT_AFTER = re.compile(r"\s+(?:the|all|any|their|its|his|her|[a-z]+s)\b(?!\s+(?:of|on|in|for)\b)")
# A cue whose phrase holds its object ("called ... off" read as "called it off").
_OBJECT_INSIDE = re.compile(r"[a-z]+\s+(?:it|them)\s+[a-z]+", re.IGNORECASE)


# A length that a sentence after the window's gives it without naming it again: only an
# agreement to a length ("they had agreed to only 48 hours"), since bare "for three weeks"
# in the next sentence is as often the length of something else.
_CARRIED_LENGTH = re.compile(
    r"\b(?:agreed|consented|committed)\s+to\s+(?:(?:only|just|about|some|up\s+to)\s+)?$",
    re.IGNORECASE,
)


# A clock time that names no day ("8 p.m.", "05:00", "noon").
_BARE_CLOCK = re.compile(r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|noon|midnight)", re.IGNORECASE)
# How near a set ("nightly", "each morning") must be to make a clock time or length its own.
_SET_REACH = 40


# "The curfew will be relaxed between 7 a.m. and 2 p.m. on Thursday so that people can buy
# food": the hours of a break in the window, neither its start nor its end.
_RELAX_WORDS = (r"\b(?:relax(?:ed|es|ing)?|eas(?:ed|es|ing)|lifted\s+temporarily|temporarily\s+lifted"
                r"|paused|suspended)\s+(?:[\w-]+\s+){0,3}?(?:between|from)\s+")
_RELAXED_BETWEEN = re.compile(_RELAX_WORDS + r"(?:[^,;]{1,30}?\s+(?:and|to|until|till|-|\u2013)\s+)?$", re.IGNORECASE)


def _relaxed_between(text: str, sentence: Span, expression: TimeExpression) -> bool:
    """Whether a time is one end of the hours a relaxation names ("relaxed between 7 a.m. and 2 p.m.")."""
    return bool(_RELAXED_BETWEEN.search(text, max(sentence.start, expression.span.start - 80), expression.span.start))


def _recurring(text: str, expression: TimeExpression, sets: Sequence[TimeExpression]) -> bool:
    """Whether a time or length is part of a repeating schedule, not a claim about the window.

    "A nightly curfew from 8 p.m. to 5 a.m." gives the hours of every night, and "allowed
    out for a few hours each morning" a length of each morning: neither is when the window
    began or ended, nor how long it lasts.  A clock time counts only when it names no day
    ("8 p.m.", not "8 p.m. on Monday, June 3") and follows the set closely in its clause;
    a length only when the set comes right after it.  ``sets`` are the sentence's times of
    type SET, found once per sentence (a long sentence of dates holds hundreds of times).
    """
    if not sets:
        return False
    if expression.type is TimexType.DURATION:
        return any(0 <= t.span.start - expression.span.end <= 2 for t in sets)
    if expression.type is not TimexType.TIME or not _BARE_CLOCK.fullmatch(expression.text.strip()):
        return False
    return any(0 <= expression.span.start - t.span.end <= _SET_REACH
               and not re.search(r"[;:,\u2014]", text[t.span.end : expression.span.start])
               for t in sets)


def _named_by_subject(text: str, sentence: Span, cue: Optional[Cue], builder: WindowBuilder):
    """The window whose verb named the subject that this cue's verb has, or None.

    "Schools closed for a week ... and universities closed for two weeks. Schools reopened on
    Monday, June 9": the reopening is the schools' closure's end, whichever was named last.
    """
    if cue is None or cue.role == "announce":
        return None
    head = subject_head(text, cue.span, sentence)
    return builder.named(head, cue.kinds) if head is not None else None


def _short_of_times(text: str, cues: list[Cue], times: Sequence[TimeExpression]) -> list[Cue]:
    """Cues cut short where a time begins inside them, so that they claim it from before.

    "closed it early on Friday": the tagger reads "early on Friday" as the time, and the cue
    "closed ... early" is still the verb that time follows.
    """
    cut = []
    for cue in cues:
        inside = [t.span.start for t in times if cue.span.start < t.span.start < cue.span.end]
        if inside:
            end = cue.span.start + len(text[cue.span.start : min(inside)].rstrip())
            cue = attrs.evolve(cue, span=Span(cue.span.start, end))
        cut.append(cue)
    return cut


def _nearest_key(keys: list[tuple[Span, tuple[str, Optional[str]]]], span: Span) -> tuple[str, Optional[str]]:
    return min(keys, key=lambda item: abs(item[0].start - span.start))[1]


def extract_windows(text: str, expressions: Sequence[TimeExpression], vocabularies: Iterable[WindowVocabulary],
                    scan_from: int = 0) -> list[Window]:
    """Convenience: extract with a one-off `Extractor`."""
    return Extractor(tuple(vocabularies)).extract(text, expressions, scan_from)
