"""Vocabulary as data: one folder per language (`assistant/lexicon/<lang>/*.yaml`), loaded into strict
pydantic models. Adding a language is a folder of data, not edits across modules.

Entries are matched on normalised text (`assistant.text.tokens.normalise`: lower case, no accents), so
they are written without accents here too.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field

from assistant.lexicon.platform_markers import PlatformWords
from assistant.text.data_files import LEXICON_DIR, read_data_file
from assistant.text.tokens import normalise

WordLists = TypeVar("WordLists", bound=BaseModel)


class MissingLanguage(LookupError):
    """A language was configured that has no lexicon folder."""


class ConversationWords(BaseModel):
    """Words about the conversation itself, not about customers (`conversation.yaml`)."""

    model_config = ConfigDict(extra="forbid")

    greetings: list[str] = Field(description="Hello, thanks, politeness: never a description of a startup.")
    self_intro: list[str] = Field(description="Words of a self-introduction ('je m'appelle').")
    fillers: list[str] = Field(description="Hesitations and closers ('bah', 'c'est tout') that carry no content.")
    generic_people: list[str] = Field(
        description="Words naming people in general ('gens', 'clients'): a group made only of these is no group.")
    vague_verbs: list[str] = Field(
        description="Verbs too general to describe a need or a behaviour on their own ('vouloir', 'manger').")


class ReflectionWords(BaseModel):
    """What a pain or a gain is about (`reflection.yaml`): dimension id → word starts."""

    model_config = ConfigDict(extra="forbid")

    dimensions: dict[str, list[str]]


class GrammarWords(BaseModel):
    """Grammatical cues for reading the groups an answer names (`grammar.yaml`): function words and fixed
    phrases, never a domain's vocabulary."""

    model_config = ConfigDict(extra="forbid")

    deferral: list[str] = Field(description="A group put off to later ('later', 'peuvent attendre').")
    deferral_after: list[str] = Field(
        description="After a group, in its sentence: the group put off to later ('advertisers come later', "
                    "'les kinés et le reste, on verra'); no word that opens the next item of a list ('then').")
    sides: list[str] = Field(description="A platform side announced ('on the other side', 'côté').")
    first_person: list[str] = Field(description="The founder speaking of themselves ('we', 'nous').")
    subject_pronouns: list[str] = Field(description="A clause's subject that names no group ('they', 'ils').")
    exclusion: list[str] = Field(
        description="Before any relative pronoun, a group said not to be a target ('already', 'pas', 'except').")
    dismissal: list[str] = Field(description="A group set aside anywhere in its sentence ('forget it', 'pas eux').")
    turning_away: list[str] = Field(
        description="Words by which the founder turns a group away or judges it not worth serving, with no "
                    "negation of their own ('skip them', 'hopeless', 'on les zappe', 'peine perdue').")
    hedges: list[str] = Field(description="Fillers around a group's words, not part of it ('typically', 'genre').")
    attributes: list[str] = Field(description="Nouns that make a group word a modifier ('household income').")
    target_frames: list[str] = Field(
        description="Words that announce the target, not part of it ('our customers are', 'nos clients ce sont').")
    side_headings: list[str] = Field(
        default_factory=list,
        description="A side of a platform announced ('on one side', 'de l autre côté'): a target frame where it "
                    "opens its clause, nothing where it follows its group ('drivers on one side').")
    frame_complementizers: list[str] = Field(
        default_factory=list,
        description="A conjunction right before a target frame, after a hedge ('je dirais que ce sont…', 'I'd say "
                    "that it's…'): part of the frame, not a relative pronoun opening a clause.")
    answer_markers: list[str] = Field(
        default_factory=list,
        description="Words that bring a wandering answer back to the question ('who it's for:', 'pour répondre', "
                    "'bref'): the groups of the detour before them are background, not the answer.")
    landscape_turns: list[str] = Field(
        default_factory=list,
        description="Patterns of `assistant.text.patterns`: a contrast that turns from the world around the product "
                    "to the founder's own target ('but the one we're building for', 'mais nous on vise'): the groups "
                    "listed before it, in no first-person sentence, are a landscape, not the answer.")
    demonstrative_determiners: list[str] = Field(
        default_factory=list, description="Determiners that point back ('these', 'ces'): 'ces familles-là', "
                                          "after groups are named, names one of them again.")
    speech_verbs: list[str] = Field(
        default_factory=list,
        description="Words that report someone else's speech before a quotation ('told me', 'm'a dit'): the "
                    "groups inside the quotation are the speaker's words, not the founder's answer.")
    qualifiers: list[str] = Field(
        description="Words that attach a narrowing to a group: prepositions, relative pronouns ('of', 'qui').")
    universal: list[str] = Field(description="'Everyone' and its kin, as a target ('everyone', 'tout le monde').")
    negated_universal: list[str] = Field(
        description="'Everyone' denied, a narrowing rather than a target ('not everyone', 'pas tout le monde').")
    frequency: list[str] = Field(
        description="Adverbs of frequency or restriction before a role, not part of it ('mostly', 'surtout').")
    same_people: list[str] = Field(
        description="A role said to be the same people as the other role or as each segment itself "
                    "('the same person', 'both', 'chaque côté').")
    agent_markers: list[str] = Field(
        description="The word before the agent of a passive verb, who pays or uses ('paid by', 'payé par').")
    clause_verbs: list[str] = Field(
        description="Auxiliaries and verbs that open a clause, never a group: a fragment led by one goes on "
                    "with the group before it ('…that run cohorts and have to show…', 'et ont besoin de…').")
    pronoun_heads: list[str] = Field(
        description="A group named by a pronoun, a part of a group already named ('the ones with…', 'ceux qui…').")
    partitives: list[str] = Field(
        description="A part of the group just named, as the subject of a statement about it, never a group "
                    "of its own ('lots of them already rent', 'la plupart d'entre eux').")
    others: list[str] = Field(
        description="A determiner that names another group than the one before ('other', 'd'autres').")
    reasons: list[str] = Field(
        description="A reason given, whose groups are not the ones named as customers ('because', 'parce que').")
    relatives: list[str] = Field(
        description="Relative pronouns: people in general followed by one are narrowed ('people who…', 'ceux qui…').")
    quantities: list[str] = Field(
        description="Large numbers before people in general: a market size, not a target ('millions of people', "
                    "'des milliers de personnes'); digits count too.")


