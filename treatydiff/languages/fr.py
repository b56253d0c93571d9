"""French drafting conventions: "Article premier", "Chapitre II", "Fait à …", "En foi de quoi"."""

from __future__ import annotations

from treatydiff.languages.base import Labels, Language, frozen_map

LANGUAGE = Language(
    code="fr",
    name="French",
    script="latin",
    labels=Labels(
        words=frozen_map(
            preamble="Préambule",
            recital="considérant",
            article="Article",
            chapter="Chapitre",
            part="Partie",
            title="Titre",
            section="Section",
            annex="Annexe",
            protocol="Protocole",
            closing="Formule finale",
            unnumbered="alinéa",
            dash="tiret",
            intro="phrase introductive",
        ),
        captioned="{word} : {caption}",
    ),  # fmt: skip
    article_words=("Article",),
    containers=frozen_map(Partie="part", Titre="title", Chapitre="chapter", Section="section"),
    annex_words=("Annexe",),
    protocol_words=("Protocole",),
    number_signs=("N°", "n°"),
    preamble_words=("Préambule", "Preambule"),  # capitals often drop the accent: "PREAMBULE"
    number_words=frozen_map({"premier": 1, "première": 1, "unique": 1, "1er": 1}),
    heading_number_words=("premier", "première"),
    number_suffixes=("bis", "ter", "quater", "quinquies", "sexies"),
    decision_words=("Décision",),
    treaty_words=("traité", "traite", "pacte", "charte", "accord"),
    reference_words=("chapitres?", "alin[ée]as?"),
    closing_formulas=(r"fait\s+[àa]\b", r"en\s+foi\s+de\s+quoi"),
    list_conjunctions=("et", "ou"),
    item_conjunctions=("et", "ou"),
    definition_verbs=("désigne", "désignent", "comprend", "comprennent"),
    point_alphabets=("abcdefghijklmnopqrstuvwxyz",),
    point_letters="abcdefghijklmnopqrstuvwxyz",
    stopwords=frozenset({"le", "la", "les", "des", "et", "du", "est", "aux"}),
    quotes="«»",
    single_quotes="‹›",
)
