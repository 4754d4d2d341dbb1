"""Clause classifier: prohibitions in varied styles, permissions, negations, evidence."""

from __future__ import annotations

import re

import pytest

from railkit.kb import Catalog
from railkit.licensing.classify import EMPTY, Labels, classify, classify_many
from railkit.licensing.cues import compile_phrase, lexicon, recognition_phrase
from railkit.licensing.restriction import analyse, is_fragment

RESTRICTING = [
    ("You shall not use the Model to recognise people in video by their faces.", "biometrics"),
    ("Don't use the software to write ransomware.", "malware-cyberattacks"),
    ("It is prohibited to use the outputs to plan terrorist attacks.", "violence-extremism"),
    ("Users must never rely on the Model to diagnose patients.", "regulated-advice"),
    ("To produce fabricated news reports meant to mislead voters", "disinformation"),
    ("Harassing, threatening or bullying any person", "defamation-harassment"),
    ("Engage in or help others with sex trafficking", "human-trafficking"),
    ("The Model may not be used to clone a person's voice without consent.", "impersonation"),
    ("Licensee will not use any output to train a rival foundation model.", "competing-models"),
    ("You agree not to remove the safety filters of the Model.", "safety-circumvention"),
    ("Tracking the movements of employees outside of work", "surveillance"),
    ("Automatically denying credit applications without a human review", "automated-decisions"),
    ("Forecasting whether a defendant is likely to reoffend", "law-enforcement-justice"),
    ("Selling home addresses and phone numbers of strangers", "personal-data"),
    ("Passing off generated essays as if a human wrote them", "ai-disclosure"),
    ("Running spam campaigns or posting fake reviews", "fraud-deception"),
    ("Use of the Model must comply with all applicable laws.", "illegal-activity"),
    ("In any manner that breaks the law", "illegal-activity"),
    ("Grooming or sexualising minors", "child-safety"),
    ("Helping someone buy firearms illegally", "weapons"),
    ("Promoting suicide or eating disorders", "self-harm"),
    ("Synthesising narcotics or other controlled substances", "controlled-substances"),
    ("Producing pornographic images", "sexual-content"),
    ("Rating citizens by their social behaviour to withhold public benefits", "social-scoring"),
    ("Steering users with subliminal techniques toward harmful choices", "manipulation"),
    ("Excluding job candidates because of their religion or disability", "discrimination"),
    ("Controlling a power grid or air traffic systems", "critical-infrastructure"),
    ("Selecting targets for military operations", "military-warfare"),
    ("Copying copyrighted artworks in breach of the copyright holders' rights", "ip-infringement"),
    ("Exploiting the cognitive decline of elderly customers to sell them loans",
     "exploiting-vulnerabilities"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "category"), RESTRICTING)
def test_restrictions_in_varied_styles(text: str, category: str) -> None:
    labels = classify(text)
    assert category in labels.categories
    assert labels.restrictive


NOT_RESTRICTING = [
    "You may use the Model for medical research and to study facial recognition bias.",
    '"Output" means the text, images or audio the Model produces.',
    "THE MODEL IS PROVIDED AS IS, WITHOUT WARRANTY; THE AUTHORS ARE NOT LIABLE FOR MISUSE.",
    "We released these weights to help researchers study disinformation and surveillance.",
    "Use restrictions are included so that the Model is not misused.",
    "The Licensor may update this policy from time to time.",
    "Researchers are welcome to use the Model to detect malware and phishing.",
    "Nothing in this license limits your use of the Model for non-military research.",
    "If any provision is held illegal or unenforceable, the rest remains in force.",
    "You must include a copy of this license with every copy of the Model you distribute.",
    "",
]


@pytest.mark.parametrize("text", NOT_RESTRICTING)
def test_permissions_definitions_disclaimers_are_empty(text: str) -> None:
    labels = classify(text)
    assert labels.categories == ()
    assert labels.evidence == ()


