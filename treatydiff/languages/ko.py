"""Korean drafting conventions: "제1조(목적)", "제1장", paragraphs "①", points "가." or "1)"."""

from __future__ import annotations

from treatydiff.languages.base import Counted, Labels, Language, frozen_map

_GANADA = "가나다라마바사아자차카타파하"

LANGUAGE = Language(
    code="ko",
    name="Korean",
    script="hangul",
    labels=Labels(
        words=frozen_map(
            preamble="전문",
            recital="문단",
            article="조",
            chapter="장",
            part="편",
            title="편",
            section="절",
            annex="부속서",
            protocol="의정서",
            closing="맺음말",
            unnumbered="문단",
            dash="문단",
            paragraph="항",
            point="목",
            intro="각 호 외의 부분",
        ),
        # "제3조", "제3조 제3항", "제3조 제1항 가목", "제1장".
        top="제{n}{word}",
        top_uncounted="{word} {n}",
        counted_units=frozenset(
            {"article", "chapter", "part", "title", "section", "paragraph", "unnumbered", "dash", "recital"}
        ),
        paragraph="{parent} 제{n}{word}",
        point="{parent} {n}{word}",
        intro="{parent} {word}",
        recital="{parent} 제{n}{word}",
        other="{parent} 제{n}{word}",
        western_digits=True,
    ),  # fmt: skip
    counted=Counted(
        prefix="제",
        article="조",
        containers=frozen_map(장="chapter", 편="part", 절="section"),
        subunits="항호목",
    ),
    annex_words=(),
    protocol_words=("의정서",),
    preamble_words=("전문",),
    treaty_words=("협정", "조약", "협약", "의정서", "헌장"),
    # "제5조에 따라 …", "제5조 및 제6조": a particle after the counter makes a reference.
    reference_particles=(
        "에",
        "에서",
        "에게",
        "에도",
        "의",
        "및",
        "또는",
        "을",
        "를",
        "은",
        "는",
        "이",
        "가",
        "와",
        "과",
        "부터",
        "까지",
        "로",
        "으로",
    ),  # fmt: skip
    closing_formulas=(
        r"이상의\s*증거로",
        r"[^.\n]{0,120}?에서\s*[0-9]+\s*부\s*(?:씩\s*)?작성",
        r"[^.\n]{0,160}?서명하였다",
    ),
    list_conjunctions=("및", "또는"),
    item_conjunctions=("및", "또는"),
    point_alphabets=(_GANADA,),
    numbered_points=True,
    numbered_signs="①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳",
    paragraph_markers=(r"(?P<z>[①-⑳])\s?",),
    point_markers=(r"(?P<z>[" + _GANADA + r"])\.(?=\s)", r"(?P<z>[0-9]{1,2})\)(?=\s)"),
    quotes="“”「」",
    single_quotes="‘’",
)
