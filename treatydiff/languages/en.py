"""English drafting conventions: "Article 5", "Chapter VII", "(a)", "Done at …"."""

from __future__ import annotations

from treatydiff.languages.base import Labels, Language, frozen_map

_UNITS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
)  # fmt: skip
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_TEENS = ("thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

LANGUAGE = Language(
    code="en",
    name="English",
    script="latin",
    labels=Labels(
        words=frozen_map(
            preamble="Preamble",
            recital="recital",
            article="Article",
            chapter="Chapter",
            part="Part",
            title="Title",
            section="Section",
            annex="Annex",
            protocol="Protocol",
            closing="Closing",
            unnumbered="unnumbered paragraph",
            dash="indent",
            intro="introductory words",
            paragraph="paragraph",
            point="point",
        ),
        title_case=True,
        minor_words=frozenset(
            {
                "a",
                "an",
                "and",
                "as",
                "at",
                "by",
                "for",
                "from",
                "in",
                "into",
                "of",
                "on",
                "or",
                "the",
                "to",
                "with",
            }
        ),
    ),  # fmt: skip
    article_words=("Article",),
    article_abbreviations=("Art.", "ART."),
    containers=frozen_map(Part="part", Title="title", Chapter="chapter", Section="section"),
    annex_words=("Annex", "Appendix", "Record of Understandings"),
    protocol_words=("Protocol",),
    number_signs=("No.", "No"),
    preamble_words=("Preamble",),
    number_words=frozen_map(
        {word: n for n, word in enumerate(_UNITS, start=1)}
        | {word: n for n, word in enumerate(_ORDINALS, start=1)}
        | {word: n for n, word in enumerate(_TEENS, start=13)}
        | {word: 10 * n for n, word in enumerate(_TENS, start=2)}
    ),
    heading_number_words=(*_UNITS[:10], *_ORDINALS, "One", "Two", "Three", "First", "Second", "Third"),
    number_suffixes=("bis", "ter", "quater", "quinquies", "sexies"),
    decision_words=("Decision",),
    treaty_words=(
        "agreement",
        "treaty",
        "convention",
        "charter",
        "protocol",
        "memorandum",
        "declaration",
        "arrangement",
        "accord",
        "pact",
        "statute",
    ),  # fmt: skip
    treaty_start_words=("AGREEMENT", "TREATY", "CONVENTION", "PROTOCOL"),
    reference_words=(
        "articles?",
        r"art\.",
        "chapters?",
        "sections?",
        "paragraphs?",
        "annex(?:es)?",
        "parts?",
    ),  # fmt: skip
    closing_formulas=(
        r"(?:done|signed|made|executed)\s+(?:at|in|on)\b",
        r"in\s+(?:witness|faith|confirmation)\s+(?:where\s?of|thereof|of\s+which)",
    ),
    list_conjunctions=("and", "or"),
    item_conjunctions=("and", "or"),
    definition_verbs=("means", "mean", "includes", "include"),
    point_alphabets=("abcdefghijklmnopqrstuvwxyz",),
    point_letters="abcdefghijklmnopqrstuvwxyz",
    stopwords=frozenset({"the", "and", "of", "shall", "to", "in", "any", "or"}),
    quotes="“”‟",
    single_quotes="'‘’‛",
)
