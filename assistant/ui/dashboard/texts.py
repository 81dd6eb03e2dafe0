"""What the dashboard and account pages say, in French and English."""

from __future__ import annotations

from assistant.domain import Language, as_language

TEXTS: dict[Language, dict[str, str]] = {
    "fr": {
        "title": "Tableau de bord de la cohorte",
        "cohort": "Cohorte",
        "all_cohorts": "Toutes les cohortes",
        "founders": "Fondateurs",
        "founder": "Fondateur·rice",
        "sessions": "Sessions",
        "progress": "Progression",
        "segments": "Segments",
        "validation": "Validation",
        "open_critiques": "Critiques ouvertes",
        "last_activity": "Dernière activité",
        "spend": "Modèle (appels / jetons)",
        "canvas": "Canevas",
        "open": "ouvrir",
        "none": "aucune",
        "no_founder": "Aucune session dans cette cohorte pour l'instant.",
        "analytics": "Analyse de la cohorte",
        "chart.mistakes": "Erreurs les plus fréquentes",
        "chart.types": "Types de segments",
        "chart.evidence": "Segments appuyés sur des preuves recueillies",
        "chart.progress": "Progression moyenne dans le temps (%)",
        "evidence.with": "avec preuves",
        "evidence.without": "hypothèses",
        "untyped": "pas encore typé",
        "no_data": "Pas encore de données.",
        "export.csv": "Exporter le tableau (CSV)",
        "export.zip": "Tous les canevas (ZIP : Markdown et JSON)",
        "status.validated": "validé",
        "status.partially_validated": "partiellement validé",
        "status.assumption": "hypothèse",
        "readonly": "Lecture seule : seul·e le·la fondateur·rice modifie son canevas, dans la salle de coaching.",
        "comments": "Commentaires du mentor",
        "no_comment": "Aucun commentaire.",
        "comment.add": "Laisser un commentaire (le·la fondateur·rice le verra dans la salle)",
        "comment.send": "Envoyer",
        "comment.sent": "Commentaire envoyé.",
        "back": "Retour au tableau de bord",
        "seen": "lu",
        "login": "Se connecter",
        "refused.401": "Connectez-vous d'abord.",
        "refused.403": "Cette page est réservée aux mentors et aux administrateurs de la cohorte.",
        "refused.404": "Rien ici : cette page n'existe pas, ou vous n'y avez pas accès.",
        "refused.503": "Les cohortes ne peuvent pas être lues pour l'instant ; réessayez dans un moment.",
        "spend_line": "Dépense de modèle : {calls} appels, {tokens} jetons",
        "cap": " (plafond de la cohorte : {cap} jetons, puis coach hors ligne)",
        "unseen": "pas encore lu",
    },
    "en": {
        "title": "Cohort dashboard",
        "cohort": "Cohort",
        "all_cohorts": "All cohorts",
        "founders": "Founders",
        "founder": "Founder",
        "sessions": "Sessions",
        "progress": "Progress",
        "segments": "Segments",
        "validation": "Validation",
        "open_critiques": "Open critiques",
        "last_activity": "Last activity",
        "spend": "Model (calls / tokens)",
        "canvas": "Canvas",
        "open": "open",
        "none": "none",
        "no_founder": "No session in this cohort yet.",
        "analytics": "Cohort analytics",
        "chart.mistakes": "Most frequent mistakes",
        "chart.types": "Segment types",
        "chart.evidence": "Segments resting on gathered evidence",
        "chart.progress": "Mean progress over time (%)",
        "evidence.with": "with evidence",
        "evidence.without": "assumptions",
        "untyped": "not typed yet",
        "no_data": "No data yet.",
        "export.csv": "Export the table (CSV)",
        "export.zip": "Every canvas (ZIP: Markdown and JSON)",
        "status.validated": "validated",
        "status.partially_validated": "partially validated",
        "status.assumption": "assumption",
        "readonly": "Read-only: only the founder changes their canvas, in the coaching room.",
        "comments": "Mentor comments",
        "no_comment": "No comment yet.",
        "comment.add": "Leave a comment (the founder will see it in the room)",
        "comment.send": "Send",
        "comment.sent": "Comment sent.",
        "back": "Back to the dashboard",
        "seen": "read",
        "login": "Sign in",
        "refused.401": "Sign in first.",
        "refused.403": "This page is for the cohort's mentors and administrators.",
        "refused.404": "Nothing here: this page does not exist, or it is not yours to see.",
        "refused.503": "The cohorts cannot be read right now; try again in a moment.",
        "spend_line": "Model spend: {calls} calls, {tokens} tokens",
        "cap": " (cohort cap: {cap} tokens, then the offline coach)",
        "unseen": "not read yet",
    },
}


def t(lang: str, key: str) -> str:
    return TEXTS[as_language(lang)][key]


def mistake_title(lang: str, mistake_id: str) -> str:
    try:
        from assistant.prompts import Prompts

        return Prompts().text(as_language(lang), f"mistakes.{mistake_id}.title")
    except Exception:  # an id the catalogue does not know: its readable form
        return mistake_id.replace("_", " ")


def type_name(lang: str, segment_type: str) -> str:
    from assistant.canvas.render import TYPE_NAMES

    if segment_type == "untyped":
        return t(lang, "untyped")
    return TYPE_NAMES[as_language(lang)].get(segment_type, segment_type)
