"""Whether a clause restricts use, and where in its text the restriction speaks.

A clause restricts use when one of its sentences prohibits something ("shall not", "you agree
not to", "is prohibited", "do not ..."), binds the user to obey the law ("must comply with
applicable laws", "only for lawful purposes"), or when it is a bare list item ("To generate
malware", "Engage in harassment", "Violence or terrorism") standing under a prohibitive
lead-in, or under no lead-in at all (list items are read as the items of a use policy).
Definitions, disclaimers, grants, permissions ("You may use the Model for research") and
statements of intent restrict nothing.

The result is a set of character spans of the clause text (the restrictive sentences, minus
exception phrases such as "except for ..." or "unless ...") in which category cues count.
Every pattern here is linear: bounded repetitions over disjoint character classes only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE

_SENTENCE_END = re.compile(
    r"(?<![A-Z]\.[A-Z])(?<!\be\.g)(?<!\bi\.e)(?<!\bInc)(?<!\bNo)[.!?]\s+(?=[\"“(\[A-Z])"
)
_LIST_MARKER = re.compile(
    r"^\s*(?:[-*•·]\s*|\(?[0-9a-zA-Z]{1,4}[.)]\s+|\(?[ivxlc]{1,5}[.)]\s+)", _I
)

PROHIBITION = re.compile(
    r"\b(?:shall|will|may|must|can|agrees?|undertakes?|promises?|commits?)"
    r"\s+(?:\w+\s+)?not\b(?!\s+(?:be\s+)?(?:limited|only|liable|responsible|apply|applies|"
    r"applicable|imply|implies|exceed|affect|constitute|construed|deemed|obligated|required|"
    r"limit|restrict|prohibit|include|prevent|waive|being|intended|granted|have|own|claim|"
    r"guarantee|warrant|assume|accept|bear|need|rely|always|necessarily|be\s+(?:accurate|unique|"
    r"available|complete|disclosed|brought)))"
    r"|\b(?:shall|will|may|must|can)\s+never\b"
    r"|\b(?:cannot|can't|won't|mustn't|shan't)\b(?!\s+(?:be\s+)?(?:liable|guarantee))"
    r"|(?:^|[,;:]\s*|\b(?:you|users?|licensees?|and|or|please)\s+)(?:do\s+not|don't|never)\s+\w+"
    r"|\b(?:prohibited|forbidden|disallowed|impermissible)\b(?!\s+by\b)"
    r"|\bnot\s+(?:be\s+)?(?:permitted|allowed|authori[sz]ed|entitled|permissible)\b"
    r"|\binadmissible\b|\boff[\s-]limits\b"
    r"|(?<!\bnot\s)(?<!\bor\s)\b(?:forbids?|prohibits?|bans?|disallows?)\s+(?:the\s+|any\s+)?(?:use|using|users?|you|"
    r"customers?|licensees?|anyone|recipients?|creation|generation|development|production|"
    r"distribution|deployment|application|integration)\b"
    r"|\b(?:is|are|constitutes?|shall\s+be|will\s+be)\s+(?:a\s+)?(?:material\s+)?(?:breach|violation)\s+of\b"
    r"|\bit\s+is\s+(?:strictly\s+)?(?:unacceptable|not\s+acceptable|impermissible|not\s+permissible)\s+to\b"
    r"|\bneither\s+(?:\w+\s+){0,6}?nor\s+(?:\w+\s+){0,6}?(?:may|shall|will|can|must|use|uses)\b"
    r"|\bensure\s+that\s+neither\b"
    r"|\bin\s+no\s+event\s+(?:shall|will|may)\s+(?:you|licensee|the\s+licensee|users?|recipients?)\b"
    r"|\b(?:does|shall|will)\s+not\s+extend\s+to\b"
    r"|\b(?:will|shall|may)\s+result\s+in\s+(?:the\s+)?(?:immediate\s+)?(?:termination|suspension|"
    r"revocation)\b"
    r"|\b(?:use|usage|application|deployment|exploitation)\b[^.;]{0,120}?\b(?:is|are|shall\s+be|"
    r"will\s+be)\s+(?:strictly\s+|expressly\s+)?(?:excluded|unacceptable|not\s+acceptable)\b"
    r"|\bensure\s+that\b[^.;]{0,120}?\bnot\s+(?:be\s+)?(?:used|deployed|employed|applied|put)\b"
    r"|\b(?:is|are|be)\s+not\s+(?:to\s+be\s+)?used\b"
    r"|\b(?:restricted|refrain|abstain|precluded|barred|banned)\s+from\b"
    r"|\bnot\s+to\s+(?:use|\w+)\b(?<!not to exceed)"
    r"|^\W*no\s+(?:use|one|person|user|licensee|part|portion)\b"
    r"|\bunder\s+no\s+circumstances\b|\b(?:in\s+no\s+case|at\s+no\s+time|nobody|no\s+one)\b"
    r"|\b(?:does|do|will|shall)\s+not\s+(?:permit|allow|authori[sz]e|tolerate)\b"
    r"|\bno\s+(?:rights?|licen[cs]es?|permission)\s+(?:is|are)\s+granted\b"
    r"|\bexcluded\s+from\s+(?:the\s+)?(?:scope|licen[cs]e|grant)\b"
    r"|(?<!\bis\s)(?<!\bare\s)\b(?:only|solely|exclusively)\s+(?:for|in\s+(?:accordance|compliance))\b"
    r"|\b(?:may|must|shall|will)\s+(?:only|solely)\s+(?:\w+\s+){1,6}?in\s+(?:strict\s+)?"
    r"(?:accordance|compliance)\s+with\b"
    r"|(?<!informational\s)(?<!information\s)(?<!educational\s)\bpurposes?\s+only\b",
    _I,
)
"""A sentence that forbids or limits something."""

CONDITIONAL = re.compile(
    r"\b(?:if|unless|when|whenever|whether|once|where)\s+(?:\w+\s+){0,3}?"
    r"(?:do|does|did|shall|will|may|can|could|cannot|is|are)\s*(?:not|n't)\b",
    _I,
)
"""A negation inside a condition ("if you do not accept"), which forbids nothing."""

COMPLIANCE = re.compile(
    r"\b(?:must|shall|will|agree\s+to)\s+(?:use|access|operate|deploy)\s+(?:[\w-]+\s+){0,8}?in\s+"
    r"(?:strict\s+|full\s+)?(?:compliance|accordance)\s+with\b|"
    r"\b(?:must|shall|will|agree\s+to|undertake\s+to|commit\s+to|required\s+to|need\s+to|"
    r"obliged\s+to|obligated\s+to|bound\s+to|require\w*\s+(?:\w+\s+){0,3}?to)\s+"
    r"(?:\w+\s+){0,2}?(?:comply|complying|adhere|abide|conform|obey|observe|disclose|label|watermark|"
    r"inform|notify|tell|state|indicate|explain)\b"
    r"|\b(?:responsible\s+for|undertake\s+to|shall|must|will)\s+(?:ensur\w+|mak\w+\s+sure)\s+"
    r"(?:that\s+)?(?:\w+\s+){0,5}?(?:compl(?:y|ies)|adheres?|conforms?)\s+with\b",
    _I,
)
"""A sentence that binds the user to obey rules (laws, a policy)."""

DEFINITION = re.compile(
    r"^\W{0,3}[\"“'‘][^\"”’]{1,80}[\"”’]\s*(?:\([^)]{0,80}\)\s*)?"
    r"(?:,?\s*as\s+used\s+(?:in|herein)\b[^,\"”]{0,40}?,?\s+|,\s*(?:for|in)\s+[^,\"”]{1,60},\s*)?"
    r"(?:means|shall\s+mean|includes|shall\s+include|refers|is\s+defined|has\s+the\s+meaning)\b"
    r"|^\W{0,3}(?:the\s+term\s+)?[\w-]+(?:\s+[\w-]+){0,5}\s+(?:means|shall\s+mean|refers?\s+to)\b"
    r"|^.{0,80}?[\"“][^\"”]{1,60}[\"”]\s*[–—:-]?\s*(?:\([^)]{0,60}\)\s+)?(?:\w+\s+){0,3}?"
    r"(?:is|are|means|refers\s+to)\s"
    r"|^\W*(?:any|all|each|every)\s+(?:[\w-]+\s+){0,4}?(?:models?|works?|modifications?|materials?|"
    r"derivatives?|versions?|copies)\s+(?:which|that)\s+(?:is|are)\s+(?:created|made|derived|based|"
    r"produced|developed|trained)\b",
    _I,
)

DISCLAIMER = re.compile(
    r"\b(?:as\s+is|without\s+warrant\w*|warrant(?:y|ies)|liab(?:le|ility)|indemnif\w*|"
    r"hold\s+harmless|governed\s+by|construed|severab\w*|in\s+no\s+event|unenforceable|"
    r"terminat\w*|survive|jurisdiction|arbitration|litigation|venue|disputes?)\b",
    _I,
)

PERMISSION = re.compile(
    r"\b(?:may|can|could)\s+(?!not\b)\w+|\b(?:are|is)\s+(?:free|permitted|allowed|welcome|"
    r"entitled|authori[sz]ed)\s+to\b|\bhereby\s+grants?\b|\bpermission\s+to\b",
    _I,
)

EXCEPTION = re.compile(
    r"\b(?:except(?:\s+(?:for|as|where|when|that|to|in|if))?|excluding|other\s+than|unless|"
    r"save\s+(?:for|as)|with\s+the\s+exception\s+of|apart\s+from|does\s+not\s+include)\b"
    r"[^;)]{0,300}?(?=[;)]|[.!?](?:\s|$)|,\s+(?:or|and|nor)\b|$)",
    _I,
)
"""A phrase carving an exception out of a restriction: cues inside it do not count."""

RESTRICTIVE_LEAD_IN = re.compile(
    r"\b(?:restrict\w*|limitations?\s+on|prohibit\w*|forbid\w*|disallow\w*|impermissible|"
    r"(?:acceptable|prohibited|restricted)\s+uses?|use\s+polic\w+|must\s+not|may\s+not|"
    r"shall\s+not|will\s+not|agree\s+not|do\s+not|don't|never)\b",
    _I,
)
"""A lead-in whose list items are restrictions ("subject to the following restrictions:")."""

PLAIN_LEAD_IN = re.compile(
    r"\b(?:means|includes?|including|consists?\s+of|refers\s+to|following\s+information|"
    r"(?:must|shall|should|will)\s+(?:\w+\s+)?(?:contain|include|provide|state|list|identify)|"
    r"notices?|examples?\s+of|such\s+as)\b",
    re.IGNORECASE,
)
"""A lead-in whose items define, give examples or list required contents ("Harm includes:",
"Your notice must include:"): its items restrict nothing, unless it also prohibits."""

HEADING_WORDS = 8
"""A lead-in this short is a heading ("Surveillance:") and lends its cues to its items."""

CARVE_OUT = re.compile(
    r"\b(?:except(?:\s+(?:for|to|in|that))?|other\s+than|excluding|but\s+not|save\s+for|"
    r"with\s+the\s+exception\s+of|apart\s+from)\b[^;.]{0,300}",
    _I,
)
"""In a permission, the part carved out of it ("any purpose except weapons") is a restriction."""

CONTRAST = re.compile(r"[,;]?\s*\b(?:but|however|provided\s+that|except\s+that)\b", _I)

SENTENCE_START = re.compile(
    r"^(?i:if|unless|upon|subject\s+to|in\s+no\s+event|except|notwithstanding|although|though|"
    r"while|whereas|even|nothing|neither|by\s+(?:clicking|using|accessing|downloading)|please|"
    r"with\s+respect\s+to|for\s+(?:the\s+avoidance|purposes\s+of|clarity)|where|once|"
    r"as\s+between|to\s+the\s+(?:maximum|extent)|furthermore|moreover|additionally|however|"
    r"therefore|accordingly|in\s+addition|this|these|those|that|our|we|i|it|they|he|she|you|"
    r"your|licensee|licensor)\b"
    r"|^(?:[A-Z][\w'’-]*|the|a|an|any|all|each|every|such)(?:\s+[\w'’-]+){0,4}?\s+"
    r"(?:is|are|was|were|will|shall|may|must|can|cannot|should|would|could|might|has|have|had|"
    r"does|hereby|means|includes|include|contain|reserves|retains|agrees|acknowledges|"
    r"represents|warrants|remains|becomes|applies|constitutes|governs|strives|aims)\b"
)
"""The start of a full sentence (a subject and its verb) rather than a bare list item."""

_NOT_GERUNDS = frozenset((
    "during", "notwithstanding", "regarding", "including", "according", "nothing", "something",
    "anything", "everything", "pending", "following", "concerning", "bring", "thing", "things",
))  # fmt: skip
IMPERATIVES = frozenset((
    "represent", "misrepresent", "generate", "create", "produce", "facilitate", "promote",
    "engage", "assist", "impersonate", "harass", "defame", "discriminate", "exploit", "deceive",
    "mislead", "collect", "track", "monitor", "surveil", "target", "attempt", "circumvent",
    "bypass", "disable", "interfere", "disrupt", "design", "synthesize", "synthesise",
    "disseminate", "infer", "predict", "torture", "incite", "encourage", "solicit", "fabricate",
    "falsify", "manipulate", "spread", "enable", "stalk", "spy", "scrape", "harvest",
    "decompile", "evade", "violate", "infringe", "intimidate", "threaten", "bully", "abuse",
    "plan", "recruit", "groom", "traffic", "sell", "develop", "train", "deploy", "operate",
    "impair", "coerce", "defraud", "scam", "phish", "profile", "identify", "categorize",
    "categorise", "classify", "trick", "pretend", "pose", "claim",
))  # fmt: skip
"""Verbs whose bare form opens an item of a use policy ("Represent that output is ..."), even
when the item later reads like a sentence."""
_FUNCTION_NEXT = re.compile(
    r"^\w+(?:\s*[,/]|\s+(?:the|a|an|any|all|or|and|and/or|in|with|to|on|for|into|of|about|"
    r"from|content|others|people|individuals|information|it|them|or)\b)",
    _I,
)
_INFINITIVE = re.compile(
    r"^(?:to\s+(?!the\s+(?:maximum|extent)\b)\w+|in\s+any\s+(?:way|manner))", _I
)
_INSTRUCTION = re.compile(
    r"^to\s+(?:report|contact|learn|request|opt|read|view|ask|enquire|inquire|find\s+out|"
    r"get\s+in\s+touch)\b",
    _I,
)
"""An instruction to the reader ("To report abuse, write to ..."), not an item of a policy."""
_ANY_USE_ITEM = re.compile(
    r"^(?:any|all)\s+(?:\w+\s+){0,2}?(?:use|uses|activit\w*|purposes?|conduct|actions?|"
    r"applications?|behaviou?r)\s+(?:that|which|intended|designed|involving)\b",
    _I,
)
"""An item of a use policy that names a kind of use ("Any activity that is illegal ...")."""
_GERUND_SUBJECT = re.compile(r"^\w+\s+(?:is|are|means|refers|shall\s+mean|includes)\b", _I)
"""A gerund that is the subject of a sentence ("Surveilling is the use of ..."): a definition."""
_HEADING = re.compile(r"^(?:\(?[A-Z][\w'’&/ -]{0,50}?\)?\s*[:.]\s+|\([^)]{1,60}\)\s+)(?=[A-Z])")
_MODAL_CLAUSE = re.compile(r"\b(?:shall|will|must|may|can)\s+(?!not\b)\w+", _I)
_LEADING_ADVERB = re.compile(
    r"^(?:\w+ly|first|second|third|also|thus|hence|still|indeed|otherwise|instead|then|next)"
    r"\s*,\s+",
    _I,
)
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose|where|when|if|whether|such\s+as)\b", _I)
_DET_SENTENCE = re.compile(
    r"^(?:the|this|these|that|those|its|their|our|his|her|a|an|each|every)\s+"
    r"(?:[\w'’-]+\s+){0,4}?"
    r"[a-z]+s\s+(?:the|a|an|that|its|their|our|how|what|known|no|all|any|some|several|"
    r"many|each|these|those|it|them|us|you)\b",
    _I,
)
_ADVISORY = re.compile(
    r"\b(?:are|is)\s+(?:encouraged|invited|asked|advised|welcome|expected|reminded)\s+to\b", _I
)
_PERFORMATIVE = re.compile(
    r"\b(?:hereby|disclaims?|as\s+is|warrant(?:y|ies)|liab(?:le|ility)|indemnif\w*)\b"
    r"|\bdo(?:es)?\s+not\s+constitute\b|\bnot\s+(?:a\s+)?substitute\s+for\b"
    r"|\b(?:loss\s+of\s+(?:profits?|revenues?|goodwill|data)|lost\s+profits|cost\s+of\s+cover)\b"
    r"|\bnot\s+(?:designed|intended)\s+(?:or\s+(?:designed|intended)\s+)?for\b",
    _I,
)
"""Words of grants and disclaimers, never of a use-policy list item."""
_PARENTHETICAL = re.compile(r"\s*\([^()]{0,80}\)")
_MAIN_CLAUSE = re.compile(
    r"[,;]\s*(?:we|you|it|they|i|licensor|licensee|the\s+(?:licensor|licensee|model|company)|"
    r"this\s+(?:license|licence|agreement|policy))\s+\w+",
    _I,
)
"""A main clause after an opening phrase ("To reduce misuse, we include ...")."""
_PRONOUN_CLAUSE = re.compile(r"[,;]\s*(?:we|you|it|they|i)\s+\w+", _I)


@dataclass(frozen=True)
class Restriction:
    """How a clause restricts: ``spans`` of its text where cues count, and why."""

    restrictive: bool
    explicit: bool
    spans: tuple[tuple[int, int], ...]
    exceptions: tuple[tuple[int, int], ...]
    reason: str


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start() + 1))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [s for s in spans if text[s[0] : s[1]].strip()]


def is_fragment(sentence: str) -> bool:
    """True for a bare list item ("To generate ...", "Engage in ...", "Violence or ...")."""
    body = _LIST_MARKER.sub("", sentence, count=1).lstrip(" \t\"“'‘[")
    body = _HEADING.sub("", body, count=1).lstrip(" \t\"“'‘([")
    body = _LEADING_ADVERB.sub("", body, count=1)
    if not body:
        return False
    modal = _MODAL_CLAUSE.search(body)
    if modal:
        head = body[: modal.start()]
        if len(head.split()) <= 12 and not _RELATIVE.search(head):
            return False
    if _DET_SENTENCE.match(body) or _ADVISORY.search(body) or _PERFORMATIVE.search(body):
        return False
    body = _PARENTHETICAL.sub("", body)
    first = body.split(None, 1)[0].lower().strip(",;:")
    if first in IMPERATIVES and not _PRONOUN_CLAUSE.search(body):
        return True
    if _ANY_USE_ITEM.match(body):
        return True
    if _INSTRUCTION.match(body):
        return False
    if _INFINITIVE.match(body):
        return not _MAIN_CLAUSE.search(body)
    if first.endswith("ing") and first not in _NOT_GERUNDS and len(first) > 4:
        return not (_PRONOUN_CLAUSE.search(body) or _GERUND_SUBJECT.match(body))
    if _FUNCTION_NEXT.match(body) and not SENTENCE_START.match(body):
        return True
    return not (SENTENCE_START.match(body) or _PRONOUN_CLAUSE.search(body))


_PROHIBITION_WORDS = (
    "not", "n't", "never", "prohib", "forbid", "disallow", "imperm", "restrict", "refrain",
    "abstain", "preclud", "barred", "banned", "only", "solely", "exclusively", "no ",
    "circumstances", "nobody", "excluded", "inadmissible", "limits", "unacceptable", "entitled",
    "breach", "violation", "neither", "event", "extend", "result",
)  # fmt: skip


def _prohibition(text: str) -> re.Match[str] | None:
    low = text.lower()
    if not any(word in low for word in _PROHIBITION_WORDS):
        return None
    conditions = [(m.start(), m.end()) for m in CONDITIONAL.finditer(text)]
    for m in PROHIBITION.finditer(text):
        if not any(s <= m.start() < e for s, e in conditions):
            return m
    return None


def is_prohibitive(text: str) -> bool:
    """True when ``text`` (a sentence or a lead-in) forbids or limits something."""
    return bool(_prohibition(text) or COMPLIANCE.search(text))


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of one prohibitive sentence in which cues count (after a permission)."""
    sentence = text[start:end]
    marker = _prohibition(sentence) or COMPLIANCE.search(sentence)
    if marker is None:
        return (start, end)
    head = sentence[: marker.start()]
    permission = PERMISSION.search(head)
    if permission:
        contrasts = [m for m in CONTRAST.finditer(head) if m.start() > permission.end()]
        if contrasts:
            return (start + contrasts[-1].start(), end)
    return (start, end)


