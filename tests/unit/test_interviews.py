"""The interview kit (riskiest assumptions first, a Mom Test guide, whom and how many, how to recruit) and
interview notes read back: verdicts with the lines quoted, statuses raised only from gathered data,
proposals accepted or refused. FR and EN."""

from __future__ import annotations

from assistant.canvas import Canvas, Segment
from assistant.interviews.assumptions import riskiest_assumptions
from assistant.interviews.evidence import apply_verdicts
from assistant.interviews.kit import interview_kits, kit_markdown
from assistant.interviews.notes import NOTES_LIMIT, chunks, notes_in, split_interviews
from assistant.interviews.proposals import accept, proposals_for, read_choice, refuse
from assistant.interviews.verdicts import is_hypothetical, read_notes

FAMILIES = Segment(
    name="Familles pressées", who="Familles avec enfants du centre qui n'ont pas le temps le matin",
    jobs=["Préparer le petit-déjeuner des enfants vite"],
    pains=["La file d'attente à la boulangerie le matin", "Le pain industriel rassis"],
    gains=["Le pain devant la porte au réveil"], buyer="Le parent qui fait les courses", user="Toute la famille",
)
FR = Canvas(language="fr", segments=[FAMILIES])
FR_NOTES = """Entretien 1 — Sophie, mère de deux enfants, centre-ville
- Le matin elle n'a pas le temps : elle dépose les enfants à 8h20.
- La file d'attente à la boulangerie ne la dérange pas, elle y passe le samedi.
- Le pain industriel est souvent rassis le mercredi, elle en jette.

Entretien 2 — Karim
- Il n'a jamais fait la file d'attente le matin, il achète le pain la veille.
- Il trouverait génial d'avoir le pain devant la porte.
- Le pain industriel rassis finit à la poubelle chaque semaine.
"""


def test_assumptions_riskiest_first_and_lower_once_evidence_exists() -> None:
    ranked = riskiest_assumptions(FR)
    assert [a.kind for a in ranked] == ["segment", "pain", "pain", "buyer_user", "job", "gain"]
    assert ranked[0].question_id == "for_whom" and ranked[1].question_id == "pains"
    validated = Canvas(segments=[FAMILIES.model_copy(update={"validation": "partially_validated"})])
    assert riskiest_assumptions(validated)[0].risk == ranked[0].risk - 2
    # Buyer and user the same person: no buyer/user assumption to test.
    same = Canvas(segments=[FAMILIES.model_copy(update={"user": "Le parent qui fait les courses"})])
    assert "buyer_user" not in {a.kind for a in riskiest_assumptions(same)}


def test_french_kit_follows_the_mom_test_and_says_whom_to_interview() -> None:
    kit = interview_kits(FR)[0]
    assert kit.assumptions[0].claim == FAMILIES.who
    md = kit_markdown(FR)
    assert md.startswith("# Kit d'entretiens clients")
    assert "The Mom Test" in md and "la dernière fois" in md and "ne présentez pas votre produit" in md
    assert "une intention n'est pas une preuve" in md
    assert "Interrogez les deux : **Le parent qui fait les courses** (qui paie) et **Toute la famille**" in md
    assert "5 à 8 personnes" in md and "qui d'autre devrais-je rencontrer" in md
    assert "« Entretien 1 — rôle, date »" in md  # how to bring the notes back
    assert "est-ce que vous achèteriez" in md  # named as the question not to ask


def test_english_kit_and_an_empty_canvas() -> None:
    en = Canvas(language="en", segments=[Segment(name="Dental practices", who="Independent dental practices",
                                                 pains=["No-shows cost revenue"])])
    md = kit_markdown(en)
    assert md.startswith("# Customer interview kit") and "When was the last time this was a problem" in md
    assert "(listen for: No-shows cost revenue)" in md and "5 to 8 people" in md
    assert "No segment yet" in kit_markdown(Canvas(language="en"))


def test_notes_split_into_interviews_and_long_pastes_are_read_whole() -> None:
    interviews = split_interviews(FR_NOTES)
    assert [i.index for i in interviews] == [1, 2] and interviews[0].title.startswith("Entretien 1")
    assert interviews[1].lines[0] == "Il n'a jamais fait la file d'attente le matin, il achète le pain la veille."
    long = "\n".join(f"Entretien {n}\n- Le pain industriel est rassis, note {n}." for n in range(1, 400))
    assert len(long) > 4000 and len(split_interviews(long)) == 399  # far past an answer's 4,000 characters
    assert all(len(c) <= 4000 for c in chunks(long)) and "".join(chunks(long)).count("Entretien") == 399
    assert len(notes_in("notes", "x" * (NOTES_LIMIT + 10), False) or "") == NOTES_LIMIT
    assert notes_in("text", "/notes Entretien 1\nElle jette le pain.", False) == "Entretien 1\nElle jette le pain."
    assert notes_in("text", "Entretien 1 — Léa\nElle jette le pain.", True) is not None  # after the summary
    assert notes_in("text", "Entretien 1 — Léa\nElle jette le pain.", False) is None  # an answer mid-session
    assert notes_in("text", "non, elle a plutôt 45 ans", True) is None
    introduced = split_interviews("Voici mes notes.\n\nEntretien 1 — Léa\n- Elle jette le pain.\n"
                                  "Entretien 2 — Max\n- Il le congèle.")
    assert [(i.index, i.title) for i in introduced] == [(1, "Entretien 1 — Léa"), (2, "Entretien 2 — Max")]


