"""Sign-in through an OAuth provider (Chainlit's OAuth callback, configured with its OAUTH_<PROVIDER>_*
variables, e.g. OAUTH_GITHUB_CLIENT_ID): the provider proves the person's email; the room admits them only
when it knows them — an account, or a role given by `coach user add EMAIL --oauth --cohort NAME --role ...` or
an import. Anyone else with an account at the provider is refused: its users are not the accelerator's."""

from __future__ import annotations

from assistant.cohorts.models import CohortError
from assistant.cohorts.stores import cohort_store
from assistant.settings import Settings
from assistant.ui.accounts import user_store
from assistant.ui.auth import AuthError, normalize_username


def admit(settings: Settings, identifier: str) -> str | None:
    """The room's username for a person the provider vouches for, or None when the room does not know them
    (or cannot read its stores: fail closed)."""
    try:
        name = normalize_username(identifier)
    except AuthError:
        return None
    try:
        if cohort_store(settings).member(name) is not None:
            return name
    except CohortError:
        return None
    try:
        return name if user_store(settings).get(name) is not None else None
    except (AuthError, OSError, ValueError):
        return None
