"""Spanish drafting conventions: "Artículo 4-01", "Capítulo II", "ñ)", "Hecho en …"."""

from __future__ import annotations

from treatydiff.languages.base import Labels, Language, frozen_map

LANGUAGE = Language(
    code="es",
    name="Spanish",
    script="latin",
    labels=Labels(
        words=frozen_map(
            preamble="Preámbulo",
            recital="considerando",
            article="Artículo",
            chapter="Capítulo",
            part="Parte",
            title="Título",
            section="Sección",
            annex="Anexo",
            protocol="Protocolo",
            closing="Cláusula final",
            unnumbered="párrafo sin número",
            dash="guion",
            intro="palabras introductorias",
        ),
    ),  # fmt: skip
    article_words=("Artículo", "Articulo"),
    containers=frozen_map(
        Parte="part",
        Título="title",
        Titulo="title",
        Capítulo="chapter",
        Capitulo="chapter",
        Sección="section",
        Seccion="section",
    ),
    annex_words=("Anexo",),
    protocol_words=("Protocolo",),
    number_signs=("Nº", "núm."),
    preamble_words=("Preámbulo",),
    number_words=frozen_map(primero=1, único=1),
    heading_number_words=("primero", "único"),
    number_suffixes=("bis", "ter", "quater", "quinquies", "sexies"),
    decision_words=("Decisión",),
    treaty_words=("acuerdo", "tratado", "convenio", "convención", "carta", "protocolo"),
    treaty_start_words=("ACUERDO", "TRATADO"),
    reference_words=("art[íi]culos?", "cap[íi]tulos?", "p[áa]rrafos?"),
    closing_formulas=(r"hech[oa]\s+en\b", r"firmad[oa]\s+en\b", r"en\s+(?:fe|testimonio)\s+de\s+lo\s+cual"),
    list_conjunctions=("y", "e", "o", "u", "ni"),
    item_conjunctions=("y", "o"),
    definition_verbs=("significa", "significan", "incluye", "incluyen", "comprende"),
    # "ñ)" is no rank of its own: lists that use it are rare, and "o)" stays "o" as in English.
    point_alphabets=("abcdefghijklmnopqrstuvwxyz",),
    point_letters="abcdefghijklmnopqrstuvwxyzñ",
    transliteration=frozen_map(ñ="ny"),
    stopwords=frozenset({"el", "la", "los", "las", "del", "y", "que", "por"}),
)
