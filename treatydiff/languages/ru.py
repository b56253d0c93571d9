"""Russian drafting conventions: "Статья 5", "ГЛАВА IX", "Раздел" above "Глава", "а)", "Совершено в …"."""

from __future__ import annotations

from treatydiff.languages.base import Labels, Language, frozen_map

_FEMININE = (
    "первая",
    "вторая",
    "третья",
    "четвертая",
    "пятая",
    "шестая",
    "седьмая",
    "восьмая",
    "девятая",
    "десятая",
)

LANGUAGE = Language(
    code="ru",
    name="Russian",
    script="cyrillic",
    labels=Labels(
        words=frozen_map(
            preamble="Преамбула",
            recital="абз.",
            article="Статья",
            chapter="Глава",
            part="Часть",
            title="Титул",
            section="Раздел",
            annex="Приложение",
            protocol="Протокол",
            closing="Заключительная часть",
            unnumbered="абз.",
            dash="абз.",
            paragraph="п.",
            point="подп.",
            intro="вводная часть",
        ),
        paragraph="{parent} {word} {n}",
        point="{parent} {word} {n}",
        other="{parent} {word} {n}",
    ),  # fmt: skip
    article_words=("Статья",),
    article_abbreviations=("Ст.",),
    containers=frozen_map(Часть="part", Глава="chapter", Раздел="section"),
    # In Russian drafting a "Раздел" groups chapters: it ranks with a part's title.
    container_ranks=frozen_map(раздел=2),
    annex_words=("Приложение",),
    protocol_words=("Протокол",),
    number_signs=("№",),
    preamble_words=("Преамбула",),
    number_words=frozen_map(
        {word: n for n, word in enumerate(_FEMININE, start=1)}
        | {"четвёртая": 4, "первый": 1, "второй": 2, "третий": 3}
    ),
    heading_number_words=(*_FEMININE, "четвёртая"),
    decision_words=("Решение",),
    treaty_words=(
        "соглашение",
        "договор",
        "конвенция",
        "устав",
        "протокол",
        "меморандум",
        "декларация",
        "хартия",
    ),  # fmt: skip
    treaty_start_words=("СОГЛАШЕНИЕ", "ДОГОВОР"),
    reference_words=(
        "стать[яиеёй]",
        "статьей",
        "статьёй",
        "статей",
        "глав[аеыу]",
        "пункт[аеу]?",
        "раздел[аеу]?",
    ),  # fmt: skip
    closing_formulas=(
        r"(?:совершено|составлено|подписано)\s+(?:в|во)\b",
        r"совершено\s+[0-9]",
        r"в\s+(?:удостоверение|подтверждение|свидетельство)\s+чего",
    ),
    list_conjunctions=("и", "или", "либо"),
    item_conjunctions=("и", "или", "либо"),
    # Russian points skip ё, й, ъ, ы and ь: "а) б) в) … и) к)".
    point_alphabets=("абвгдежзиклмнопрстуфхцчшщэюя",),
    point_letters="абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    transliteration=frozen_map(
        а="a",
        б="b",
        в="v",
        г="g",
        д="d",
        е="e",
        ё="yo",
        ж="zh",
        з="z",
        и="i",
        й="y",
        к="k",
        л="l",
        м="m",
        н="n",
        о="o",
        п="p",
        р="r",
        с="s",
        т="t",
        у="u",
        ф="f",
        х="kh",
        ц="ts",
        ч="ch",
        ш="sh",
        щ="shch",
        ъ="",
        ы="y",
        ь="",
        э="e",
        ю="yu",
        я="ya",
        є="ye",
        і="i",
        ї="yi",
        ґ="g",
    ),  # fmt: skip
    quotes="«»„“",
    single_quotes="‚‘",
)