class SegmentTypeWords(BaseModel):
    """What tells the five segment types of the reference text apart (`segment_types.yaml`): patterns of
    `assistant.text.patterns` (markers) and word starts (groups, roles, softeners)."""

    model_config = ConfigDict(extra="forbid")

    diversified_markers: list[str] = Field(description="Unrelated offers or needs ('nothing to do with').")
    different_markets: list[str] = Field(description="Groups said to be different markets ('different buyers').")
    same_offer_markers: list[str] = Field(description="One offer served in variants ('same product').")
    size_claims: list[str] = Field(description="How big the group is said to be ('millions').")
    shared_needs: list[str] = Field(description="Needs said to be shared ('similar needs').")
    consumer_units: list[str] = Field(description="Consumer-market words ('households').")
    mass_channels: list[str] = Field(description="Mass-market channels ('supermarkets').")
    specialised: list[str] = Field(description="A specialised market ('niche', 'luxury').")
    consumer_groups: list[str] = Field(description="Groups of people buying for themselves ('families').")
    softeners: list[str] = Field(description="A difference made small ('slightly').")


def languages() -> list[str]:
    """The languages that have a lexicon folder, sorted."""
    return sorted(p.name for p in LEXICON_DIR.iterdir() if p.is_dir() and (p / "conversation.yaml").exists())


def require_language(language: str) -> None:
    """Raise `MissingLanguage` (with the folders that exist) when `language` has no lexicon."""
    if language not in languages():
        raise MissingLanguage(f"no lexicon for language {language!r} under {LEXICON_DIR} "
                              f"(available: {', '.join(languages())})")


