"""English obligation vocabulary: modal phrases, conditions, exceptions and bearers."""

from __future__ import annotations

from treatydiff.languages.base import frozen_map
from treatydiff.obligations.vocab.base import BearerTerm, Marker, PhraseRule, Vocabulary

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
        keys=("right",),
    ),
    PhraseRule(
        "en.nothing-prevents",
        "permission",
        rf"(?P<m>{_NOTHING}(?:prevent|preclude|prohibit|restrict)\w*"
        r"|\b(?:shall|does|do|will)\s+not\s+(?:prevent|preclude|prohibit)\w*)",
        "exception clauses: “nothing … shall prevent”, “this Agreement shall not preclude”",
        bearer_after=True,
        keys=("prevent", "preclud", "prohibit", "restrict"),
    ),
    PhraseRule(
        "en.nothing-authorizes",
        "prohibition",
        rf"(?P<m>{_NOTHING}authori[sz]e\w*)",
        "“nothing … shall authorize X to intervene” denies a power",
        bearer_after=True,
        keys=("authori",),
    ),
    PhraseRule(
        "en.nothing-requires",
        "permission",
        rf"(?P<m>{_NOTHING}(?:require|oblige|compel)\w*)",
        "“nothing … shall require a Party to …” leaves the matter to the party",
        bearer_after=True,
        keys=("requir", "oblig", "compel"),
    ),
    PhraseRule(
        "en.not-construed",
        "declaration",
        r"(?P<m>\b(?:shall|should|will|may|must)\s+not\s+be\s+(?:construed|interpreted|deemed|read|considered)\b"
        r"|\bnothing\b[^.;:]{0,200}?\bshall\s+be\s+(?:construed|interpreted|deemed)\b)",
        "interpretive clauses: “shall not be construed as …”",
        keys=("construed", "interpreted", "deemed", "read", "considered"),
    ),
    PhraseRule(
        "en.non-prejudice",
        "declaration",
        r"(?P<m>\b(?:shall|does|do|will)\s+not\s+(?:in\s+any\s+way\s+)?(?:affect|prejudice|limit|derogate|impair|apply\s+to)\b"
        r"|\b(?:is|are|shall\s+be)\s+without\s+prejudice\b)",
        "non-prejudice and scope clauses: “shall not affect”, “is without prejudice to”, "
        "“shall not apply to”",
        keys=("affect", "prejudice", "limit", "derogat", "impair", "apply"),
    ),
    PhraseRule(
        "en.not-required",
        "permission",
        r"(?P<m>\b(?:shall|is|are|will)\s+not\s+(?:be\s+)?(?:required|obliged|obligated|bound)\s+to\b)",
        "“shall not be required to” is discretion, not a prohibition",
        keys=("required", "obliged", "obligated", "bound"),
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
        keys=(
            "entitled",
            "right",
            "power",
            "option",
            "discretion",
            "free",
            "benefit",
            "enjoy",
            "authori",
            "empowered",
        ),
    ),
    # --- prohibitions -----------------------------------------------------------------
    PhraseRule(
        "en.undertake-not",
        "prohibition",
        rf"(?P<m>\b(?:{_MODAL}{_GAP})?(?:undertakes?|undertaken|agrees?|obliged|obligated|commits?|bound)\s+not\s+to\b)",
        "“undertake not to”, “agree not to”, “obliged not to”",
        keys=("not to",),
    ),
    PhraseRule(
        "en.refrain",
        "prohibition",
        rf"(?P<m>\b(?:(?:{_MODAL}|undertakes?\s+to|agrees?\s+to){_GAP})?refrain(?:s)?)\b(?=[^.;:]{{0,100}}?\bfrom\b)",
        "“shall refrain from”, “refrain … from” (not “refraining”)",
        keys=("refrain",),
    ),
    PhraseRule(
        "en.forbidden",
        "prohibition",
        r"(?P<m>\b(?:is|are|shall\s+be)\s+(?:hereby\s+)?(?:prohibited|forbidden)\b"
        r"|\b(?:are|is|shall\s+be)\s+incompatible\s+with\s+the\s+proper\s+(?:functioning|implementation|operation)\b)",
        "“are prohibited”; the competition formula “are incompatible with the proper functioning of”",
        keys=("prohibited", "forbidden", "incompatible"),
    ),
    PhraseRule(
        "en.no-shall",
        "prohibition",
        r"(?P<m>\b(?:no|neither)\b(?!\s+(?:later|earlier|less|more|longer|sooner)\b)(?!\s*-)[^.;:]{0,120}?"
        r"\b(?:shall|may|will)\b|\bnor\s+shall\b|\bin\s+no\s+case\s+shall\b)(?!\s+(?:be\s+)?(?:construed|interpreted))",
        "“no … shall”, “neither Party may”, “nor shall”",
        keys=("no", "neither", "nor"),
    ),
    PhraseRule(
        "en.shall-not",
        "prohibition",
        r"(?P<m>\b(?:shall|must|may|will|should)(?:\s*,\s*[\w\s]{1,20},)?\s+not\b)",
        "“shall not”, “may not”, “must not” — the negation covers every verb joined by “or”",
        keys=("not",),
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
        keys=("endeavo", "striv", "seek", "aim", "try", "effort", "best", "promot", "encourag", "foster"),
    ),
    PhraseRule(
        "en.should",
        "aspiration",
        r"(?<=[\w\"'’])\s+(?P<m>(?-i:should))\b",
        "hortatory “should” (not a clause-initial “Should …”, which is a condition)",
        keys=("should",),
    ),
    # --- explicit duties ----------------------------------------------------------------
    PhraseRule(
        "en.duty-of",
        "obligation",
        r"(?P<m>\bit\s+shall\s+be\s+the\s+(?:duty|obligation|responsibility)\s+of)\b",
        "“it shall be the duty of X to …”: the bearer follows",
        bearer_after=True,
        keys=("duty", "obligation", "responsibility"),
    ),
    PhraseRule(
        "en.duty",
        "obligation",
        r"(?P<m>\b(?:is|are|shall\s+be)\s+(?:obliged|obligated|bound|required)\s+to\b"
        r"|\bundertakes?\s+to\b|\bundertaken?\s+to\b|\bpledges?\s+(?:themselves|itself)\s+to\b"
        r"|\bcommits?\s+(?:themselves|itself)\s+to\b|\bagrees?\s+to\b"
        r"|\baccepts?\b[^.;:]{0,40}?\bthe\s+obligation\b|\b(?:has|have)\s+the\s+obligation\b)",
        "explicit duties: “undertake to”, “agree to” + act, “are obliged to”, “it shall be the duty”",
        keys=("oblige", "obligat", "bound", "required", "undertak", "pledge", "commit", "agree"),
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
        keys=(
            "force",
            "effect",
            "terminat",
            "expir",
            "ceas",
            "consist",
            "mean",
            "integral",
            "apply",
            "establish",
            "constitut",
            "compos",
            "deem",
            "consider",
            "regard",
            "authentic",
            "open",
            "subject",
            "final",
            "valid",
            "shall be",
            "shall have",
            "permanent",
        ),
    ),
    # --- the plain modals -----------------------------------------------------------------
    PhraseRule(
        "en.shall", "obligation", r"(?P<m>\b(?:shall|must)\b)", "“shall”, “must”", keys=("shall", "must")
    ),
    PhraseRule(
        "en.will",
        "obligation",
        r"(?P<m>\bwill\b)",
        "“will” as used for “shall” in many translated agreements",
        weak=True,
        keys=("will",),
    ),
    PhraseRule(
        "en.may",
        "permission",
        r"(?P<m>\b(?-i:may)\b)(?!\s+\d)",
        "“may” (not in a relative clause: “as may be agreed”, “which may include”; not the month)",
        weak=True,
        keys=("may",),
    ),
)

