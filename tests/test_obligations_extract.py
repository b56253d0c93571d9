"""Obligation extraction rules, one table row (at least) per rule.

All sentences here are SYNTHETIC: written for these tests in the style of treaty drafting,
not copied from any treaty.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from treatydiff.errors import TreatydiffError
from treatydiff.ingest import parse_text
from treatydiff.languages import LANGUAGES as language_records
from treatydiff.obligations import LANGUAGES, analyse_body, extract, vocabulary
from treatydiff.obligations.extract import _rules
from treatydiff.obligations.vocab import VOCABULARIES

# (rule expected on the primary statement, language, synthetic sentence, expected modality)
RULE_CASES = [
    (
        "en.saves-right",
        "en",
        "Nothing in this Treaty shall impair the inherent right of a Party to defend itself.",
        "permission",
    ),
    (
        "en.nothing-prevents",
        "en",
        "Nothing in this Chapter shall be construed to prevent a Party from protecting public morals.",
        "permission",
    ),
    (
        "en.nothing-prevents",
        "en",
        "This Treaty shall not preclude either Party from taking measures to protect its security.",
        "permission",
    ),
    (
        "en.nothing-authorizes",
        "en",
        "Nothing in this Treaty shall authorize the Commission to intervene in internal matters.",
        "prohibition",
    ),
    (
        "en.nothing-requires",
        "en",
        "Nothing in this Article shall require a Party to disclose confidential information.",
        "permission",
    ),
    (
        "en.not-construed",
        "en",
        "This Article shall not be construed as a waiver of any right.",
        "declaration",
    ),
    (
        "en.non-prejudice",
        "en",
        "This Treaty shall not affect the obligations of the Parties under other agreements.",
        "declaration",
    ),
    ("en.non-prejudice", "en", "This Article is without prejudice to the rules on origin.", "declaration"),
    ("en.non-prejudice", "en", "The rules of this Chapter shall not apply to services.", "declaration"),
    (
        "en.not-required",
        "en",
        "A Party shall not be required to grant such treatment to non-Parties.",
        "permission",
    ),
    ("en.entitled", "en", "Each Party shall be entitled to withdraw from this Treaty.", "permission"),
    (
        "en.entitled",
        "en",
        "The Joint Council shall, for the purposes of this Treaty, have the power to adopt decisions.",
        "permission",
    ),
    ("en.entitled", "en", "The Parties have the right to adopt safeguard measures.", "permission"),
    (
        "en.undertake-not",
        "en",
        "The Parties undertake not to join alliances directed against each other.",
        "prohibition",
    ),
    (
        "en.undertake-not",
        "en",
        "The Parties shall undertake not to apply new charges on exports.",
        "prohibition",
    ),
    ("en.refrain", "en", "Each Party shall refrain from any act of aggression.", "prohibition"),
    (
        "en.refrain",
        "en",
        "All Members shall refrain in their relations from the use of force.",
        "prohibition",
    ),
    ("en.forbidden", "en", "Export subsidies are prohibited between the Parties.", "prohibition"),
    (
        "en.forbidden",
        "en",
        "The following are incompatible with the proper functioning of this Treaty: cartels.",
        "prohibition",
    ),
    ("en.no-shall", "en", "No new customs duties shall be introduced between the Parties.", "prohibition"),
    ("en.no-shall", "en", "Neither Party may impose export taxes.", "prohibition"),
    (
        "en.shall-not",
        "en",
        "The Parties shall not provide assistance to an aggressor or allow the use of their territory.",
        "prohibition",
    ),
    (
        "en.shall-not",
        "en",
        "Such measures shall not, however, constitute a disguised restriction.",
        "prohibition",
    ),
    ("en.effort", "en", "The Parties shall endeavour to harmonise their standards.", "aspiration"),
    (
        "en.effort",
        "en",
        "The Parties undertake to make every effort to settle disputes amicably.",
        "aspiration",
    ),
    ("en.effort", "en", "The Parties aim at the gradual opening of their markets.", "aspiration"),
    ("en.effort", "en", "The Joint Council shall promote cooperation in science.", "aspiration"),
    ("en.should", "en", "The competent authorities should conclude working arrangements.", "aspiration"),
    ("en.duty-of", "en", "It shall be the duty of the depositary to notify all signatories.", "obligation"),
    (
        "en.duty",
        "en",
        "The Parties undertake to provide immediate military assistance to each other.",
        "obligation",
    ),
    ("en.duty", "en", "The Parties agree to exchange information on customs matters.", "obligation"),
    ("en.duty", "en", "Each Party is obliged to publish its laws.", "obligation"),
    (
        "en.constitutive",
        "en",
        "This Treaty shall enter into force on the thirtieth day after ratification.",
        "declaration",
    ),
    ("en.constitutive", "en", "A Joint Council shall be established.", "declaration"),
    (
        "en.constitutive",
        "en",
        "The Joint Council shall consist of representatives of the Parties.",
        "declaration",
    ),
    ("en.constitutive", "en", "The functions of the Joint Council shall be:", "declaration"),
    ("en.constitutive", "en", "Each member of the Joint Council shall have one vote.", "declaration"),
    ("en.shall", "en", "Each Party shall notify the other Party of its measures.", "obligation"),
    ("en.shall", "en", "Customs duties on imports shall be abolished.", "obligation"),
    ("en.will", "en", "The Parties will consult each other regularly.", "obligation"),
    ("en.may", "en", "The Joint Council may set up working groups.", "permission"),
    (
        "ru.saves-right",
        "ru",
        "Настоящий Договор ни в коей мере не затрагивает неотъемлемого права Сторон на самооборону.",
        "permission",
    ),
    (
        "ru.not-prevent",
        "ru",
        "Настоящий Договор не препятствует Сторонам заключать иные соглашения.",
        "permission",
    ),
    (
        "ru.no-authority",
        "ru",
        "Настоящий Договор не дает Комиссии права на вмешательство во внутренние дела.",
        "prohibition",
    ),
    ("ru.not-construed", "ru", "Настоящая статья не должна толковаться как отказ от прав.", "declaration"),
    (
        "ru.non-prejudice",
        "ru",
        "Настоящий Договор не затрагивает обязательств Сторон по другим соглашениям.",
        "declaration",
    ),
    ("ru.non-prejudice", "ru", "Положения настоящей главы не распространяются на услуги.", "declaration"),
    (
        "ru.not-required",
        "ru",
        "Настоящий Договор не требует от Сторон раскрывать конфиденциальную информацию.",
        "permission",
    ),
    (
        "ru.undertake-not",
        "ru",
        "Стороны обязуются не участвовать в союзах, направленных против другой Стороны.",
        "prohibition",
    ),
    ("ru.refrain", "ru", "Стороны воздерживаются от угрозы силой.", "prohibition"),
    ("ru.forbidden", "ru", "Экспортные субсидии между Сторонами запрещаются.", "prohibition"),
    (
        "ru.forbidden",
        "ru",
        "Стороны не допускают использования своей территории против другой Стороны.",
        "prohibition",
    ),
    ("ru.not-modal", "ru", "Ни одна из Сторон не должна вводить новые пошлины.", "prohibition"),
    ("ru.not-modal", "ru", "Сторона не может передавать свои права третьим лицам.", "prohibition"),
    ("ru.effort", "ru", "Стороны стремятся к гармонизации своих стандартов.", "aspiration"),
    ("ru.effort", "ru", "Стороны прилагают все усилия для мирного урегулирования споров.", "aspiration"),
    ("ru.effort", "ru", "Совместный совет должен поощрять научное сотрудничество.", "aspiration"),
    ("ru.effort", "ru", "Стороны содействуют развитию торговли.", "aspiration"),
    (
        "ru.duty-of",
        "ru",
        "Обязанностью депозитария является уведомление всех подписавших государств.",
        "obligation",
    ),
    ("ru.duty", "ru", "Стороны обязуются оказывать друг другу немедленную военную помощь.", "obligation"),
    ("ru.duty", "ru", "Каждая Сторона обязана публиковать свои законы.", "obligation"),
    ("ru.duty", "ru", "Стороны должны информировать друг друга о своих мерах.", "obligation"),
    (
        "ru.agree-to",
        "ru",
        "Стороны соглашаются обмениваться информацией по таможенным вопросам.",
        "obligation",
    ),
    (
        "ru.constitutive",
        "ru",
        "Настоящий Договор вступает в силу с даты обмена ратификационными грамотами.",
        "declaration",
    ),
    ("ru.constitutive", "ru", "В качестве органа Договора учреждается Совместный совет.", "declaration"),
    ("ru.entitled", "ru", "Каждая Сторона вправе выйти из настоящего Договора.", "permission"),
    ("ru.entitled", "ru", "Совместный совет уполномочивается принимать решения.", "permission"),
    ("ru.may", "ru", "Совместный совет может создавать рабочие группы.", "permission"),
    ("ru.legal-present", "ru", "Совместный совет рассматривает доклады Сторон.", "obligation"),
    (
        "ru.legal-present-not",
        "ru",
        "Российская Федерация не оказывает военной помощи агрессору.",
        "prohibition",
    ),
    ("ru.legal-present-passive", "ru", "Решения Совместного совета принимаются консенсусом.", "obligation"),
]


@pytest.mark.parametrize(
    ("rule", "lang", "text", "modality"), RULE_CASES, ids=[f"{c[0]}:{c[2][:30]}" for c in RULE_CASES]
)
def test_each_rule(rule: str, lang: str, text: str, modality: str) -> None:
    statements = extract(text, lang)
    assert statements, "no statement found"
    strongest = max(
        statements,
        key=lambda s: (
            {"obligation": 3, "prohibition": 3, "aspiration": 2, "permission": 1}.get(s.modality, 0),
            -s.span[0],
        ),
    )
    assert (strongest.rule, strongest.modality) == (rule, modality), statements
    for statement in statements:  # the span is the modal phrase, so a report can highlight it
        assert text[statement.span[0] : statement.span[1]].split() == statement.modal.split()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_rule_has_a_case(lang: str) -> None:
    tested = {case[0] for case in RULE_CASES}
    names = {rule.name for rule in vocabulary(lang).rules}
    if lang == "ru":
        names |= {"ru.legal-present", "ru.legal-present-not", "ru.legal-present-passive"}
    assert names <= tested, sorted(names - tested)


def test_every_vocabulary_is_a_language_of_the_records() -> None:
    assert set(LANGUAGES) <= set(language_records)
    assert isinstance(VOCABULARIES, Mapping) and not isinstance(VOCABULARIES, dict)
    assert all(not isinstance(vocabulary(lang).pronouns, dict) for lang in LANGUAGES)  # read-only


def test_rule_names_are_unique_and_prefixed() -> None:
    for lang in LANGUAGES:
        names = [rule.name for rule in vocabulary(lang).rules]
        assert len(names) == len(set(names))
        assert all(name.startswith(f"{lang}.") for name in names)
        _rules(lang)  # the rules build; each pattern compiles on first use (test_obligations_patterns.py)


@pytest.mark.parametrize(
    ("lang", "text", "bearer"),
    [
        ("en", "Each Party shall publish its laws.", "parties"),
        ("en", "The other Party shall reply within thirty days.", "other-party"),
        ("en", "The Republic of Examplia shall open its market.", "named-party"),
        ("en", "The Joint Council shall meet once a year.", "body"),
        ("en", "Any investor may submit a claim.", "other"),
        ("en", "Customs duties shall be abolished.", "none"),
        ("en", "Customs duties shall be abolished by the Parties.", "parties"),
        ("en", "The competent authorities of the Parties shall cooperate.", "parties"),
        (
            "en",
            "Mutual assistance between the authorities of the Parties shall take place under Protocol 2.",
            "none",
        ),
        (
            "en",
            "If a Party considers that the other Party has failed to comply, it may take measures.",
            "parties",
        ),
        ("en", "Neither Party may impose export duties.", "parties"),
        ("en", "The Community and Japan shall exchange their tariff schedules.", "parties"),
        ("en", "This Treaty shall enter into force upon signature.", "none"),
        ("ru", "Каждая Сторона публикует свои законы.", "parties"),
        ("ru", "Совместный совет рассматривает доклады Сторон.", "body"),
        ("ru", "Доклады рассматриваются Советом Сторон.", "body"),
        ("ru", "Решения Совета принимаются консенсусом.", "none"),
        ("ru", "Любой Член Организации может обратиться в Совет.", "parties"),
    ],
)
def test_bearer(lang: str, text: str, bearer: str) -> None:
    statements = extract(text, lang)
    assert statements and statements[0].bearer == bearer, statements


@pytest.mark.parametrize(
    ("lang", "text", "rule"),
    [
        ("en", "If a Party is attacked, the other Party shall provide assistance.", "en.if"),
        ("en", "In case of an armed attack, the Parties shall consult.", "en.in-case"),
        ("en", "Where appropriate, the Parties shall exchange experts.", "en.where"),
        ("en", "The Parties shall, where appropriate, exchange experts.", "en.where"),
        ("en", "The Joint Council shall meet when necessary.", "en.when"),
        ("en", "Should a dispute arise, the Parties shall consult.", "en.should"),
        ("en", "The Joint Council shall assist the Parties upon request.", "en.upon-request"),
        ("en", "The Parties may restrict imports, provided that the measures are temporary.", "en.provided"),
        ("en", "Subsidies are prohibited in so far as they distort trade.", "en.in-so-far"),
        (
            "en",
            "In the absence of agreement, the Parties shall refer the dispute to arbitration.",
            "en.absence",
        ),
        ("ru", "Если одна из Сторон подвергнется нападению, другая Сторона оказывает ей помощь.", "ru.if"),
        ("ru", "В случае угрозы миру Стороны проводят консультации.", "ru.in-case"),
        ("ru", "Совместный совет собирается, когда это необходимо.", "ru.when"),
        ("ru", "Совет по просьбе Стороны оказывает ей помощь.", "ru.upon-request"),
        ("ru", "Стороны могут вводить ограничения при условии, что они временные.", "ru.provided"),
        ("ru", "Субсидии запрещаются в той мере, в какой они искажают торговлю.", "ru.in-so-far"),
        ("ru", "При отсутствии согласия Стороны передают спор в арбитраж.", "ru.absence"),
    ],
)
def test_condition(lang: str, text: str, rule: str) -> None:
    statements = extract(text, lang)
    assert any(s.condition_rule == rule for s in statements), statements


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Parties shall, unless otherwise agreed, meet every year."),
        ("en", "Except as otherwise provided in this Treaty, each Party shall grant national treatment."),
        ("en", "Each Party shall, subject to its laws, grant the permits."),
        ("ru", "Стороны, если иное не согласовано, встречаются ежегодно."),
        ("ru", "За исключением случаев, предусмотренных настоящим Договором, Стороны предоставляют режим."),
    ],
)
def test_exceptions_are_not_conditions(lang: str, text: str) -> None:
    statements = extract(text, lang)
    assert statements and statements[0].exceptions and statements[0].condition is None, statements


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The Parties may, if they so agree, extend the term.", "permission"),
        ("Such measures as may be necessary shall be notified.", "obligation"),  # relative "may"
        ("The measures which may be taken are listed in Annex 1.", "declaration"),
        ("Should the Council consider it necessary, it may act.", "permission"),  # "Should" = if
        ("The Parties agree that trade is important.", "declaration"),  # agree that ≠ agree to
    ],
)
def test_weak_modals_and_traps(text: str, modality: str) -> None:
    statements = extract(text, "en")
    got = max(
        (s.modality for s in statements),
        key=["declaration", "permission", "aspiration", "obligation", "prohibition"].index,
        default="declaration",
    )
    assert got == modality, statements


def test_negation_covers_the_whole_action() -> None:
    (statement,) = extract(
        "The Parties shall not assist the aggressor or permit transit of its forces.", "en"
    )
    assert statement.modality == "prohibition"
    assert statement.action == "assist the aggressor or permit transit of its forces"


def test_several_statements_keep_their_order_and_subject() -> None:
    statements = extract(
        "The Council may furnish information and shall assist the Parties upon request.", "en"
    )
    assert [(s.modality, s.bearer) for s in statements] == [("permission", "body"), ("obligation", "body")]
    assert statements[1].condition is not None and statements[0].condition is None


CHAPEAU = """SYNTHETIC TREATY