def test_exception_does_not_add_a_category() -> None:
    labels = classify(
        "You shall not use the Model to infer emotions of workers, except for medical reasons."
    )
    assert labels.categories == ("biometrics",)


def test_negated_prefix_is_not_a_cue() -> None:
    assert (
        "military-warfare"
        not in classify("You may not deploy it in non-military settings").categories
    )


def test_specific_harm_outranks_generic_illegality() -> None:
    labels = classify("Discrimination or other unlawful conduct in hiring and housing")
    assert labels.categories == ("discrimination",)
    assert classify("Any other unlawful conduct").categories == ("illegal-activity",)


def test_multi_label_clause() -> None:
    labels = classify("Creating deepfake videos of candidates to deceive voters")
    assert {"impersonation", "disinformation"} <= set(labels.categories)


def test_permission_then_prohibition_keeps_only_the_prohibited_part() -> None:
    labels = classify(
        "You may use the Model for clinical research, but you may not use it to track people."
    )
    assert labels.categories == ("surveillance",)


def test_context_lead_in_decides_list_items() -> None:
    item = "generating explicit sexual content"
    assert classify(item, "You may use the Model for the following:").categories == ()
    under_ban = classify(item, "You agree not to use the Model for:")
    assert under_ban.categories == ("sexual-content",)
    assert under_ban.restrictive


def test_heading_context_lends_its_cues() -> None:
    labels = classify("Inferring where a person lives from their posts", "Surveillance")
    assert "surveillance" in labels.categories
    assert any(e.start == -1 for e in labels.evidence if e.category == "surveillance")


def test_evidence_offsets_point_at_the_cue() -> None:
    text = "You shall not use the Model for facial recognition or to write malware."
    labels = classify(text)
    assert set(labels.categories) == {"biometrics", "malware-cyberattacks"}
    for ev in labels.evidence:
        assert ev.category in labels.categories
        assert text[ev.start : ev.end] == ev.cue


def test_classify_many_keeps_order() -> None:
    items = [("Promoting violence", None), ("You may share the Model.", None)]
    out = classify_many(items)
    assert [x.categories for x in out] == [("violence-extremism",), ()]
    assert all(isinstance(x, Labels) for x in out)


def test_hostile_input_is_handled() -> None:
    text = "not " * 3000 + "a" * 20000 + " (" * 2000
    labels = classify(text)
    assert isinstance(labels, Labels)


def test_fragments_and_sentences() -> None:
    assert is_fragment("Engage in, promote or facilitate fraud")
    assert is_fragment("Violence or terrorism")
    assert is_fragment("To generate spam")
    assert not is_fragment("We care about safe use of the Model.")
    assert analyse("You may use the Model for research.").restrictive is False


def test_phrase_syntax() -> None:
    pattern = re.compile(compile_phrase("(track*|monitor*) ..2 people"), re.I)
    assert pattern.search("tracking of people")
    assert pattern.search("monitor many more people")
    assert not pattern.search("people tracking")
    assert recognition_phrase("rights of others") == "right~ ..2 other~"
    assert not re.search(compile_phrase("right~ ..2 other~"), "rights or otherwise", re.I)


def test_lexicon_covers_every_category_of_the_taxonomy(catalog: Catalog) -> None:
    assert sorted(lexicon().ids) == sorted(catalog.categories)


def test_long_lead_in_that_does_not_restrict_makes_items_plain() -> None:
    item = "a description of the copyrighted work and the personal data involved"
    assert (
        classify(item, "A notice of claimed infringement must include the following:").categories
        == ()
    )
    restricted = classify(
        "tracking people's locations", "Your use is subject to the following restrictions:"
    )
    assert restricted.categories == ("surveillance",)


