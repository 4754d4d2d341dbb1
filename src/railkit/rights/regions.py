"""Places and regions: how a country or state code relates to a region such as the EU.

Codes are ISO 3166-1 alpha-2 (``DE``, ``GB``, ``CA`` for Canada), ISO 3166-2 subdivisions
(``US-CA`` for California, ``US-IL`` for Illinois), or the group codes ``EU`` and ``EEA``.
Two relations matter to the law's territorial reach:

* *within*: a person's residence ``DE`` lies within ``EU``; ``US-CA`` lies within ``US``.
* *overlaps*: a developer that offers its service in ``EU`` offers it in ``DE``, and one that
  offers it in ``US`` offers it in California.
"""

from __future__ import annotations

import re

EU_MEMBERS: frozenset[str] = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    ]
)
"""The 27 EU member states (Greece as ``GR``; ``EL`` is accepted as an alias)."""

EEA_ONLY: frozenset[str] = frozenset({"IS", "LI", "NO"})
"""EEA states outside the EU, where the GDPR applies through the EEA Agreement."""

GROUPS: dict[str, frozenset[str]] = {
    "EU": EU_MEMBERS,
    "EEA": EU_MEMBERS | EEA_ONLY,
}
ALIASES: dict[str, str] = {"EL": "GR", "UK": "GB"}

CODE_PATTERN = re.compile(r"^(EU|EEA|[A-Z]{2})(-[A-Z0-9]{1,3})?$")


def normalise(code: str) -> str:
    """Upper-case a code and map aliases (``UK`` to ``GB``, ``EL`` to ``GR``)."""
    code = code.strip().upper()
    country, _, sub = code.partition("-")
    country = ALIASES.get(country, country)
    return f"{country}-{sub}" if sub else country


def is_valid(code: str) -> bool:
    """Whether ``code`` has the form of a country, subdivision or group code."""
    return bool(CODE_PATTERN.match(normalise(code)))


def _countries(code: str) -> frozenset[str]:
    country = code.split("-", 1)[0]
    return GROUPS.get(country, frozenset({country}))


def within(code: str, region: str) -> bool | None:
    """Whether the place ``code`` lies inside ``region``.

    Returns ``None`` (unknown) when ``code`` is larger than ``region`` and contains it: a
    residence given only as ``US`` may or may not be in ``US-CA``.
    """
    code, region = normalise(code), normalise(region)
    if code == region:
        return True
    if "-" in region:
        if "-" in code:
            return False
        return None if code == region.split("-", 1)[0] else False
    mine, theirs = _countries(code), _countries(region)
    if mine <= theirs:
        return True
    if theirs < mine:
        return None
    return False


def overlaps(code: str, region: str) -> bool:
    """Whether the place ``code`` and ``region`` share any territory."""
    code, region = normalise(code), normalise(region)
    if "-" in code and "-" in region:
        return code == region
    return bool(_countries(code) & _countries(region))
