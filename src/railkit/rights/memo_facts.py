"""The facts of a situation in plain sentences, and the question a memo answers.

Vocabulary values (``visual-artist``, ``training-on-my-work``) become readable phrases; a field
the situation leaves open is said to be not yet known rather than guessed.
"""

from __future__ import annotations

from collections.abc import Iterable

from railkit.rights.situation import Situation, Work

PHRASES: dict[str, str] = {
    "training-on-my-work": "use of their work to train AI models",
    "personal-data-in-training": "use of their personal data in training",
    "outputs-reproduce-my-work": "outputs that reproduce their work",
    "outputs-imitate-my-style": "outputs that imitate their style",
    "outputs-false-about-me": "outputs that state false things about them",
    "likeness-or-voice": "use of their likeness or voice",
    "future-scraping": "future scraping of their work",
    "stop-future-use": "stop future use",
    "remove-from-dataset": "have their work or data removed from datasets",
    "remove-from-model": "have it removed from trained models",
    "information": "find out what was used",
    "compensation": "obtain compensation",
    "attribution": "obtain attribution",
    "takedown-outputs": "have outputs taken down",
    "correct-outputs": "have false outputs corrected",
    "chatbot": "a chatbot",
    "code-assistant": "a code assistant",
    "writing-assistant": "a writing assistant",
}


PLACE_NAMES = {
    "EU": "the EU",
    "EEA": "the EEA",
    "GB": "the UK",
    "US": "the US",
    "US-CA": "California (US-CA)",
    "US-IL": "Illinois (US-IL)",
}


def place_name(code: str) -> str:
    """A readable name for a place code (``EU`` -> ``the EU``; others unchanged)."""
    return PLACE_NAMES.get(code, code)


def phrase(value: str) -> str:
    """A readable phrase for a vocabulary value."""
    return PHRASES.get(value, value.replace("-", " "))


def _join(items: Iterable[str], last: str = "and") -> str:
    parts = list(items)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {last} " + parts[-1]


def _yes_no(value: bool | None, yes: str, no: str, open_: str) -> str:
    return open_ if value is None else (yes if value else no)


def _work_fact(i: int, work: Work) -> str:
    kind = phrase(work.kind) if work.kind else "a work of unknown kind"
    where = f"kept at: {phrase(work.where)}" if work.where else "where it is kept is not known"
    bits = [
        _yes_no(
            work.published_online,
            "publicly available online",
            "not published online",
            "whether it is online is not known",
        ),
        where,
        _yes_no(
            work.personal_data,
            "contains personal data",
            "contains no personal data",
            "whether it contains personal data is not known",
        ),
        _yes_no(
            work.machine_readable_optout,
            "carries a machine-readable opt-out",
            "carries no machine-readable opt-out",
            "whether a machine-readable opt-out is set is not known",
        ),
        _yes_no(
            work.us_copyright_registered,
            "registered with the US Copyright Office",
            "not registered with the US Copyright Office",
            "US registration is not known",
        ),
    ]
    return f"Work {i}: {kind}; " + "; ".join(bits) + "."


def facts(situation: Situation) -> list[str]:
    """The legally significant facts, one sentence each, with open points marked."""
    out: list[str] = []
    if situation.description:
        out.append(f"In the person's words: {situation.description}")
    person = situation.person
    role = person.role if person and person.role else None
    residence = person.residence if person and person.residence else None
    out.append(
        f"The person is {'a ' + phrase(role) if role else 'of an unknown occupation'}, "
        f"living in {place_name(residence) if residence else 'a place not yet known'}."
    )
    for i, work in enumerate(situation.works or (), 1):
        out.append(_work_fact(i, work))
    if situation.works is None:
        out.append("The works or data concerned are not yet described.")
    use = situation.ai_use
    dev = situation.developer
    name = dev.name if dev and dev.name else "The developer"
    out.append(f"The AI use concerned is {phrase(use) if use else 'not yet known'}.")
    est = _join(map(place_name, dev.establishments)) if dev and dev.establishments else None
    offers = (
        _join(map(place_name, dev.offers_service_in)) if dev and dev.offers_service_in else None
    )
    out.append(
        f"{name} is established in {est or 'places not yet known'} and offers its service in "
        f"{offers or 'places not yet known'}."
    )
    if situation.concerns is not None:
        out.append(
            "Concerns: " + (_join(phrase(c) for c in situation.concerns) or "none stated") + "."
        )
    if situation.goals is not None:
        out.append("Goals: to " + (_join(phrase(g) for g in situation.goals) or "none") + ".")
    return out


def question_presented(situation: Situation) -> str:
    """One objective sentence beginning with 'Whether'."""
    person = situation.person
    who = f"a {phrase(person.role)}" if person and person.role else "a person"
    if person and person.residence:
        who += f" living in {place_name(person.residence)}"
    goals = _join((phrase(g) for g in situation.goals or ()), "or") or "assert rights"
    concerns = _join(phrase(c) for c in situation.concerns or ())
    about = f" concerning {concerns}" if concerns else ""
    dev = situation.developer
    by = dev.name if dev and dev.name else "an AI developer"
    use = f" ({phrase(situation.ai_use)})" if situation.ai_use else ""
    return (
        f"Whether {who} can use legal, contractual, collective or technical mechanisms to "
        f"{goals}{about}, against {by}{use}."
    )