CONDITIONS: tuple[Marker, ...] = (
    Marker("en.if", r"\bif\b", keys=("if",)),
    Marker(
        "en.in-case",
        r"\bin\s+(?:the\s+)?(?:case|event)\b|\bin\s+(?:the\s+following\s+)?cases\b",
        keys=("case", "event"),
    ),
    Marker(
        "en.where",
        r"(?:^|[,;:(]\s*|\b(?:and|or)\s+|\)\s*)where\b|\bwhere\s+(?:appropriate|necessary|possible|applicable|required|so\s+agreed)\b",
        keys=("where",),
    ),
    Marker("en.when", r"\bwhen(?:ever)?\b|\bas\s+and\s+when\b", keys=("when",)),
    Marker("en.should", r"(?:^|[,;:]\s*|\)\s*)should\b|(?-i:\bShould\b)", keys=("should",)),
    Marker(
        "en.upon-request",
        r"\b(?:upon|on|at)\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:written\s+)?(?:request|recommendation|proposal|receipt)\b"
        r"|\bupon\s+\w+ing\b",
        keys=("request", "recommendation", "proposal", "receipt", "upon"),
    ),
    Marker(
        "en.provided",
        r"\bprovided\s+(?:that|always|it|they)\b|\bon\s+(?:the\s+)?conditions?\b|\bunder\s+the\s+conditions\b",
        keys=("provided", "condition"),
    ),
    Marker(
        "en.in-so-far",
        r"\bin\s*so\s+far\s+as\b|\binsofar\s+as\b|\bto\s+the\s+extent\s+that\b",
        keys=("far as", "insofar", "extent"),
    ),
    Marker("en.absence", r"\bin\s+the\s+absence\s+of\b", keys=("absence",)),
)

