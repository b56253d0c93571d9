"""Arabic drafting conventions: "المادة 51", "المادة الأولى", "الفصل الأول: …", "حرر في …"."""

from __future__ import annotations

from treatydiff.languages.base import Labels, Language, frozen_map

_MASCULINE = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
_FEMININE = ("الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة")


def _ordinals() -> dict[str, int]:
    """Ordinal words of chapter and article headings, 1 to 20."""
    words = {word: n for forms in (_MASCULINE, _FEMININE) for n, word in enumerate(forms, start=1)}
    words.update({"العاشر": 10, "العاشرة": 10, "العشرون": 20, "العشرين": 20})
    for n in range(1, 10):
        # 11 is "الحادي عشر" / "الحادية عشرة"; 12 to 19 pair the unit with عشر / عشرة.
        words["الحادي عشر" if n == 1 else f"{_MASCULINE[n - 1]} عشر"] = 10 + n
        words["الحادية عشرة" if n == 1 else f"{_FEMININE[n - 1]} عشرة"] = 10 + n
    return words


LANGUAGE = Language(
    code="ar",
    name="Arabic",
    script="arabic",
    labels=Labels(
        words=frozen_map(
            preamble="الديباجة",
            recital="الفقرة",
            article="المادة",
            chapter="الفصل",
            part="الجزء",
            title="الباب",
            section="الفرع",
            annex="المرفق",
            protocol="البروتوكول",
            closing="الخاتمة",
            unnumbered="الفقرة غير المرقمة",
            dash="المطة",
            intro="الجملة الاستهلالية",
        ),
        intro="{parent}، {word}",
        recital="{parent}، {word} {n}",
        other="{parent}، {word} {n}",
    ),  # fmt: skip
    article_words=("المادة",),
    containers=frozen_map({"الفصل": "chapter", "الباب": "title", "الجزء": "part", "الفرع": "section"}),
    protocol_words=("بروتوكول",),
    preamble_words=("الديباجة",),
    ordinal_words=frozen_map(_ordinals()),
    digits="٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹",
    reference_words=("المادة", "المادتين", "الفصل", "الفقرة", "الباب"),
    # "المادة 5 من هذا الاتفاق …": a particle after the number makes a reference, not a heading.
    reference_particles=("من", "في", "على", "إلى", "الى", "عن", "أو", "او", "و", "ف"),
    closing_formulas=(
        # "ومصادقا لما تقدم" / "وإثباتاً لذلك" (in faith whereof), "حرر في" / "حررت ب" (done at).
        r"و?(?:مصادق|إثبات|اثبات|تصديق|شهاد)[اةً]{1,2}\s+(?:لما|لذلك|على\s+ذلك)",
        r"حرر(?:ت)?\s+(?:في|ب)",
    ),
)
