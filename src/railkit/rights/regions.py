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

COUNTRIES: frozenset[str] = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN
    BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
    DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL
    GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM
    JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
    MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP
    NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD
    SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
    TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
    """.split()  # noqa: SIM905 - a list of 249 codes reads better as text
)
"""The 249 ISO 3166-1 alpha-2 country codes (as listed in the IANA time zone database)."""

GROUPS: dict[str, frozenset[str]] = {
    "EU": EU_MEMBERS,
    "EEA": EU_MEMBERS | EEA_ONLY,
}
ALIASES: dict[str, str] = {"EL": "GR", "UK": "GB"}

CODE_PATTERN = re.compile(r"^(EU|EEA|[A-Z]{2})(-[A-Z0-9]{1,3})?$")


def normalise(code: str) -> str:
    """Upper-case a code and map aliases (``UK`` to ``GB``, ``EL`` to ``GR``)."""
    code = code.strip().upper()
    country, dash, sub = code.partition("-")
    country = ALIASES.get(country, country)
    return f"{country}{dash}{sub}"


def is_valid(code: str) -> bool:
    """Whether ``code`` is a known country or group code, or a subdivision of a country."""
    code = normalise(code)
    if not CODE_PATTERN.match(code):
        return False
    country = code.split("-", 1)[0]
    if country in GROUPS:
        return "-" not in code
    return country in COUNTRIES


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