_FORFEIT = re.compile(
    r"^\W*if\s+(?:you|licensee|the\s+licensee|recipient)\s+(?:\w+\s+){0,2}?"
    r"(?:bypass|circumvent|disable|defeat|tamper|remove|jailbreak)\w*\b",
    _I,
)
_LOSS = re.compile(r"\b(?:terminat\w*|revok\w*|void|forfeit\w*|cease\s+to\s+apply)\b", _I)
"""A sentence that takes the license away from whoever circumvents its safety measures ("If
you bypass any guardrail, your rights terminate"): a restriction worded as a consequence."""

_USE_OR_FORFEIT = re.compile(r"\buse\b|\bresult\s+in\s+(?:the\s+)?(?:immediate\s+)?terminat", _I)
"""A prohibitive sentence that names a use, or costs the licence, is no disclaimer even when it
mentions termination or liability."""

_AFTER_NEGATION = re.compile(r"\b(?:not|never)\s*,\s*$", _I)


def _exception_span(text: str, m: re.Match[str]) -> tuple[int, int]:
    """The span of one exception phrase; set off by commas right after the negation ("shall
    not, other than as the law allows, provide ...") it ends at the next comma."""
    if _AFTER_NEGATION.search(text, max(0, m.start() - 12), m.start()):
        comma = text.find(",", m.start(), m.end())
        if comma != -1:
            return (m.start(), comma)
    return (m.start(), m.end())


