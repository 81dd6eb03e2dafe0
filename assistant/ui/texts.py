"""Product text of the coaching room (French and English): starters, buttons, notices, panel labels.

The coach's own words come from the engine (prompts/); this file only holds what the room adds around them.
"""

from __future__ import annotations

from typing import Literal

from assistant.domain import LANGUAGES, Language, as_language

StarterId = Literal["start", "types", "review"]

TEXTS: dict[Language, dict[str, str]] = {
    "fr": {
        "coach": "Coach",
        "starter.start": "Je démarre mon canvas",
        "starter.types": "Expliquer les types de segments",
        "starter.review": "Relire mes segments existants",
        "types_question": "Quels sont les différents types de segments de clientèle ?",
        "review_hint": (
            "D'accord : gardez vos segments actuels sous la main. Je vais poser les questions une à une ; "
            "à chaque étape, collez ce que vous avez déjà écrit et je le relirai avec vous."
        ),
        "action.skip": "Passer",
        "action.skip.tip": "Passer cette question (elle restera ouverte dans le canevas)",
        "action.example": "Un exemple",
        "action.example.tip": "Montrer un exemple de réponse",
        "action.canvas": "Voir le canevas",
        "action.canvas.tip": "Ouvrir le canevas dans le panneau latéral",
        "action.canvas.updated": "Voir le canevas · mis à jour",
        "action.canvas.updated.tip": "Le canevas a changé depuis que vous l'avez ouvert",
        "action.export": "Exporter",
        "action.export.tip": "Télécharger le canevas en Markdown et en JSON",
        "action.restart": "Recommencer",
        "action.restart.tip": "Effacer le canevas de cette conversation et recommencer",
        "action.revisit": "Revoir une question",
        "action.revisit.tip": "Rouvrir une question : le canevas est gardé, puis la synthèse est refaite",
        "action.history": "Historique",
        "action.history.tip": "Les versions du canevas et ce qui a changé de l'une à l'autre",
        "action.interviews": "Kit d'entretiens",
        "action.interviews.tip": "Le guide pour interroger vos clients, vos hypothèses les plus risquées d'abord",
        "export.kit.hint": "Le kit d'entretiens, à imprimer",
        "export_ready": "Votre canevas, prêt à télécharger : en Markdown (à lire, ou à coller dans un document) et "
                        "en JSON (pour un autre outil).",
        "export.md.hint": "Le canevas en texte mis en forme, à lire ou à coller dans un document",
        "export.json.hint": "Le canevas en données structurées, pour un autre outil",
        "export_browser_failed": "Votre navigateur n'a pas pu enregistrer ce fichier. Réessayez, ou cliquez à "
                                 "nouveau sur « Exporter ».",
        "export_empty": "Le canevas est encore vide : répondez d'abord à une question.",
        "export_failed": "Je n'ai pas pu préparer l'export du canevas. Votre canevas reste enregistré : "
                         "réessayez « Exporter » dans un instant.",
        "restart_confirm": "Recommencer efface le canevas de cette conversation. Continuer ?",
        "restart_yes": "Oui, recommencer",
        "restart_no": "Annuler",
        "restart_cancelled": "C'est noté, on continue là où nous en étions.",
        "panel_title": "Canevas — Segments de clientèle",
        "settings.language": "Langue du coach",
        "settings.language.auto": "Automatique (navigateur)",
        "settings.language.fr": "Français",
        "settings.language.en": "English",
        "language_next": "C'est noté : la langue choisie s'appliquera à votre prochaine conversation.",
        "forbidden": "Cette conversation appartient à un autre compte.",
        "engine_error": "Le coach a rencontré un problème et n'a pas pu répondre. Réessayez dans un instant.",
        "busy": "Une autre fenêtre de cette session est en train de répondre : votre message est gardé et sera "
                "traité juste après, dans l'ordre.",
        "not_ready": "Le coach démarre encore ; réessayez dans quelques secondes.",
        "sources": "Sources",
    },
    "en": {
        "coach": "Coach",
        "starter.start": "Start my canvas",
        "starter.types": "Explain the segment types",
        "starter.review": "Review my existing segments",
        "types_question": "What are the different types of customer segments?",
        "review_hint": (
            "Sure: keep your current segments at hand. I will ask the questions one at a time; "
            "at each step, paste what you already wrote and we will review it together."
        ),
        "action.skip": "Skip",
        "action.skip.tip": "Skip this question (it stays open in the canvas)",
        "action.example": "Give me an example",
        "action.example.tip": "Show an example answer",
        "action.canvas": "Show the canvas",
        "action.canvas.tip": "Open the canvas in the side panel",
        "action.canvas.updated": "Show the canvas · updated",
        "action.canvas.updated.tip": "The canvas changed since you last opened it",
        "action.export": "Export",
        "action.export.tip": "Download the canvas as Markdown and JSON",
        "action.restart": "Restart",
        "action.restart.tip": "Clear this conversation's canvas and start over",
        "action.revisit": "Revisit a question",
        "action.revisit.tip": "Reopen a question: the canvas is kept, then the summary is redone",
        "action.history": "History",
        "action.history.tip": "The canvas versions and what changed from one to the next",
        "action.interviews": "Interview kit",
        "action.interviews.tip": "The guide to interview your customers, your riskiest assumptions first",
        "export.kit.hint": "The interview kit, to print",
        "export_ready": "Your canvas, ready to download: as Markdown (to read, or paste into a document) and as "
                        "JSON (for another tool).",
        "export.md.hint": "The canvas as formatted text, to read or paste into a document",
        "export.json.hint": "The canvas as structured data, for another tool",
        "export_browser_failed": "Your browser could not save this file. Try again, or click \"Export\" again.",
        "export_empty": "The canvas is still empty: answer a question first.",
        "export_failed": "I could not prepare the canvas export. Your canvas is still saved: try \"Export\" "
                         "again in a moment.",
        "restart_confirm": "Restarting clears this conversation's canvas. Continue?",
        "restart_yes": "Yes, restart",
        "restart_no": "Cancel",
        "restart_cancelled": "Noted, we carry on where we were.",
        "panel_title": "Canvas — Customer Segments",
        "settings.language": "Coach language",
        "settings.language.auto": "Automatic (browser)",
        "settings.language.fr": "Français",
        "settings.language.en": "English",
        "language_next": "Noted: the chosen language will apply to your next conversation.",
        "forbidden": "This conversation belongs to another account.",
        "engine_error": "The coach ran into a problem and could not answer. Please try again in a moment.",
        "busy": "Another window of this session is answering right now: your message is kept and will be "
                "answered right after, in order.",
        "not_ready": "The coach is still starting; please try again in a few seconds.",
        "sources": "Sources",
    },
}

STARTERS: tuple[StarterId, ...] = ("start", "types", "review")
STARTER_ICONS: dict[StarterId, str] = {
    "start": "/public/icons/start.svg",
    "types": "/public/icons/types.svg",
    "review": "/public/icons/review.svg",
}


def t(language: str, key: str) -> str:
    return TEXTS[as_language(language)][key]


def match_starter(text: str) -> tuple[StarterId, Language] | None:
    """The starter a message comes from (in either language), if any."""
    key = " ".join(text.split()).casefold()
    for lang in LANGUAGES:
        for sid in STARTERS:
            if TEXTS[lang][f"starter.{sid}"].casefold() == key:
                return sid, lang
    return None


def browser_language(accept_language: str | None, default: Language = "fr") -> Language:
    """French or English from an Accept-Language header, in the browser's order of preference."""
    if not accept_language:
        return default
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept_language.split(",")):
        bits = part.strip().split(";")
        tag = bits[0].strip().lower()
        q = 1.0
        for b in bits[1:]:
            b = b.strip()
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, tag))
    for _, _, tag in sorted(ranked):
        base = tag.split("-")[0]
        if base in LANGUAGES:
            return as_language(base)
    return default
