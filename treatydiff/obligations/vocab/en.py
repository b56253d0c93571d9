"""English obligation vocabulary: modal phrases, conditions, exceptions and bearers."""

from __future__ import annotations

from treatydiff.obligations.vocab.base import BearerTerm, PhraseRule, Vocabulary

# A modal verb, then an optional comma-delimited insertion ("shall, in accordance with its
# laws, take") and up to two more words that are not a negation.
_MODAL = r"(?:shall|will|must|should)"
_GAP = r"(?:\s*,[^,;:.]{1,160},)?\s+(?:(?!not\b)[\w-]+\s+){0,2}?"
_NOTHING = (
    r"\bnothing\b[^.;:]{0,200}?\b(?:shall|will|may)\s+"
    r"(?:be\s+(?:construed|interpreted|deemed)\s+(?:so\s+as\s+)?(?:to|as)\s+)?"
)

RULES: tuple[PhraseRule, ...] = (
    # --- interpretive and saving clauses: no duty, or a right kept ---------------------
    PhraseRule(
        "en.saves-right",
        "permission",
        rf"(?P<m>{_NOTHING}(?:impair|affect|prejudice)|\b(?:shall|does|do|will)\s+not\s+(?:in\s+any\s+way\s+)?"
        r"(?:impair|affect|prejudice))\s+(?:[\w-]+\s+){0,3}?rights?\b",
        "a clause that leaves a right untouched (“nothing … shall impair the inherent right”) grants leeway",
        bearer_after=True,
    ),
    PhraseRule(
        "en.nothing-prevents",
        "permission",
        rf"(?P<m>{_NOTHING}(?:prevent|preclude|prohibit|restrict)\w*"
        r"|\b(?:shall|does|do|will)\s+not\s+(?:prevent|preclude|prohibit)\w*)",
        "exception clauses: “nothing … shall prevent”, “this Agreement shall not preclude”",
        bearer_after=True,
    ),
    PhraseRule(
        "en.nothing-authorizes",
        "prohibition",
        rf"(?P<m>{_NOTHING}authori[sz]e\w*)",
        "“nothing … shall authorize X to intervene” denies a power",
        bearer_after=True,
    ),
    PhraseRule(
        "en.nothing-requires",
        "permission",
        rf"(?P<m>{_NOTHING}(?:require|oblige|compel)\w*)",
        "“nothing … shall require a Party to …” leaves the matter to the party",
        bearer_after=True,
    ),
    PhraseRule(
        "en.not-construed",
        "declaration",
        r"(?P<m>\b(?:shall|should|will|may|must)\s+not\s+be\s+(?:construed|interpreted|deemed|read|considered)\b"
        r"|\bnothing\b[^.;:]{0,200}?\bshall\s+be\s+(?:construed|interpreted|deemed)\b)",
        "interpretive clauses: “shall not be construed as …”",
    ),
    PhraseRule(
        "en.non-prejudice",
        "declaration",
        r"(?P<m>\b(?:shall|does|do|will)\s+not\s+(?:in\s+any\s+way\s+)?(?:affect|prejudice|limit|derogate|impair|apply\s+to)\b"
        r"|\b(?:is|are|shall\s+be)\s+without\s+prejudice\b)",
        "non-prejudice and scope clauses: “shall not affect”, “is without prejudice to”, "
        "“shall not apply to”",
    ),
    PhraseRule(
        "en.not-required",
        "permission",
        r"(?P<m>\b(?:shall|is|are|will)\s+not\s+(?:be\s+)?(?:required|obliged|obligated|bound)\s+to\b)",
        "“shall not be required to” is discretion, not a prohibition",
    ),
    # --- permissive "shall": rights and powers -------------------------------------------
    PhraseRule(
        "en.entitled",
        "permission",
        rf"(?P<m>\b{_MODAL}{_GAP}(?:be\s+entitled|have\s+the\s+(?:right|power|option|discretion)|have\s+power"
        r"|retain\s+the\s+right|be\s+free|benefit\s+from|enjoy)\b"
        r"|\b(?:is|are)\s+(?:hereby\s+)?(?:entitled|authori[sz]ed|empowered|free)\s+to\b"
        r"|\b(?:has|have|retains?|reserves?)\s+the\s+right\b)",
        "permissive “shall”: “shall be entitled”, “shall have the right”, “have the right to”",
    ),
    # --- prohibitions -----------------------------------------------------------------
    PhraseRule(
        "en.undertake-not",
        "prohibition",
        rf"(?P<m>\b(?:{_MODAL}{_GAP})?(?:undertakes?|undertaken|agrees?|obliged|obligated|commits?|bound)\s+not\s+to\b)",
        "“undertake not to”, “agree not to”, “obliged not to”",
    ),
    PhraseRule(
        "en.refrain",
        "prohibition",
        rf"(?P<m>\b(?:(?:{_MODAL}|undertakes?\s+to|agrees?\s+to){_GAP})?refrain(?:s)?)\b(?=[^.;:]{{0,100}}?\bfrom\b)",
        "“shall refrain from”, “refrain … from” (not “refraining”)",
    ),
    PhraseRule(
        "en.forbidden",
        "prohibition",
        r"(?P<m>\b(?:is|are|shall\s+be)\s+(?:hereby\s+)?(?:prohibited|forbidden)\b"
        r"|\b(?:are|is|shall\s+be)\s+incompatible\s+with\s+the\s+proper\s+(?:functioning|implementation|operation)\b)",
        "“are prohibited”; the competition formula “are incompatible with the proper functioning of”",
    ),
    PhraseRule(
        "en.no-shall",
        "prohibition",
        r"(?P<m>\b(?:no|neither)\b(?!\s+(?:later|earlier|less|more|longer|sooner)\b)(?!\s*-)[^.;:]{0,120}?"
        r"\b(?:shall|may|will)\b|\bnor\s+shall\b|\bin\s+no\s+case\s+shall\b)(?!\s+(?:be\s+)?(?:construed|interpreted))",
        "“no … shall”, “neither Party may”, “nor shall”",
    ),
    PhraseRule(
        "en.shall-not",
        "prohibition",
        r"(?P<m>\b(?:shall|must|may|will|should)(?:\s*,\s*[\w\s]{1,20},)?\s+not\b)",
        "“shall not”, “may not”, “must not” — the negation covers every verb joined by “or”",
    ),
    # --- soft commitments ---------------------------------------------------------------
    PhraseRule(
        "en.effort",
        "aspiration",
        rf"(?P<m>\b(?:{_MODAL}|undertakes?\s+to|agrees?\s+to){_GAP}(?:endeavou?r|strive|seek|aim|try"
        r"|make\s+(?:every|all\s+\w+|(?:their|its)\s+best|best)\s+efforts?|use\s+(?:their|its)?\s*best"
        r"|exert\s+(?:their|its)?\s*best|promote|encourage|foster)\w*"
        r"|\b(?:endeavou?r|strive|aim)s?\s+(?:at|to)\b)",
        "“shall endeavour”, “strive”, “seek to”, “aim at”, “promote”, “encourage”, “make every effort”, "
        "also “undertake to make every effort”",
    ),
    PhraseRule(
        "en.should",
        "aspiration",
        r"(?<=[\w\"'’])\s+(?P<m>(?-i:should))\b",
        "hortatory “should” (not a clause-initial “Should …”, which is a condition)",
    ),
    # --- explicit duties ----------------------------------------------------------------
    PhraseRule(
        "en.duty-of",
        "obligation",
        r"(?P<m>\bit\s+shall\s+be\s+the\s+(?:duty|obligation|responsibility)\s+of)\b",
        "“it shall be the duty of X to …”: the bearer follows",
        bearer_after=True,
    ),
    PhraseRule(
        "en.duty",
        "obligation",
        r"(?P<m>\b(?:is|are|shall\s+be)\s+(?:obliged|obligated|bound|required)\s+to\b"
        r"|\bundertakes?\s+to\b|\bundertaken?\s+to\b|\bpledges?\s+(?:themselves|itself)\s+to\b"
        r"|\bcommits?\s+(?:themselves|itself)\s+to\b|\bagrees?\s+to\b"
        r"|\baccepts?\b[^.;:]{0,40}?\bthe\s+obligation\b|\b(?:has|have)\s+the\s+obligation\b)",
        "explicit duties: “undertake to”, “agree to” + act, “are obliged to”, “it shall be the duty”",
    ),
    # --- constitutive "shall": no one must do anything -----------------------------------
    PhraseRule(
        "en.constitutive",
        "declaration",
        rf"(?P<m>\b(?:shall|will){_GAP}(?:enter|come)\s+into\s+force"
        r"|\bshall\s+(?:remain|continue)\s+in\s+force|\bshall\s+(?:take\s+effect|terminate|expire|cease)"
        r"|\bshall\s+(?:consist|mean|have\s+the\s+(?:same\s+)?meaning|form\s+(?:an\s+)?integral"
        r"|constitute\s+an?\s+integral|apply(?=\s*(?:to|mutatis|in\s+respect|only|also|equally|:|\.|,|;|$)))"
        r"|\bshall\s+be\s+(?:hereby\s+)?(?:established|constituted|composed|deemed|considered|regarded"
        r"|equally\s+authentic|authentic|open\s+for|subject\s+to|final|valid|effective|an?\s+integral"
        r"|the\s+(?!duty)|an?\s+|that\s+|those\s+|goods\b|permanent)|\bshall\s+be\s*:"
        r"|\bshall\s+have\b(?!\s+(?:the\s+)?(?:right|power|option|discretion|obligation))"
        r"|\b(?:is|are)\s+hereby\s+established|\bthere\s+(?:is|are|shall\s+be)\s+(?:hereby\s+)?established)",
        "constitutive “shall”: entry into force, establishment of a body, composition, definitions, scope",
    ),
    # --- the plain modals -----------------------------------------------------------------
    PhraseRule("en.shall", "obligation", r"(?P<m>\b(?:shall|must)\b)", "“shall”, “must”"),
    PhraseRule(
        "en.will",
        "obligation",
        r"(?P<m>\bwill\b)",
        "“will” as used for “shall” in many translated agreements",
        weak=True,
    ),
    PhraseRule(
        "en.may",
        "permission",
        r"(?P<m>\b(?-i:may)\b)(?!\s+\d)",
        "“may” (not in a relative clause: “as may be agreed”, “which may include”; not the month)",
        weak=True,
    ),
)