def analyse(text: str, context: str | None = None) -> Restriction:
    """Decide whether ``text`` restricts use and where its restrictive parts are."""
    lead = len(text) - len(_LIST_MARKER.sub("", text, count=1).lstrip())
    exceptions = [
        _exception_span(text, m)
        for m in EXCEPTION.finditer(text)
        if m.start() > lead or _prohibition(text[m.end() : m.end() + 300])
    ]
    context_prohibits = context is not None and (
        is_prohibitive(context) or bool(RESTRICTIVE_LEAD_IN.search(context))
    )
    context_permits = (
        context is not None
        and not context_prohibits
        and (bool(PERMISSION.search(context)) or bool(PLAIN_LEAD_IN.search(context)))
    )
    spans: list[tuple[int, int]] = []
    explicit = False
    reasons = []
    for start, end in sentences(text):
        sentence = text[start:end]
        if sentence.rstrip().endswith("?"):
            reasons.append("question")
            continue
        if DEFINITION.search(sentence):
            reasons.append("definition")
            continue
        if is_prohibitive(sentence):
            if DISCLAIMER.search(sentence) and not _USE_OR_FORFEIT.search(sentence):
                reasons.append("disclaimer")
                continue
            span = _sentence_span(text, start, end)
            if span:
                spans.append(span)
                explicit = True
                reasons.append("prohibition")
            continue
        if is_fragment(sentence):
            if context_permits:
                reasons.append("item under a permission")
                continue
            spans.append((start, end))
            explicit = explicit or context_prohibits
            reasons.append("list item" + (" under a prohibition" if context_prohibits else ""))
            continue
        if _FORFEIT.match(sentence) and _LOSS.search(sentence):
            spans.append((start, end))
            explicit = True
            reasons.append("forfeiture for circumvention")
        elif DISCLAIMER.search(sentence):
            reasons.append("disclaimer")
        elif PERMISSION.search(sentence):
            carved = [(start + m.start(), start + m.end()) for m in CARVE_OUT.finditer(sentence)]
            if carved:
                spans.extend(carved)
                exceptions = [
                    x for x in exceptions if not any(x[0] < e and c < x[1] for c, e in carved)
                ]
                explicit = True
                reasons.append("permission with a carve-out")
            else:
                reasons.append("permission")
        else:
            reasons.append("statement")
    return Restriction(
        restrictive=bool(spans),
        explicit=explicit,
        spans=tuple(spans),
        exceptions=tuple(exceptions),
        reason=", ".join(dict.fromkeys(reasons)) or "empty",
    )
