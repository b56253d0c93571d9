"""Persian drafting conventions: "ماده ۱", "فصل اول", paragraphs "۱-", points "الف)", "… تنظیم شد"."""

from __future__ import annotations

from treatydiff.languages.base import Labels, Language, frozen_map

_ORDINALS = (
    "اول", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم", "دهم", "یازدهم", "دوازدهم",
    "سیزدهم", "چهاردهم", "پانزدهم", "شانزدهم", "هفدهم", "هجدهم", "نوزدهم", "بیستم",
)  # fmt: skip
# Persian letters its points in the abjad order: الف) ب) ج) د) ه) و) ز) ح) ط) ی) …
_ABJAD = (
    "الف",
    "ب",
    "ج",
    "د",
    "ه",
    "و",
    "ز",
    "ح",
    "ط",
    "ی",
    "ک",
    "ل",
    "م",
    "ن",
    "س",
    "ع",
    "ف",
    "ص",
    "ق",
    "ر",
)

LANGUAGE = Language(
    code="fa",
    name="Persian",
    script="arabic",
    labels=Labels(
        words=frozen_map(
            preamble="مقدمه",
            recital="بند",
            article="ماده",
            chapter="فصل",
            part="قسمت",
            title="عنوان",
            section="بخش",
            annex="پیوست",
            protocol="پروتکل",
            closing="بخش پایانی",
            unnumbered="پاراگراف",
            dash="بند",
            paragraph="بند",
            point="جزء",
            intro="صدر",
        ),
        # "ماده ۳ بند ۳", "ماده ۳ بند ۱ جزء الف", "ماده ۳ بند ۱، صدر".
        paragraph="{parent} {word} {n}",
        point="{parent} {word} {n}",
        intro="{parent}، {word}",
        recital="{parent}، {word} {n}",
        other="{parent}، {word} {n}",
    ),  # fmt: skip
    article_words=("ماده",),
    containers=frozen_map({"فصل": "chapter", "بخش": "section", "قسمت": "part"}),
    annex_words=(),
    protocol_words=("پروتکل",),
    preamble_words=("مقدمه",),
    ordinal_words=frozen_map({word: n for n, word in enumerate(_ORDINALS, start=1)} | {"نخست": 1}),
    script_letters="پچژگکی۰۱۲۳۴۵۶۷۸۹",
    digits="۰۱۲۳۴۵۶۷۸۹",
    treaty_words=("موافقتنامه", "موافقت‌نامه", "قرارداد", "معاهده", "پیمان", "کنوانسیون", "پروتکل"),
    reference_words=("ماده", "مواد", "فصل", "بند"),
    # "ماده ۵ این موافقت‌نامه …": a word after the number makes a reference, not a heading.
    reference_particles=("این", "از", "در", "به", "یا", "که", "را"),
    closing_formulas=(
        # "… در دو نسخه … تنظیم شد" (done in two copies), "در تأیید مراتب فوق" (in witness whereof).
        r"[^.\n]{0,160}?در\s+دو\s+نسخه",
        r"در\s+(?:تأیید|تایید)\s+مراتب",
    ),
    list_conjunctions=("و", "یا"),
    item_conjunctions=("و", "یا"),
    point_alphabets=(_ABJAD,),
    # "۱-", "۱.", "1-", "(۱)" (Persian, Arabic-Indic or Western digits).
    paragraph_markers=(r"\(?(?P<z>[0-9۰-۹٠-٩]{1,3})\s?[-.)](?=\s)",),
    point_markers=(r"(?P<z>" + "|".join(sorted(_ABJAD, key=len, reverse=True)) + r")\s?[)\-–](?=\s)",),
    quotes="«»",
)