CONDITIONS: tuple[tuple[str, str], ...] = (
    ("en.if", r"\bif\b"),
    ("en.in-case", r"\bin\s+(?:the\s+)?(?:case|event)\b|\bin\s+(?:the\s+following\s+)?cases\b"),
    (
        "en.where",
        r"(?:^|[,;:(]\s*|\b(?:and|or)\s+|\)\s*)where\b|\bwhere\s+(?:appropriate|necessary|possible|applicable|required|so\s+agreed)\b",
    ),
    ("en.when", r"\bwhen(?:ever)?\b|\bas\s+and\s+when\b"),
    ("en.should", r"(?:^|[,;:]\s*|\)\s*)should\b|(?-i:\bShould\b)"),
    (
        "en.upon-request",
        r"\b(?:upon|on|at)\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:written\s+)?(?:request|recommendation|proposal|receipt)\b"
        r"|\bupon\s+\w+ing\b",
    ),
    (
        "en.provided",
        r"\bprovided\s+(?:that|always|it|they)\b|\bon\s+(?:the\s+)?conditions?\b|\bunder\s+the\s+conditions\b",
    ),
    ("en.in-so-far", r"\bin\s*so\s+far\s+as\b|\binsofar\s+as\b|\bto\s+the\s+extent\s+that\b"),
    ("en.absence", r"\bin\s+the\s+absence\s+of\b"),
)