def test_examples_in_parentheses_name_domains_not_restrictions() -> None:
    labels = classify(
        "Making fully automated decisions about people (e.g., in law enforcement, "
        "credit or critical infrastructure)"
    )
    assert labels.categories == ("automated-decisions",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You may use the Model for any purpose except to build weapons.", ("weapons",)),
        (
            "You may use the Model for research but not for medical diagnosis.",
            ("regulated-advice",),
        ),
        (
            "This license does not permit use of the Model for military purposes.",
            ("military-warfare",),
        ),
        ("In no case shall the Model be used to harass anyone.", ("defamation-harassment",)),
        ("Nobody may use the outputs to create deepfakes.", ("impersonation",)),
        ("No rights are granted for use in law enforcement.", ("law-enforcement-justice",)),
        ("You may redistribute the Model, except as provided in Section 4.", ()),
        ("If you do not agree to these terms, you may not use the Model.", ()),
    ],
)
def test_carve_outs_and_other_prohibition_styles(text: str, expected: tuple[str, ...]) -> None:
    assert classify(text).categories == expected


def test_purpose_phrase_before_a_main_clause_is_a_statement() -> None:
    text = "To reduce the risk of disinformation, the Licensor includes use restrictions."
    assert classify(text).categories == ()
    assert classify("To generate disinformation or fake news").categories == ("disinformation",)


def test_multi_word_alternatives_and_the_cue_index() -> None:
    from railkit.licensing.cues import phrase_keys, text_keys

    pattern = re.compile(compile_phrase("(keep*_watch|spy*_on) ..2 (partner*|spouse*)"), re.I)
    assert pattern.search("keeping watch over a partner")
    assert pattern.search("spying on my spouse")
    assert phrase_keys("(in_debt|de-anonymi*) x") == {"=in", "=de", "dean"}
    assert phrase_keys("a ..2 (track*|monitor*)", last=True) == {"trac", "moni"}
    keys = text_keys("Include de-anonymised data in it")
    assert "=in" in keys and "=de" in keys and "incl" in keys
    assert "=inc" not in keys


STYLES = [
    # plain-English imperatives, including "please"
    ("Please don't use the assistant to write threatening letters to a neighbour.",
     ("defamation-harassment",)),
    # German-English legalese
    ("The Licensee is not entitled to use the Model for armament projects.", ("weapons",)),
    ("Any use of the Outputs for the surveillance of employees is inadmissible.",
     ("surveillance",)),
    ("A use of the Model for the deception of investors is excluded.", ("fraud-deception",)),
    ("The Licensee is obliged to observe the statutory provisions when operating the Model.",
     ("illegal-activity",)),
    # "we forbid", "must use ... in compliance with"
    ("We forbid using the service to rank tenants by their religion.", ("discrimination",)),
    ("You must use the API in compliance with all applicable laws.", ("illegal-activity",)),
    # "ensure that ... not deployed" names the uses it keeps the Model out of
    ("Partners must ensure that the Model is not deployed in the steering computer of a "
     "driverless bus.", ("critical-infrastructure",)),
    # an item of a use policy that reads like a sentence
    ("Represent that a chatbot's replies were typed by a person when they were not.",
     ("ai-disclosure",)),
    # losing the licence for circumventing safety measures is a restriction
    ("If you disable the guardrails shipped with the weights, this licence terminates "
     "automatically.", ("safety-circumvention",)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), STYLES)
def test_more_drafting_styles(text: str, expected: tuple[str, ...]) -> None:
    assert classify(text).categories == expected