EXCEPTIONS: tuple[Marker, ...] = (
    Marker("en.unless", r"\bunless\b", keys=("unless",)),
    Marker("en.except", r"\bexcept(?:ing)?\b|\bsave\s+(?:as|where|for)\b", keys=("except", "save")),
    Marker("en.subject-to", r"\bsubject\s+to\b", keys=("subject",)),
    Marker("en.without-prejudice", r"\bwithout\s+prejudice\s+to\b", keys=("prejudice",)),
)

_PARTY = r"(?:(?:High\s+)?Contracting\s+|signatory\s+|State\s+|Member\s+)?[Pp]art(?:y|ies)\b"
BEARERS: tuple[BearerTerm, ...] = (
    BearerTerm("en.other-party", "other-party", rf"\b[Tt]he\s+other\s+{_PARTY}", keys=("other",)),
    BearerTerm(
        "en.non-member",
        "other",
        r"\b(?:[Aa]|[Aa]ny)\s+[Ss]tate\s+which\s+is\s+not\s+a\s+Member(?:\s+of\s+the\s+United\s+Nations)?"
        r"|\b(?:third|non-)\s*-?(?:[Pp]art(?:y|ies)|[Cc]ountr(?:y|ies)|[Ss]tates?|[Mm]embers?)\b",
        keys=("third", "non", "state which"),
    ),
    BearerTerm(
        "en.parties",
        "parties",
        # The head word starts the match (a scan from every determiner would be slow);
        # "of the Parties" is told from "the Parties" by the text before it.
        rf"\b{_PARTY}(?:\s+concerned)?"
        r"|\b(?:[Mm]ember\s+States|States\s+Parties|Members?)(?:\s+of\s+the\s+United\s+Nations)?\b",
        keys=("part", "member", "state"),
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
        keys=(
            "community",
            "union",
            "republic",
            "kingdom",
            "federation",
            "principality",
            "duchy",
            "state",
            "government",
            "efta",
            "acp",
            "partner",
            "andean",
            "sacu",
            "mercosur",
            "cariforum",
            "australia",
            "bulgaria",
            "canada",
            "chile",
            "china",
            "estonia",
            "india",
            "israel",
            "japan",
            "korea",
            "malaysia",
            "mexico",
            "morocco",
            "peru",
            "russia",
            "singapore",
            "switzerland",
            "thailand",
            "turkey",
            "ukraine",
            "belarus",
            "kazakhstan",
            "iceland",
            "norway",
            "sri lanka",
            "pakistan",
            "egypt",
            "jordan",
            "tunisia",
            "lebanon",
            "georgia",
            "armenia",
            "moldova",
            "serbia",
        ),
    ),
    BearerTerm(
        "en.body",
        "body",
        r"\b(?:[A-Z][\w-]*\s+(?:and\s+)?){0,4}(?:Committee|Council|Commission|Secretariat|Secretary-General"
        r"|Assembly|Organi[sz]ation|United\s+Nations|Court|Tribunal|Board|Bureau|Panel)\b"
        r"|\b(?:arbitral\s+tribunal|panel|working\s+group|group\s+of\s+\w+|sub-?committee|joint\s+committee)\b",
        keys=(
            "committee",
            "council",
            "commission",
            "secretar",
            "assembly",
            "organi",
            "nations",
            "court",
            "tribunal",
            "board",
            "bureau",
            "panel",
            "group",
        ),
    ),
    BearerTerm(
        "en.other",
        "other",
        r"\b(?:[Aa]ny\s+)?(?:persons?|investors?|exporters?|importers?|producers?|enterprises|undertakings"
        r"|service\s+suppliers?|depositary|beneficiaries|administering\s+authority|nationals)\b",
        keys=(
            "person",
            "investor",
            "exporter",
            "importer",
            "producer",
            "enterprise",
            "undertaking",
            "supplier",
            "depositar",
            "beneficiar",
            "administering",
            "national",
        ),
    ),
)

