"""Chinese drafting conventions: "第五十一条", "第一章：总则", "一、", "(子)", "为此……签字"."""

from __future__ import annotations

from treatydiff.languages.base import Counted, Labels, Language, frozen_map

LANGUAGE = Language(
    code="zh",
    name="Chinese",
    script="han",
    labels=Labels(
        words=frozen_map(
            preamble="序言",
            recital="段",
            article="条",
            chapter="章",
            part="编",
            title="编",
            section="节",
            annex="附件",
            protocol="议定书",
            closing="结尾部分",
            unnumbered="段",
            dash="段",
            paragraph="款",
            point="项",
            intro="引言",
        ),
        # Chinese counts units with 第…条/章/款 around the number, in Western digits: "第2条第4款".
        top="第{n}{word}",
        top_uncounted="{word}{n}",
        counted_units=frozenset(
            {"article", "chapter", "part", "title", "section", "paragraph", "unnumbered", "dash", "recital"}
        ),
        paragraph="{parent}第{n}{word}",
        point="{parent}({n}){word}",
        intro="{parent}{word}",
        recital="{parent}第{n}{word}",
        other="{parent}第{n}{word}",
        captioned="{word}：{caption}",
        western_digits=True,
    ),  # fmt: skip
    counted=Counted(
        prefix="第",
        article="条",
        containers=frozen_map(章="chapter", 编="part", 部分="part", 节="section"),
        subunits="款项",
        digits=frozen_map(
            {"零": 0, "〇": 0, "两": 2} | {d: n for n, d in enumerate("一二三四五六七八九", start=1)}
        ),
        units=frozen_map(十=10, 百=100, 千=1000),
    ),
    annex_words=(),
    protocol_words=("议定书",),
    preamble_words=("序言",),
    digits="０１２３４５６７８９",
    closing_formulas=(
        # "为此……签字于本宪章" (in faith whereof … have signed), "下列签字人", "……签订于……" (done at).
        r"为此[^。\n]{0,80}?签[字署]",
        r"下列签[字署]人",
        r"[^。\n]{0,40}?签订于",
    ),
    # Points are lettered with the earthly branches or the heavenly stems: ordinal signs.
    point_alphabets=("子丑寅卯辰巳午未申酉戌亥", "甲乙丙丁戊己庚辛壬癸"),
    paragraph_markers=(r"(?P<z>[一二三四五六七八九十百零〇]{1,6})、",),
    point_markers=(
        r"[(（](?P<z>[子丑寅卯辰巳午未申酉戌亥甲乙丙丁戊己庚辛壬癸]|[一二三四五六七八九十]{1,3})[)）]\s?",
    ),
    quotes="",
)
