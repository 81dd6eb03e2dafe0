"""The words that announce a target are not part of it: in "Nos clients, ce sont les foyers qui ont un
chien" or "our customers are households with a dog", the group is what follows the frame. The frames are
grammar data (`target_frames` in `assistant/lexicon/<lang>/grammar.yaml`). A belief the founder has dropped
("au début je pensais tout l'agricole…, en fait c'est…") frames no target either, and neither does the detour
a founder takes before coming back to the question ("…Anyway. Who it's for: the small production companies")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.lexicon import all_grammar_words
from assistant.text.patterns import PatternSet, compile_all, find_all
from assistant.text.tokens import Token, tokenise
from assistant.understanding.cues import dropped_belief_spans
from assistant.understanding.grammar_lists import Phrase, contains, grammar_lists, phrase_at, phrases
from assistant.understanding.group_check import OPENERS
from assistant.understanding.groups import group_words
from assistant.understanding.listing import AND_WORDS

_JOINERS = " ,:;-–—"


@lru_cache(maxsize=1)
def _frames() -> tuple[Phrase, ...]:
    return phrases(all_grammar_words().target_frames)


@lru_cache(maxsize=1)
def _side_headings() -> tuple[Phrase, ...]:
    return phrases(all_grammar_words().side_headings)


@lru_cache(maxsize=1)
def _complementizers() -> frozenset[str]:
    return frozenset(all_grammar_words().frame_complementizers)


def unframe(answer: str) -> str:
    """`answer` with every target frame blanked out by spaces (same length, so offsets into the answer
    still hold). A frame counts only where something follows it in its sentence."""
    tokens = tokenise(answer)
    norms = [t.norm for t in tokens]
    chars = list(answer)
    i = 0
    while i < len(tokens):
        frame = phrase_at(norms, i, _frames())  # tokens skip punctuation: "Nos clients, ce sont" matches
        # "On one side the interpreters", "And on the paying side, the…", not "drivers on one side"
        opens = i == 0 or tokens[i - 1].clause != tokens[i].clause or norms[i - 1] in AND_WORDS and (
            i == 1 or tokens[i - 2].clause != tokens[i - 1].clause)
        if frame is None and opens:
            frame = phrase_at(norms, i, _side_headings())
        if frame is None or i + len(frame) >= len(tokens):
            i += 1
            continue
        end = tokens[i + len(frame) - 1].end
        while end < len(answer) and answer[end] in _JOINERS:
            end += 1
        if answer[end:end + 1] in ".!?\n":
            i += 1
            continue
        start = tokens[i - 1].start if i and norms[i - 1] in _complementizers() else tokens[i].start
        opening = next(j for j in range(i, -1, -1) if j == 0 or tokens[j - 1].sentence != tokens[i].sentence)
        if opening < i and not group_words(tokens[opening:i]):
            start = tokens[opening].start  # "is it weird to say it's for…": the preamble names nobody either
        for k in range(start, end):  # "je dirais que ce sont…": the "que" goes with the frame
            chars[k] = " "
        i += len(frame)
    return "".join(chars)


def without_dropped_beliefs(answer: str) -> str:
    """`answer` with the belief the founder moved on from blanked out by spaces (same length): "at first we
    thought any school group, sports teams, debate… but now it's band programs" names band programs only; the
    groups of the dropped belief are no targets (`cues.dropped_belief_spans`)."""
    chars = list(answer)
    for start, end in dropped_belief_spans(answer):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def founders_answer(answer: str) -> str:
    """`answer` with what is not the founder's own answer blanked out by spaces (same length): words reported
    from someone else, a detour before an answer marker, a belief the founder dropped."""
    return without_landscape(without_dropped_beliefs(without_detour(without_reported_speech(answer))))


@lru_cache(maxsize=1)
def _landscape_turns() -> PatternSet:
    return compile_all(all_grammar_words().landscape_turns)


def _separators(answer: str, tokens: Sequence[Token]) -> int:
    """How many list separators a stretch of the answer holds: commas, and the words of `and_separators` and
    `or_separators` (`group_reading.yaml`)."""
    return answer.count(",", tokens[0].start, tokens[-1].end) + sum(t.norm in AND_WORDS for t in tokens)


def without_landscape(answer: str) -> str:
    """`answer` with its landscape blanked out by spaces (same length): the groups a founder lists as the world
    around the product, before a contrast that turns to their own target ("everyone ships by air: clinics,
    schools, lodges... but the one we're building for is the village store", "t'as les scouts, les guides, le
    patro... Mais nous on vise une chose : les unités"). A landscape is a list (two separators or more), no
    first-person word (`first_person` of `grammar.yaml`: "we serve gyms and studios, but our main customers…"
    names the founder's own groups), and a group word after the turn (`landscape_turns`)."""
    tokens = tokenise(answer)
    turn = next(iter(find_all(tokens, _landscape_turns())), None)
    if turn is None or not any(t.norm in OPENERS["determiner"] for t in tokens[turn.end:]) and not group_words(
            tokens[turn.end:]):
        return answer  # "…but we haven't decided yet": no target named after the turn
    mine = grammar_lists().first_person
    last_mine = max((i for i in range(turn.start) if tokens[i].norm in mine), default=-1)
    # the landscape opens on the sentence after the founder last spoke of themselves
    start = next((i for i in range(last_mine + 1, turn.start)
                  if last_mine < 0 or tokens[i].sentence != tokens[last_mine].sentence), turn.start)
    # ... and in the turn's own line: lines further up are the founder's own ("- Tuteurs : étudiants…\nIci tout
    # le monde dit que…, mais nos clients…")
    line = answer.rfind("\n", 0, tokens[turn.start].start)
    start = max(start, next((i for i, t in enumerate(tokens) if t.start > line), turn.start))
    if start >= turn.start or _separators(answer, tokens[start:turn.start]) < 2:
        return answer
    end = tokens[turn.start].end  # the contrast word goes too
    return answer[:tokens[start].start] + " " * (end - tokens[start].start) + answer[end:]


# A quotation: French guillemets, curly or straight double quotes (one line).
_QUOTATION = re.compile(r'«[^»]*»|“[^”]*”|"[^"\n]*"')


def without_reported_speech(answer: str) -> str:
    """`answer` with the quotations that report someone else's words blanked out by spaces (same length): "un
    fumiste de Besançon m'a dit : « des gens qui courent après leurs papiers, vous en avez partout »" is an
    interview the founder recalls, and its groups are not the founder's answer. A quotation counts when its
    sentence, before it, holds a speech verb (`speech_verbs` of `grammar.yaml`); other quotations stay, the
    founder's own label in straight quotes ('"busy parents" as we call them') set in curly ones, as the reader
    reads them."""
    chars = list(answer)
    for m in _QUOTATION.finditer(answer):
        start = max(answer.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        if contains([t.norm for t in tokenise(answer[start:m.start()])], _speech_verbs()) is not None:
            chars[m.start():m.end()] = " " * (m.end() - m.start())
        elif answer[m.start()] == '"':
            chars[m.start()], chars[m.end() - 1] = "“", "”"
    return "".join(chars)


@lru_cache(maxsize=1)
def _speech_verbs() -> tuple[Phrase, ...]:
    return phrases(all_grammar_words().speech_verbs)


@lru_cache(maxsize=1)
def _answer_markers() -> tuple[Phrase, ...]:
    return phrases(all_grammar_words().answer_markers)


def after_frame(framed: str, unframed: str, at: int) -> bool:
    """Whether a target frame ends right before offset `at` ("on commence par | les infirmiers libéraux"):
    `unframed` is `framed` passed through `unframe`, so the frame's characters differ there."""
    k = at - 1
    while k >= 0 and framed[k] in _JOINERS + " \t":
        k -= 1
    return k >= 0 and framed[k] != unframed[k]


def without_detour(answer: str) -> str:
    """`answer` with what comes before its last answer marker blanked out by spaces (same length) when a
    sentence comes before the marker and a group word after it: "[a story about big features and Marvel
    movies]. Anyway. Who it's for: the small production companies…" names the production companies; an
    answer with no marker, or none with a group after it, is returned as it is (`answer_markers` of
    `grammar.yaml`)."""
    tokens = tokenise(answer)
    norms = [t.norm for t in tokens]
    markers = _answer_markers()
    at = next((i for i in range(len(norms) - 1, 0, -1) if tokens[i].sentence > 0 and phrase_at(norms, i, markers)
               and group_words(tokens[i:])), None)
    if at is None:
        return answer
    end = tokens[at + len(phrase_at(norms, at, markers) or ()) - 1].end  # the marker goes too: "Who it's for:"
    return " " * end + answer[end:]