VOCAB = Vocabulary(
    lang="en",
    rules=RULES,
    conditions=CONDITIONS,
    exceptions=EXCEPTIONS,
    bearers=BEARERS,
    pronouns=frozen_map({"it": "body", "they": "parties", "he": "other", "she": "other"}),
    relative=r"(?:which|that|as|who|whom|whose|what|it\s+so)\s+(?:also\s+)?$",
    oblique_before=r"\b(?:of|between|in|to|from|with|on|for|among|into|against|than|by)\s+"
    r"(?:(?:the|a|an|its|their|competent|relevant|respective)\s+)*$",
    heads=r"\b(?:authorities|authority|representatives|Governments?|administrations?|officials|delegations?)\s+of\s+"
    r"(?:(?:the|each|either|a|both)\s+)?$",
    lead=r"\b(?:[Tt]he|[Ee]ach|[Ee]ither|[Bb]oth|[Aa]ll|[Aa]ny|[Aa]|[Nn]o|[Nn]either|[Ee]very|[Oo]ne\s+of\s+the)\s+"
    r"(?:(?:[a-z]+ing|concerned|requesting|consulting|other)\s+)?$",
    passive=r"^\s*(?:[a-z]+ly\s+|not\s+|also\s+)*be\s+(?:[a-z]+ly\s+)?(?:\w+ed|\w+en|borne|made|held|kept|set|laid|"
    r"paid|done|brought|put|met|found|sought|sent|shown|told|drawn|chosen|dealt|built|struck)\b",
    agent=r"\bby\s+",
    gate=(
        "shall",
        "may",
        "must",
        "will",
        "should",
        "not",
        "nothing",
        "neither",
        "prejudice",
        "right",
        "entitled",
        "authori",
        "empowered",
        "free",
        "undertak",
        "agree",
        "pledge",
        "commit",
        "oblig",
        "bound",
        "requir",
        "refrain",
        "prohibit",
        "forbidden",
        "incompatible",
        "endeavo",
        "striv",
        "aim",
        "establish",
    ),
)
