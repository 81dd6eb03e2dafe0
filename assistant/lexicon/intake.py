"""The words that tell what kind of message a founder sent (`<lang>/intake.yaml`): command words, whole
messages that are commands without a slash, and the openings and topics of a free question to the coach.
Read by `assistant.understanding.intake` (`read_message`, `is_free_question`)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class IntakeWords(BaseModel):
    """The intake words of one language, compared on normalised text (lower case, no accents; apostrophes
    and hyphens kept). The command keys are the product's command ids (`assistant.understanding.intake.Command`)."""

    model_config = ConfigDict(extra="forbid")

    commands: dict[str, list[str]] = Field(
        description="Per command id, the words that name it after a slash ('/passer', '/canvas'); an unknown "
                    "'/word' is offered the closest of them.")
    bare_commands: dict[str, list[str]] = Field(
        description="Per command id, whole messages that are the command without a slash (founders rarely "
                    "type it): 'suivant', 'montre le canevas', 'give me an example'.")
    question_openers: list[str] = Field(
        description="How a question to the coach starts: a message ending in '?' that starts with one is a "
                    "free question ('comment', 'qu est ce', 'should', 'what's'; compared as a prefix).")
    faq_hints: list[str] = Field(
        description="Topics of the method ('b2b', 'persona', 'niche'): a short 'X or Y?' message naming one is "
                    "a free question (compared as a substring).")
    alternatives: list[str] = Field(
        description="The word of a choice between two things in a short question ('ou' in 'B2B ou B2C ?', "
                    "'or'; compared as a whole word).")