def _read(language: str, name: str) -> object:
    """The YAML data of one lexicon file of `language`. Raises `MissingLanguage`."""
    require_language(language)
    return read_data_file(LEXICON_DIR / language / f"{name}.yaml")


def _normalised(words: WordLists) -> WordLists:
    return words.model_copy(update={k: [normalise(w) for w in v] for k, v in words.model_dump().items()})


def _merged(model: type[WordLists], per_language: Callable[[str], WordLists]) -> WordLists:
    """Every language's lists together, key by key (founders mix languages)."""
    merged: dict[str, list[str]] = {}
    for lang in languages():
        for key, values in per_language(lang).model_dump().items():
            merged.setdefault(key, []).extend(values)
    return model.model_validate(merged)


@lru_cache(maxsize=8)
def conversation(language: str) -> ConversationWords:
    """The conversation words of one language, normalised. Raises `MissingLanguage`."""
    return _normalised(ConversationWords.model_validate(_read(language, "conversation")))


@lru_cache(maxsize=1)
def all_conversation_words() -> ConversationWords:
    """Every language's conversation words together: founders mix languages, typos included."""
    return _merged(ConversationWords, conversation)


@lru_cache(maxsize=8)
def reflection(language: str) -> ReflectionWords:
    """The reflection words of one language, normalised. Raises `MissingLanguage`."""
    words = ReflectionWords.model_validate(_read(language, "reflection"))
    return ReflectionWords(dimensions={k: [normalise(w) for w in v] for k, v in words.dimensions.items()})


@lru_cache(maxsize=8)
def grammar(language: str) -> GrammarWords:
    """The grammatical cues of one language, normalised. Raises `MissingLanguage`."""
    return _normalised(GrammarWords.model_validate(_read(language, "grammar")))


@lru_cache(maxsize=1)
def all_grammar_words() -> GrammarWords:
    """Every language's grammatical cues together (founders mix languages)."""
    return _merged(GrammarWords, grammar)


@lru_cache(maxsize=8)
def platform(language: str) -> PlatformWords:
    """The platform patterns of one language. Raises `MissingLanguage`."""
    return PlatformWords.model_validate(_read(language, "platform"))


@lru_cache(maxsize=8)
def segment_types(language: str) -> SegmentTypeWords:
    """The segment-type words of one language. Raises `MissingLanguage`."""
    return SegmentTypeWords.model_validate(_read(language, "segment_types"))


@lru_cache(maxsize=1)
def all_segment_type_words() -> SegmentTypeWords:
    """Every language's segment-type words together (founders mix languages)."""
    return _merged(SegmentTypeWords, segment_types)


@lru_cache(maxsize=64)
def _cached_words(model: type[BaseModel], name: str, language: str) -> BaseModel:
    return model.model_validate(_read(language, name))


def words(model: type[WordLists], name: str, language: str) -> WordLists:
    """The lists of `assistant/lexicon/<language>/<name>.yaml` as `model`, entries as written (patterns of
    `assistant.text.patterns` keep their syntax; write them without accents). Loaded once per process.

    Raises `MissingLanguage` when `language` has no folder, `FileNotFoundError` when it lacks the file, and
    `pydantic.ValidationError` when a key is missing or unknown (the models forbid extra keys)."""
    return _cached_words(model, name, language)  # type: ignore[return-value]


@lru_cache(maxsize=64)
def _cached_every_language(model: type[BaseModel], name: str) -> BaseModel:
    return _merged(model, lambda lang: _cached_words(model, name, lang))


def every_language(model: type[WordLists], name: str) -> WordLists:
    """`words(model, name, lang)` of every language with a lexicon folder, key by key, in `languages()`
    order: founders mix languages, so the readers match every language's entries. Raises as `words`."""
    return _cached_every_language(model, name)  # type: ignore[return-value]
