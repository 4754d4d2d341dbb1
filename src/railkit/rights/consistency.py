"""Contradictory or doubtful answers in a situation, reported as warnings.

The assessment still runs on a contradictory situation (the person may have answered one
question loosely), but each contradiction is named so the person or the interview can fix
it, and a memo writer can mention it.
"""

from __future__ import annotations

from railkit.rights.situation import Situation

ONLINE_PLACES = frozenset({"personal-website", "social-media", "code-host", "marketplace"})
TRAINING_CONCERNS = frozenset({"training-on-my-work", "personal-data-in-training"})
OUTPUT_CONCERNS = frozenset(
    {
        "outputs-reproduce-my-work",
        "outputs-imitate-my-style",
        "outputs-false-about-me",
        "likeness-or-voice",
    }
)


def _works_warnings(situation: Situation) -> list[str]:
    out: list[str] = []
    for i, w in enumerate(situation.works or ()):
        at = f"works[{i}]"
        if w.published_online is False and w.where in ONLINE_PLACES:
            out.append(f"{at}: published_online is false but where is {w.where!r}, an online place")
        if w.published_online is True and w.where == "offline":
            out.append(f"{at}: published_online is true but where is 'offline'")
        if w.machine_readable_optout is True and w.published_online is False:
            out.append(
                f"{at}: a machine-readable opt-out is set but the work is not published online"
            )
        if w.kind == "personal-data" and w.personal_data is False:
            out.append(f"{at}: kind is 'personal-data' but personal_data is false")
        if w.kind == "personal-data" and w.us_copyright_registered is True:
            out.append(f"{at}: personal data as such cannot be registered for copyright")
    return out


def _aims_warnings(situation: Situation) -> list[str]:
    out: list[str] = []
    concerns = set(situation.concerns or ())
    goals = set(situation.goals or ())
    if situation.concerns is None:
        return out
    if goals & {"remove-from-model", "remove-from-dataset"} and not concerns & TRAINING_CONCERNS:
        out.append(
            "goals ask for removal from a dataset or model, but no concern says the work or "
            "data was used for training"
        )
    if "correct-outputs" in goals and "outputs-false-about-me" not in concerns:
        out.append("goal 'correct-outputs' without the concern 'outputs-false-about-me'")
    if "takedown-outputs" in goals and not concerns & OUTPUT_CONCERNS:
        out.append("goal 'takedown-outputs' without any concern about outputs")
    works = situation.works
    if works is not None:
        if (
            "personal-data-in-training" in concerns
            and works
            and all(w.personal_data is False and w.kind != "personal-data" for w in works)
        ):
            out.append(
                "concern 'personal-data-in-training' but every work says personal_data false"
            )
        if (
            "future-scraping" in concerns
            and works
            and all(w.published_online is False for w in works)
        ):
            out.append("concern 'future-scraping' but no work is published online")
        only_data = bool(works) and all(w.kind == "personal-data" for w in works)
        for concern in ("training-on-my-work", "outputs-reproduce-my-work"):
            if concern in concerns and only_data:
                out.append(f"concern {concern!r} but every work is of kind 'personal-data'")
    return out


def contradictions(situation: Situation) -> list[str]:
    """Every contradiction found in ``situation``, as one sentence each."""
    return _works_warnings(situation) + _aims_warnings(situation)
