"""Finding registry documents by any name people use for them.

A license is named by its registry id (``llama3.1-license``), its ScanCode key
(``llama-3.1-license-2024``), its SPDX id or ``LicenseRef-scancode-...`` reference, its
Hugging Face Hub id (``llama3.1``) or a common alias. :func:`resolve` accepts any of them,
case-insensitively. A family name (``openrail``, ``llama``) names several documents: it raises
:class:`AmbiguousIdError` listing them; anything else unknown raises
:class:`~railkit.errors.UnknownIdError` with close suggestions. :func:`select` filters the
registry for ``railkit license list``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from railkit.errors import RailkitError, UnknownIdError
from railkit.kb.catalog import Catalog, suggest
from railkit.kb.records.license import LicenseDocument

SCANCODE_REF = "licenseref-scancode-"

TYPE_NAMES = {
    "license": "license",
    "licence": "license",
    "acceptable-use-policy": "acceptable-use-policy",
    "aup": "acceptable-use-policy",
    "policy": "acceptable-use-policy",
    "use-policy": "acceptable-use-policy",
    "terms": "terms",
    "tos": "terms",
    "terms-of-use": "terms",
}
"""Accepted spellings of the document types."""


class AmbiguousIdError(RailkitError, LookupError):
    """A name that fits several registry documents (a family id such as ``openrail``)."""

    def __init__(self, value: str, candidates: Iterable[str], family: str | None = None) -> None:
        self.value = value
        self.candidates = tuple(candidates)
        self.family = family
        what = f"a family name ({family})" if family else "shared by several documents"
        super().__init__(
            f"{value!r} is ambiguous: it is {what}, not one document; say which: "
            + ", ".join(self.candidates)
        )


def _norm(value: str) -> str:
    return value.strip().lower()


def _family_key(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", value.lower())


@dataclass(frozen=True)
class Names:
    """Every name of every registry document, lower-cased, mapped to registry ids."""

    ids: dict[str, str]
    names: dict[str, set[str]]
    families: dict[str, tuple[str, list[str]]]

    @classmethod
    def of(cls, catalog: Catalog) -> Names:
        """Index a catalog's license records."""
        ids = {doc.id.lower(): doc.id for doc in catalog.licenses.values()}
        names: dict[str, set[str]] = {}
        families: dict[str, tuple[str, list[str]]] = {}
        for doc in catalog.licenses.values():
            found = [doc.identifiers.scancode, doc.identifiers.spdx, doc.text.key]
            found += [*doc.identifiers.hf, *doc.identifiers.aliases, doc.name]
            if doc.identifiers.scancode:
                found.append(SCANCODE_REF + doc.identifiers.scancode)
            for name in found:
                if name:
                    names.setdefault(_norm(name), set()).add(doc.id)
            if doc.same_as:  # another name for a canonical record, not another document
                continue
            key = _family_key(doc.family)
            families.setdefault(key, (doc.family, []))[1].append(doc.id)
        return cls(ids, names, families)

    def family(self, value: str) -> tuple[str, list[str]] | None:
        """The documents of a family named by ``value``: exactly, or the start of family
        names, or one word of them (``rail`` names BigScience RAIL and RAIL-S)."""
        key = _family_key(value)
        if len(key) < 3:
            return None
        if key in self.families:
            return self.families[key]
        hits = [
            (label, ids)
            for fam, (label, ids) in self.families.items()
            if fam.startswith(key) or key in re.split(r"[^a-z0-9]+", label.lower())
        ]
        if not hits:
            return None
        labels = " / ".join(sorted(label for label, _ in hits))
        return labels, sorted(i for _, ids in hits for i in ids)


def resolve_id(catalog: Catalog, value: str) -> str:
    """The registry id named by ``value`` (any identifier, any case).

    A record that only names the same text as another (``same_as``) resolves to that other,
    canonical record, which holds the identifiers and annotations.
    """
    found = _lookup(catalog, value)
    same = catalog.licenses[found].same_as
    return same if same and same in catalog.licenses else found


def _lookup(catalog: Catalog, value: str) -> str:
    names = Names.of(catalog)
    key = _norm(value)
    if key in names.ids:
        return names.ids[key]
    if key.startswith(SCANCODE_REF) and key[len(SCANCODE_REF) :] in names.ids:
        return names.ids[key[len(SCANCODE_REF) :]]
    found = names.names.get(key, set())
    if len(found) == 1:
        return next(iter(found))
    if len(found) > 1:
        raise AmbiguousIdError(value, sorted(found))
    family = names.family(value)
    if family is not None:
        label, members = family
        if len(members) == 1:
            return members[0]
        raise AmbiguousIdError(value, sorted(members), label)
    pool = sorted({*names.ids, *names.names})
    hits = suggest(key, pool)
    shown = []
    for hit in hits:
        target = names.ids.get(hit) or ", ".join(sorted(names.names.get(hit, ())))
        shown.append(hit if target == hit else f"{hit} ({target})")
    raise UnknownIdError("license", value, shown)


def resolve(catalog: Catalog, value: str) -> LicenseDocument:
    """The registry document named by ``value`` (see :func:`resolve_id`)."""
    return catalog.licenses[resolve_id(catalog, value)]


def select(
    catalog: Catalog,
    *,
    family: str | None = None,
    type: str | None = None,
    feature: str | None = None,
    category: str | None = None,
    commercial: str | None = None,
) -> list[LicenseDocument]:
    """Registry documents matching every filter given.

    ``family`` matches a family name or its prefix (``openrail``); ``type`` accepts the
    spellings in :data:`TYPE_NAMES`; ``feature`` / ``category`` keep documents whose
    annotations evidence that feature or restrict that category; ``commercial`` is one of
    allowed, conditional, not-allowed, unclear.
    """
    docs = list(catalog.licenses.values())
    if family:
        found = Names.of(catalog).family(family)
        if found is None:
            fams = sorted({d.family for d in docs})
            raise UnknownIdError("license family", family, suggest(family, fams))
        members = set(found[1])
        docs = [d for d in docs if d.id in members]
    if type:
        wanted = TYPE_NAMES.get(_norm(type).replace(" ", "-"))
        if wanted is None:
            raise UnknownIdError("document type", type, suggest(_norm(type), list(TYPE_NAMES)))
        docs = [d for d in docs if d.type == wanted]
    if feature:
        if feature not in catalog.features:
            raise UnknownIdError("feature", feature, suggest(feature, catalog.features))
        docs = [d for d in docs if any(feature in a.features for a in d.annotations)]
    if category:
        if category not in catalog.categories:
            raise UnknownIdError("category", category, suggest(category, catalog.categories))
        docs = [d for d in docs if any(category in a.categories for a in d.annotations)]
    if commercial:
        allowed = ("allowed", "conditional", "not-allowed", "unclear")
        value = _norm(commercial)
        if value not in allowed:
            raise UnknownIdError("commercial-use value", commercial, suggest(value, list(allowed)))
        docs = [d for d in docs if d.commercial_use == value]
    return docs