Article 1
Each Party shall:
(a) publish its laws;
(b) upon request, provide information.

Article 2
For the purposes of this Treaty:
(a) "goods" means products;
(b) "person" means a natural person.
"""


def test_points_inherit_their_chapeau() -> None:
    body = parse_text(CHAPEAU, origin="synthetic.txt")
    results = analyse_body(body)
    points = {pid: r for pid, r in results.items() if pid.startswith("art-1.")}
    assert len(points) >= 2
    inherited = [r for pid, r in points.items() if pid.endswith((".a", ".b"))]
    assert inherited and all(r.modality == "obligation" and r.bearer == "parties" for r in inherited)
    assert all(r.statements[0].inherited_from for r in inherited)
    assert any(r.has_condition for r in inherited)  # "(b) upon request" adds the condition
    assert all(r.modality == "declaration" for pid, r in results.items() if pid.startswith("art-2"))


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(TreatydiffError, match="no obligation vocabulary for language 'xx'"):
        extract("text", "xx")


def test_every_rule_is_documented() -> None:
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[1] / "docs" / "obligations.md").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        vocab = vocabulary(lang)
        for name in [r.name for r in vocab.rules] + [m.name for m in (*vocab.conditions, *vocab.exceptions)]:
            assert f"`{name}`" in docs, name