HARD_NEGATIVES = [
    "You are welcome to use the Model for medical research on rare diseases.",
    '"Biometric data", as used in this Policy, includes fingerprints and face templates.',
    "Automated systems refer to software that takes decisions without a person.",
    "Outputs do not constitute medical, legal or tax advice.",
    "The Model is not designed or intended for use in weapons systems.",
    "any other model which is created by distilling the weights of the Model",
    "This Policy does not limit or prohibit tools built to detect unauthorized access.",
    "You must not implement click tracking or other monitoring of the search results.",
    "If you institute patent litigation against us, your licence terminates.",
    "We are committed to keeping children safe from exploitation.",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives_restrict_no_category(text: str) -> None:
    assert classify(text).categories == ()


def test_comma_set_exception_after_the_negation_ends_at_the_comma() -> None:
    text = "Licensee shall not, other than as export rules allow, supply the Model to armed forces."
    labels = classify(text)
    assert labels.categories == ("military-warfare",)
    assert any(e.cue == "armed forces" for e in labels.evidence)


def test_exception_clause_still_restricts_the_rest() -> None:
    labels = classify(
        "You may not use the Model for facial recognition, except to unlock your own phone."
    )
    assert labels.categories == ("biometrics",)


def test_negated_permission_is_not_a_prohibition() -> None:
    text = "Nothing here prevents you from using the Model to study malware, hate speech or fraud."
    assert classify(text).categories == ()


def test_cue_words_match_both_numbers() -> None:
    assert (
        "malware-cyberattacks"
        in classify("Writing a worm that copies itself across networks").categories
    )
    assert compile_phrase("policy") != compile_phrase("policy~")
    assert re.fullmatch(compile_phrase("worms"), "worm")
    assert re.fullmatch(compile_phrase("policy"), "policies")
    assert not re.fullmatch(compile_phrase("news"), "new")


def test_threat_in_violent_extremism_is_not_harassment() -> None:
    labels = classify("To threaten, plan or incite terrorism or violent extremism")
    assert labels.categories == ("violence-extremism",)


def test_definitions_without_quotes_restrict_nothing() -> None:
    assert classify("Stalking is the use of tools to follow a person against their will.") == EMPTY
    assert classify("Hate Speech is expression which is solely for the purpose of abuse.") == EMPTY


def test_instructions_to_report_are_not_policy_items() -> None:
    assert (
        classify("To report grooming or other abuse of minors, write to our safety team.") == EMPTY
    )
    assert classify("To groom minors online").categories == ("child-safety",)


def test_requiring_end_users_to_obey_the_law_restricts() -> None:
    text = "You will require your customers to comply with applicable laws and regulations."
    assert classify(text).categories == ("illegal-activity",)


def test_war_needs_more_than_the_bare_word() -> None:
    assert classify("You do not use the Work in an act of war.").categories == ("military-warfare",)
    labels = classify("To write propaganda that deceives the public about a war")
    assert labels.categories == ("disinformation",)


def test_questions_restrict_nothing() -> None:
    assert classify("What if someone uses the Model to write malware?") == EMPTY
    assert classify("Examples include fraud, harassment and malware.") == EMPTY


@pytest.mark.parametrize(
    "text",
    [
        "It is a breach of this Agreement to use the Model to write ransomware.",
        "Neither you nor your users may use the Model to write ransomware.",
        "Licensee shall ensure that neither it nor its affiliates write ransomware with the Model.",
        "We prohibit the creation of ransomware with our models.",
        "It is unacceptable to use the Model to develop ransomware.",
        "In no event shall you use the Model to write ransomware.",
        "The licence granted does not extend to writing ransomware.",
        "Writing ransomware with the Model will result in termination of this licence.",
    ],
)
def test_further_prohibition_wordings(text: str) -> None:
    assert classify(text).categories == ("malware-cyberattacks",)


def test_liability_in_no_event_is_still_a_disclaimer() -> None:
    text = "In no event shall the Licensor be liable for ransomware written by users."
    assert classify(text) == EMPTY


def test_cues_read_across_abbreviations_but_not_sentences() -> None:
    text = "You may only use the Service in compliance with U.S. export control laws."
    assert classify(text).categories == ("illegal-activity",)
    assert classify("You shall not use the Model. Weapons are discussed elsewhere.") == Labels(
        (), (), True
    )


def test_any_activity_item_is_a_policy_item() -> None:
    labels = classify("Any activity that is illegal where it is carried out")
    assert labels.categories == ("illegal-activity",)
    assert classify("High-stakes decisions about eligibility for public housing").categories == (
        "automated-decisions",
    )