EXCEPTIONS: tuple[tuple[str, str], ...] = (
    ("en.unless", r"\bunless\b"),
    ("en.except", r"\bexcept(?:ing)?\b|\bsave\s+(?:as|where|for)\b"),
    ("en.subject-to", r"\bsubject\s+to\b"),
    ("en.without-prejudice", r"\bwithout\s+prejudice\s+to\b"),
)

_PARTY = r"(?:(?:High\s+)?Contracting\s+|signatory\s+|State\s+|Member\s+)?[Pp]art(?:y|ies)\b"
BEARERS: tuple[BearerTerm, ...] = (
    BearerTerm("en.other-party", "other-party", rf"\b[Tt]he\s+other\s+{_PARTY}"),
    BearerTerm(
        "en.non-member",
        "other",
        r"\b(?:[Aa]|[Aa]ny)\s+[Ss]tate\s+which\s+is\s+not\s+a\s+Member(?:\s+of\s+the\s+United\s+Nations)?"
        r"|\b(?:third|non-)\s*-?(?:[Pp]art(?:y|ies)|[Cc]ountr(?:y|ies)|[Ss]tates?|[Mm]embers?)\b",
    ),
    BearerTerm(
        "en.parties",
        "parties",
        rf"\b(?:[Tt]he\s+|[Ee]ach\s+|[Ee]ither\s+|[Bb]oth\s+|[Aa]ll\s+|[Aa]ny\s+|[Aa]\s+|[Nn]o\s+|[Nn]either\s+|[Ee]very\s+)?"
        rf"(?:(?:[a-z]+ing|concerned|other|requesting|consulting)\s+)?{_PARTY}(?:\s+concerned)?"
        r"|\b(?:[Tt]he\s+|[Aa]ll\s+|[Aa]ny\s+|[Ee]ach\s+)?(?:[Mm]ember\s+States|States\s+Parties|Members?)(?:\s+of\s+the\s+United\s+Nations)?\b",
    ),
    BearerTerm(
        "en.named",
        "named-party",
        r"\b[Tt]he\s+(?:European\s+)?Community\b|\b[Tt]he\s+European\s+Union\b"
        r"|\b(?:[Tt]he\s+)?(?:Republic|Kingdom|Federation|Principality|Grand\s+Duchy|State|Government)\s+of\s+(?:the\s+)?[A-Z]\w+"
        r"|\b(?:[Tt]he\s+)?(?:EFTA|ACP|Partner|Andean|SACU|Mercosur|CARIFORUM)\s+States?\b"
        r"|\b(?:Australia|Bulgaria|Canada|Chile|China|Estonia|India|Israel|Japan|Korea|Malaysia|Mexico|Morocco"
        r"|Peru|Russia|Singapore|Switzerland|Thailand|Turkey|Ukraine|Belarus|Kazakhstan|Iceland|Norway"
        r"|Sri\s+Lanka|Pakistan|Egypt|Jordan|Tunisia|Lebanon|Georgia|Armenia|Moldova|Serbia)\b",
    ),
    BearerTerm(
        "en.body",
        "body",
        r"\b(?:[A-Z][\w-]*\s+(?:and\s+)?){0,4}(?:Committee|Council|Commission|Secretariat|Secretary-General"
        r"|Assembly|Organi[sz]ation|United\s+Nations|Court|Tribunal|Board|Bureau|Panel)\b"
        r"|\b(?:arbitral\s+tribunal|panel|working\s+group|group\s+of\s+\w+|sub-?committee|joint\s+committee)\b",
    ),
    BearerTerm(
        "en.other",
        "other",
        r"\b(?:[Aa]ny\s+)?(?:persons?|investors?|exporters?|importers?|producers?|enterprises|undertakings"
        r"|service\s+suppliers?|depositary|beneficiaries|administering\s+authority|nationals)\b",
    ),
)

VOCAB = Vocabulary(
    lang="en",
    rules=RULES,
    conditions=CONDITIONS,
    exceptions=EXCEPTIONS,
    bearers=BEARERS,
    pronouns={"it": "body", "they": "parties", "he": "other", "she": "other"},
    relative=r"(?:which|that|as|who|whom|whose|what|it\s+so)\s+(?:also\s+)?$",
    oblique_before=r"\b(?:of|between|in|to|from|with|on|for|among|into|against|than|by)\s+"
    r"(?:(?:the|a|an|its|their|competent|relevant|respective)\s+)*$",
    heads=r"\b(?:authorities|authority|representatives|Governments?|administrations?|officials|delegations?)\s+of\s+$",
    passive=r"^\s*(?:[a-z]+ly\s+|not\s+|also\s+)*be\s+(?:[a-z]+ly\s+)?(?:\w+ed|\w+en|borne|made|held|kept|set|laid|"
    r"paid|done|brought|put|met|found|sought|sent|shown|told|drawn|chosen|dealt|built|struck)\b",
    agent=r"\bby\s+",
)