def test_verdicts_quote_the_lines_and_an_intention_is_not_evidence() -> None:
    verdicts = {v.assumption.claim: v for v in read_notes(riskiest_assumptions(FR), split_interviews(FR_NOTES))}
    queue = verdicts["La file d'attente à la boulangerie le matin"]
    assert queue.verdict == "contradicted" and queue.contradicting == 2
    assert queue.quotes[0].line == "La file d'attente à la boulangerie ne la dérange pas, elle y passe le samedi."
    stale = verdicts["Le pain industriel rassis"]
    assert stale.verdict == "supported" and stale.supporting == 2
    assert verdicts[FAMILIES.who].verdict == "supported"
    assert verdicts["Le pain devant la porte au réveil"].verdict == "untouched"  # "il trouverait génial": an opinion
    assert is_hypothetical("She would definitely pay for it") and is_hypothetical("Elle paierait 20 €")
    assert not is_hypothetical("She paid 20 € last month")


def test_statuses_rise_only_from_gathered_data() -> None:
    verdicts = read_notes(riskiest_assumptions(FR), split_interviews(FR_NOTES))
    canvas, changes = apply_verdicts(FR, verdicts, split_interviews(FR_NOTES))
    assert (changes[0].before, changes[0].after) == ("assumption", "partially_validated")
    seg = canvas.segments[0]
    assert any("La file d'attente à la boulangerie ne la dérange pas" in e for e in seg.evidence)
    assert any(e.startswith("Entretiens : 2 confirment, 0 contredisent") for e in seg.evidence)
    # A payment in the customer's own world (a line behind a verdict) is no commitment to the founder.
    own = split_interviews("Entretien 1\nLe pain industriel rassis : elle a payé son pain 3 euros, rassis le soir.")
    _, changes = apply_verdicts(FR, read_notes(riskiest_assumptions(FR), own), own)
    assert changes[0].after == "partially_validated"
    intention = split_interviews("Entretien 1\nLe pain industriel rassis : elle paierait un abonnement.")
    _, changes = apply_verdicts(FR, read_notes(riskiest_assumptions(FR), intention), intention)
    assert changes == []  # an intention is no evidence at all
    # A commitment told in an interview that supports the segment, even on a line of its own, validates it.
    paid = split_interviews("Entretien 1\nLe pain industriel est rassis le mercredi.\nElle a payé 3 mois d'avance.")
    assert apply_verdicts(FR, read_notes(riskiest_assumptions(FR), paid), paid)[1][0].after == "validated"
    wish = split_interviews("Entretien 1\nLe pain industriel est rassis le mercredi.\nElle paierait 3 mois d'avance.")
    assert apply_verdicts(FR, read_notes(riskiest_assumptions(FR), wish), wish)[1][0].after == "partially_validated"


def test_proposals_accepted_remove_and_reopen_refused_stay_to_check() -> None:
    verdicts = read_notes(riskiest_assumptions(FR), split_interviews(FR_NOTES))
    proposals = proposals_for(verdicts)
    assert [(p.number, p.claim, p.question_id, p.action) for p in proposals] == [
        (1, "La file d'attente à la boulangerie le matin", "pains", "remove")]
    assert read_choice("oui", 1) == {1} and read_choice("Non merci", 1) == set() and read_choice("1", 1) == {1}
    assert read_choice("yes please", 2) == {1, 2} and read_choice("no", 2) == set() and read_choice("2", 2) == {2}
    assert read_choice("Elle gère trois boutiques et vend en ligne depuis deux ans", 1) is None
    accepted, question = accept(FR, proposals, {1})
    assert question == "pains" and "La file d'attente à la boulangerie le matin" not in accepted.segments[0].pains
    assert accepted.open_questions[-1].text == (
        "Contredit en entretien : « La file d'attente à la boulangerie le matin »")
    refused = refuse(FR, proposals)
    assert refused.segments[0].pains == FAMILIES.pains
    assert refused.segments[0].assumptions == [
        "À revérifier : « La file d'attente à la boulangerie le matin » (contredit en entretien)"]


def test_english_notes_contradicting_the_founder() -> None:
    en = Canvas(language="en", segments=[Segment(
        name="Dental practices", who="Independent dental practices with 2 to 5 dentists",
        pains=["Hours on the phone for the receptionist", "No-shows cost revenue"], buyer="The dentist-owner",
        user="The receptionist")])
    notes = ("Interview 1 - Dr Lee, 3 dentists\n- No-shows are not a problem: they keep a waiting list.\n"
             "- The receptionist spends two hours a day on the phone.\n\nInterview 2 - Dr Park\n"
             "- No-shows rarely happen, maybe once a month.\n- Phone calls take the receptionist hours every day.\n")
    verdicts = {v.assumption.claim: v.verdict for v in read_notes(riskiest_assumptions(en), split_interviews(notes))}
    assert verdicts["No-shows cost revenue"] == "contradicted"
    assert verdicts["Hours on the phone for the receptionist"] == "supported"
