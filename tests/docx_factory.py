"""Write a plain text as a Word document with real automatic numbering. # synthetic layout

Used by the Word tests: texts come from the corpus at run time, files go to tmp dirs.
Each line becomes a paragraph (a blank line an empty one). Heading and marker lines
whose number the list would produce anyway ("Article 5", "1.", "(a)", "(iv)",
"Chapter II:") lose the number from their text and get Word list numbering instead,
defined in numbering.xml through python-docx's XML API, as Word itself writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# (ilvl, numFmt, lvlText, suffix) of the two lists: articles with their paragraphs and
# points, and chapters.
ARTICLE_LIST = 10
CHAPTER_LIST = 11


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out, number = out + letters, number - value
    return out


@dataclass
class Counter:
    counts: list[int]

    def next(self, level: int) -> int:
        self.counts[level] += 1
        for deeper in range(level + 1, len(self.counts)):
            self.counts[deeper] = 0
        return self.counts[level]

    def peek(self, level: int) -> int:
        return self.counts[level] + 1


def _define(document: Any, article_word: str, chapter_word: str) -> None:
    from docx.oxml import parse_xml

    levels = [
        (0, "decimal", f"{article_word} %1", "nothing"),
        (1, "decimal", "%2.", "space"),
        (2, "lowerLetter", "(%3)", "space"),
        (3, "lowerRoman", "(%4)", "space"),
    ]
    body = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:suff w:val="{suff}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for ilvl, fmt, text, suff in levels
    )
    chapter = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
        f'<w:suff w:val="space"/><w:lvlText w:val="{chapter_word} %1:"/></w:lvl>'
    )
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{W}}}num")
    for list_id, xml in ((ARTICLE_LIST, body), (CHAPTER_LIST, chapter)):
        abstract = parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{list_id}">'
            f'<w:multiLevelType w:val="multilevel"/>{xml}</w:abstractNum>'
        )
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        numbering.append(
            parse_xml(
                f'<w:num xmlns:w="{W}" w:numId="{list_id}"><w:abstractNumId w:val="{list_id}"/></w:num>'
            )
        )


def _number(paragraph: Any, list_id: int, level: int) -> None:
    from docx.oxml import parse_xml

    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="{list_id}"/></w:numPr>')
    )


def text_to_docx(
    path: Path, text: str, *, article_word: str = "Article", chapter_word: str = "Chapter"
) -> int:
    """Write ``text`` to ``path``; returns how many paragraphs got automatic numbers."""
    from docx import Document

    document = Document()
    _define(document, article_word, chapter_word)
    articles = Counter([0, 0, 0, 0])
    chapters = Counter([0])
    article = re.compile(rf"^{re.escape(article_word)} (\d+)$")
    chapter = re.compile(rf"^{re.escape(chapter_word)} ([IVXLC]+): (.*)$")
    paragraph_marker = re.compile(r"^(\d+)\. (.*)$")
    point = re.compile(r"^\(([a-z]+)\) (.*)$")
    numbered = 0
    for line in text.split("\n"):
        line = line.strip()
        match = article.match(line)
        if match and int(match.group(1)) == articles.peek(0):
            articles.next(0)
            _number(document.add_paragraph(""), ARTICLE_LIST, 0)
            numbered += 1
            continue
        match = chapter.match(line)
        if match and match.group(1) == _roman(chapters.peek(0)).upper():
            chapters.next(0)
            _number(document.add_paragraph(match.group(2)), CHAPTER_LIST, 0)
            numbered += 1
            continue
        match = paragraph_marker.match(line)
        if match and articles.counts[0] and int(match.group(1)) == articles.peek(1):
            articles.next(1)
            _number(document.add_paragraph(match.group(2)), ARTICLE_LIST, 1)
            numbered += 1
            continue
        match = point.match(line)
        if match and articles.counts[1]:
            letter = chr(ord("a") + articles.peek(2) - 1)
            if match.group(1) == letter and not (letter == "i" and articles.counts[3]):
                articles.next(2)
                _number(document.add_paragraph(match.group(2)), ARTICLE_LIST, 2)
                numbered += 1
                continue
            if articles.counts[2] and match.group(1) == _roman(articles.peek(3)):
                articles.next(3)
                _number(document.add_paragraph(match.group(2)), ARTICLE_LIST, 3)
                numbered += 1
                continue
        document.add_paragraph(line)
    document.save(str(path))
    return numbered
