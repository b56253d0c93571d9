"""English term families: words and phrases a treaty may use for one legal notion.

Written for treatydiff (our own word list, no treaty text). Within one language a
redrafted provision often says the same thing in other words ("customs duties" and
"charges having equivalent effect", "joint commission" and "working group"); each
family is one extra feature of the same-language similarity, shared by every unit that
uses one of its members. A member is a word stem (matching any word that starts with
it) or a phrase of stems, matched on the normalised text.
"""

from __future__ import annotations

LANG = "en"

FAMILIES: dict[str, tuple[str, ...]] = {
    "duty": ("duty", "duties", "tariff", "levy", "levies", "charges having equivalent", "equivalent effect"),
    "fee": ("fee", "fees", "charges for services", "customs clearance"),
    "defence": (
        "defence",
        "defense",
        "military",
        "arms",
        "armed forces",
        "munition",
        "weapon",
        "war material",
    ),
    "nuclear": ("nuclear", "fissionable", "fissile", "atomic", "radioactive"),
    "consult": ("consult", "negotiat", "talks"),
    "dispute": ("dispute", "disagreement", "contentious", "controvers", "differences between"),
    "joint_body": ("commission", "committee", "working group", "council", "joint body", "board"),
    "competition": (
        "competition",
        "anticompetitive",
        "anti-competitive",
        "unfair business",
        "dominant position",
        "dominating",
        "cartel",
        "restrictive business",
    ),
    "employment": ("employment", "jobs", "labour market", "working conditions"),
    "notify": ("notif", "inform", "notice"),
    "restriction": ("restriction", "limitation", "prohibition", "quota", "quantitative"),
    "injury": ("injur", "damage", "harm", "prejudic"),
    "surge": ("increased quantities", "surge in imports"),
    "balance_payments": ("balance of payments", "balance-of-payments", "external financial"),
    "exception": ("exception", "exemption", "derogation", "withdrawal from the regime", "excluded from"),
    "protocol": ("protocol", "separate agreement", "separate document", "annex"),
    "origin": ("origin", "originat", "wholly obtained", "completely produced", "sufficient processing"),
    "entry_force": (
        "entry into force",
        "enter into force",
        "becomes effective",
        "take effect",
        "provisional",
    ),
    "termination": ("terminat", "denounc", "cease to have effect", "remain in force", "withdraw from"),
    "morals": ("public moral", "public order", "morality"),
    "life_health": ("human, animal", "animal and plant", "plant life", "life and health", "health"),
    "precious": ("gold", "silver", "precious metal"),
    "subsidy": ("subsid", "countervail", "state aid"),
    "dumping": ("dumping", "anti-dumping", "antidumping"),
    "safeguard": ("safeguard", "emergency action", "remedial measure", "trade remed"),
    "supervise": (
        "supervis",
        "control over the application",
        "monitor",
        "review of the implementation",
        "oversee",
    ),
    "cooperation": ("cooperat", "co-operat", "collaborat", "partnership"),
    "mutual_benefit": (
        "mutual benefit",
        "mutually advantageous",
        "mutually beneficial",
        "equality",
        "reciproc",
    ),
    "payment": ("payment", "transfer", "settlement of accounts", "credit", "loan"),
    "transit": ("transit", "through its territory", "through the territory"),
    "reexport": ("re-export", "reexport"),
    "export_control": (
        "export control",
        "controlled goods",
        "dual-use",
        "international control",
        "authorisation regime",
        "authorization regime",
        "licen",
    ),
    "intellectual": (
        "intellectual property",
        "industrial property",
        "copyright",
        "patent",
        "trade mark",
        "trademark",
    ),
    "security": ("security", "vital interests", "essential interests"),
    "standards": (
        "standard",
        "metrolog",
        "conformity",
        "technical regulation",
        "technical barriers",
        "technical obstacles",
    ),
    "sanitary": ("sanitary", "phytosanitary", "veterinar", "quarantine", "plant protection"),
    "amendment": ("amend", "modif", "supplement", "extend the provisions"),
    "accession": ("accede", "accession", "join this agreement"),
    "third_country": ("third countr", "third state", "third parties", "non-member", "not parties"),
    "nomenclature": (
        "nomenclature",
        "harmonized system",
        "harmonised system",
        "commodity description",
        "classification",
    ),
    "legislation": ("legislation", "national law", "laws of", "domestic law", "law applicable"),
    "market_economy": ("market economy", "free market", "free movement"),
    "world_trade": ("international trade", "world trade", "wto", "gatt", "multilateral trading"),
    "liberalise": (
        "liberali",
        "free trade",
        "elimination of barriers",
        "removal of barriers",
        "phase out",
        "abolish",
    ),
}
"""Family name → its members (word stems or phrases of stems), lower case."""
