"""Tests for treatydiff.mapping: loading, validating, resolving and checking clause maps.

# synthetic: every treaty body and map in this file is invented for the tests
# (ids example-a / example-b, placeholder provision text); no treaty text is used.
"""

from __future__ import annotations

import json
from pathlib import Path
from textwrap import dedent

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from treatydiff.errors import MappingError
from treatydiff.mapping import (
    CheckResult,
    Coverage,
    Problem,
    check_map,
    check_maps,
    expand_refs,
    load_map,
    load_schema,
)
from treatydiff.mapping.schema import _link_rules, _plain_link, _validator
from treatydiff.model import Body, Kind, Link, Provision, Span

ROOT = Path(__file__).resolve().parents[1]

# --- synthetic bodies -----------------------------------------------------------------


def _kind(provision_id: str) -> Kind:
    head, *rest = provision_id.split(".")
    if head == "preamble":
        return "recital" if rest else "preamble"
    return ("article", "paragraph", "point")[len(rest)]


def make_body(ids: list[str], lang: str = "en") -> Body:
    """A synthetic body: one provision per id, nested by the dots of the ids."""
    text_parts: list[str] = []
    offset = 0
    spans: dict[str, Span] = {}
    for provision_id in ids:
        part = f"Synthetic text of {provision_id}.\n"  # synthetic
        spans[provision_id] = Span(offset, offset + len(part) - 1)
        text_parts.append(part)
        offset += len(part)
    source = "".join(text_parts)

    def build(provision_id: str) -> Provision:
        children = tuple(
            build(child)
            for child in ids
            if child.startswith(provision_id + ".") and "." not in child[len(provision_id) + 1 :]
        )
        span = spans[provision_id]
        return Provision(
            id=provision_id,
            kind=_kind(provision_id),
            label=provision_id,
            text=source[span.start : span.end],
            span=span,
            children=children,
        )

    return Body(lang=lang, source_text=source, provisions=tuple(build(i) for i in ids if "." not in i))


# example-a: preamble with 2 recitals, art-1 (2 paragraphs), art-2 … art-5, art-3 with 3 paragraphs.
BODY_A = make_body(
    ["preamble", "preamble.1", "preamble.2", "art-1", "art-1.1", "art-1.2", "art-2", "art-3"]
    + ["art-3.1", "art-3.2", "art-3.3", "art-3.3.a", "art-3.3.b", "art-4", "art-5"]
)
# example-b: art-1 … art-6, art-1 and art-3 with paragraphs.
BODY_B = make_body(
    ["art-1", "art-1.1", "art-1.2", "art-2", "art-3", "art-3.1", "art-3.2", "art-4", "art-5", "art-6"]
)

HEADER = """\
treatydiff-map: 1
title: "Synthetic example"
treaties:
  - example-a
  - example-b
authors: ["Test Author"]
date: 2026-11-25
status: draft
links:
"""


def write(tmp_path: Path, text: str | bytes, name: str = "map.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def map_text(links: str) -> str:
    return HEADER + dedent(links)


# --- loading ----------------------------------------------------------------------------


def test_valid_map_loads(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        dedent(
            """\
            # yaml-language-server: $schema=../docs/schemas/clause-map-1.schema.json
            treatydiff-map: 1
            title: "Synthetic example"
            treaties:
              - tota:420
              - {id: example-b, lang: ru}
              - example-c
            authors: ["Test Author", "Second Author"]
            date: 2026-11-25
            status: reviewed
            sources: ["Invented 2026, p. 1"]
            links:
              - left: art-1
                right: [art-1.1, art-1.2]
                relation: split
                note: "our own words"
                evidence: ["tota:423:art-1.2", "Invented 2025, p. 191"]
                confidence: high
              - right: art-9
                relation: added
              - left: art-18..art-27
                relation: dropped
              - left: art-2
                right: art-7
                relation: moved
                between: [example-b, example-c]
            """
        ),
    )
    clause_map = load_map(path)
    assert clause_map.treaties == ("tota-420", "example-b", "example-c")
    assert clause_map.langs == {"example-b": "ru"}
    assert clause_map.date == "2026-11-25"
    assert clause_map.status == "reviewed"
    assert clause_map.sources == ("Invented 2026, p. 1",)
    assert clause_map.authors == ("Test Author", "Second Author")
    assert clause_map.links == (
        Link(
            left=("art-1",),
            right=("art-1.1", "art-1.2"),
            relation="split",
            note="our own words",
            evidence=("tota:423:art-1.2", "Invented 2025, p. 191"),
            confidence="high",
            line=13,
            between=("tota-420", "example-b"),
        ),
        Link(left=(), right=("art-9",), relation="added", line=19, between=("tota-420", "example-b")),
        Link(
            left=("art-18..art-27",), right=(), relation="dropped", line=21, between=("tota-420", "example-b")
        ),
        Link(
            left=("art-2",), right=("art-7",), relation="moved", line=23, between=("example-b", "example-c")
        ),
    )


LINK_FAILURES = [
    pytest.param(
        """\
          - left: art-1
            right: art-1
            relation: modifed
        """,
        12,
        "unknown relation 'modifed' (did you mean 'modified'? use one of: same, reworded,",
        id="unknown-relation",
    ),
    pytest.param(
        """\
          - left: art-1
            right: art-1
        """,
        10,
        "link has no 'relation' (add relation: one of same, reworded,",
        id="missing-relation",
    ),
    pytest.param(
        """\
          - left: art-1
            right: art-1
            relation: same
          - left: art-2
            right: art-3
            relation: added
        """,
        13,
        "an 'added' link has no left side: remove 'left'",
        id="added-with-left",
    ),
    pytest.param(
        """\
          - left: art-2
            right: art-3
            relation: dropped
        """,
        11,
        "a 'dropped' link has no right side: remove 'right'",
        id="dropped-with-right",
    ),
    pytest.param(
        """\
          - left: art-2
            relation: modified
        """,
        10,
        "a 'modified' link needs both 'left' and 'right'",
        id="one-sided-modified",
    ),
    pytest.param(
        """\
          - left: art-2
            right: art-2
            relation: same
            colour: red
        """,
        13,
        "unknown key 'colour' (expected one of: between, confidence, evidence,",
        id="unknown-link-key",
    ),
    pytest.param(
        """\
          - left: Art 2
            right: art-2
            relation: same
        """,
        10,
        "'Art 2' is not a provision id or range",
        id="bad-ref",
    ),
    pytest.param(
        """\
          - left: art-2
            right: [art-2, 7]
            relation: same
        """,
        11,
        "'right' must be a provision id, a list of ids, or a range",
        id="number-in-ref-list",
    ),
    pytest.param(
        """\
          - left: art-2
            right: art-2
            relation: same
            note: yes
        """,
        13,
        "'note' must be text, not true",
        id="boolean-note",
    ),
    pytest.param(
        """\
          - left: art-2
            right: art-2
            relation: same
            between: [example-a, example-z]
        """,
        13,
        "'between' names 'example-z', which is not in 'treaties'",
        id="between-unknown-treaty",
    ),
    pytest.param(
        """\
          - left: art-2
            right: art-2
            relation: same
            evidence: ["Invented 2025, p. 3", "tota:423:Art-1"]
        """,
        13,
        "evidence 'tota:423:Art-1' is not a citation",
        id="bad-evidence-citation",
    ),
    pytest.param(
        """\
          - left: art-2
            right: art-2
            relation: same
            relation: modified
        """,
        13,
        "duplicate key 'relation' (first on line 12)",
        id="duplicate-key",
    ),
]


@pytest.mark.parametrize(("links", "line", "message"), LINK_FAILURES)
def test_link_failure_is_one_located_line(tmp_path: Path, links: str, line: int, message: str) -> None:
    path = write(tmp_path, map_text(links))
    with pytest.raises(MappingError) as caught:
        load_map(path)
    text = str(caught.value)
    assert "\n" not in text
    assert text.startswith(f"{path}:{line}: {message}"), text
    assert caught.value.line == line


EMPTY = HEADER.replace("links:\n", "links: []\n")
HEADER_FAILURES = [
    pytest.param(
        EMPTY.replace("status: draft", "status: final"),
        8,
        "unknown status 'final' (use draft or reviewed)",
        id="wrong-status",
    ),
    pytest.param(
        EMPTY.replace("treatydiff-map: 1", "treatydiff-map: 2"),
        1,
        "unsupported map format 2",
        id="wrong-version",
    ),
    pytest.param(EMPTY.replace("title:", "titel:"), 1, "missing key 'title'", id="missing-title"),
    pytest.param(
        EMPTY.replace("date: 2026-11-25", "date: 25.11.2026"), 7, "'25.11.2026' is not a date", id="bad-date"
    ),
    pytest.param(
        EMPTY.replace("  - example-b\n", ""), 3, "a map compares at least two treaties", id="one-treaty"
    ),
    pytest.param(
        EMPTY.replace("  - example-b\n", "  - example-a\n"),
        5,
        "treaty 'example-a' is listed twice (first on line 4)",
        id="treaty-twice",
    ),
    pytest.param(
        EMPTY.replace("  - example-b\n", "  - Example B\n"),
        5,
        "'Example B' is not a treaty id",
        id="bad-treaty-id",
    ),
    pytest.param(EMPTY + "colour: red\n", 10, "unknown key 'colour'", id="unknown-top-key"),
    pytest.param(
        'treatydiff-map: 1\ntitle: "unclosed\nlinks: []\n',
        4,
        "YAML syntax error: found unexpected end of stream (while scanning a quoted scalar on line 2)",
        id="yaml-syntax-quote",
    ),
    pytest.param(
        "treatydiff-map: 1\ntitle: x\n  status: draft\n",
        3,
        "YAML syntax error: mapping values are not allowed",
        id="yaml-syntax-indent",
    ),
    pytest.param(
        "- left: art-1\n  right: art-1\n",
        1,
        "a clause map must be a mapping (key: value lines), not a list",
        id="top-level-list",
    ),
    pytest.param("", 1, "map is empty", id="empty-file"),
    pytest.param("# nothing but a comment\n\n", 1, "map is empty", id="comment-only"),
    pytest.param(
        b'treatydiff-map: 1\ntitle: "caf\xe9"\n', 2, "not UTF-8: byte 0xe9 cannot be decoded", id="not-utf8"
    ),
    pytest.param(
        HEADER + "  - &x {left: art-1, right: art-1, relation: same}\n",
        10,
        "anchors and aliases (&name, *name) are not allowed",
        id="anchor",
    ),
    pytest.param('treatydiff-map: 1\ntitle: "a\x00b"\n', 2, "character U+0000 is not allowed", id="nul"),
    pytest.param(
        "---\na: 1\n---\nb: 2\n", 3, "YAML syntax error: expected a single document", id="two-documents"
    ),
    pytest.param(
        "treatydiff-map: 1\ntitle: !!python/object:os.system x\n",
        2,
        "YAML tags are not allowed in clause maps",
        id="python-tag",
    ),
    pytest.param("treatydiff-map: 1\n1: x\n", 2, "keys must be plain words", id="number-key"),
    pytest.param(
        "a:\n  - " + "[" * 5000 + "]" * 5000 + "\n",
        2,
        "YAML nested deeper than a clause map can be",
        id="deep-nesting",
    ),
]


@pytest.mark.parametrize(("text", "line", "message"), HEADER_FAILURES)
def test_file_failure_is_one_located_line(
    tmp_path: Path, text: str | bytes, line: int | None, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(MappingError) as caught:
        load_map(path)
    location = path if line is None else f"{path}:{line}"
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith(f"{location}: {message}"), str(caught.value)


def test_alias_bomb_is_rejected(tmp_path: Path) -> None:
    # How fast it is rejected is measured in benchmark/run.py, not here.
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = write(tmp_path, "\n".join(lines) + "\n")
    with pytest.raises(MappingError, match="anchors and aliases") as caught:
        load_map(path)
    assert caught.value.line == 1


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufeff" + map_text("  - {left: art-1, right: art-1, relation: same}\n"))
    assert load_map(path).links[0].line == 10


def test_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(MappingError, match="cannot read map") as caught:
        load_map(tmp_path / "absent.yaml")
    assert caught.value.file == str(tmp_path / "absent.yaml")


# --- schema -------------------------------------------------------------------------------


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(load_schema())


def test_published_schema_matches_the_packaged_one() -> None:
    published = json.loads((ROOT / "docs/schemas/clause-map-1.schema.json").read_text(encoding="utf-8"))
    assert published == load_schema()


def test_schema_lists_every_relation() -> None:
    from treatydiff.model import RELATIONS

    link = load_schema()["$defs"]["link"]
    assert tuple(link["properties"]["relation"]["enum"]) == RELATIONS


def _descriptions_missing(schema: object, where: str = "") -> list[str]:
    missing: list[str] = []
    if isinstance(schema, dict):
        for name, sub in schema.get("properties", {}).items():
            if "description" not in sub:
                missing.append(f"{where}/{name}")
        for key, sub in schema.items():
            missing += _descriptions_missing(sub, f"{where}/{key}")
    return missing


def test_every_schema_property_has_a_description() -> None:
    assert _descriptions_missing(load_schema()) == []


# --- expand_refs ----------------------------------------------------------------------------

EXPANSIONS = [
    pytest.param(["art-2"], ("art-2",), id="single"),
    pytest.param(["art-1.2", "art-3.3.a"], ("art-1.2", "art-3.3.a"), id="list"),
    pytest.param(["art-2..art-4"], ("art-2", "art-3", "art-4"), id="article-range"),
    pytest.param(
        ["art-1.2..art-3.2"], ("art-1.2", "art-3.1", "art-3.2"), id="paragraph-range-across-articles"
    ),
    pytest.param(["art-3..art-3"], ("art-3",), id="one-element-range"),
    pytest.param(["preamble.1..preamble.2", "art-5"], ("preamble.1", "preamble.2", "art-5"), id="recitals"),
]


@pytest.mark.parametrize(("refs", "expected"), EXPANSIONS)
def test_expand_refs(refs: list[str], expected: tuple[str, ...]) -> None:
    assert expand_refs(refs, BODY_A, treaty="example-a", file="m.yaml", line=3) == expected


EXPANSION_FAILURES = [
    pytest.param(
        ["art-3.4"],
        "m.yaml:7: unknown provision 'art-3.4' in example-a (en) (did you mean 'art-3.3'? "
        "run `treatydiff show example-a --lang en` to list its ids)",
        id="unknown-with-suggestion",
    ),
    pytest.param(
        ["zzzz"],
        "m.yaml:7: unknown provision 'zzzz' in example-a (en) (run `treatydiff show example-a --lang en` "
        "to list its ids)",
        id="unknown-without-suggestion",
    ),
    pytest.param(
        ["art-4..art-2"],
        "m.yaml:7: range 'art-4..art-2' runs backwards in example-a (write art-2..art-4)",
        id="reversed-range",
    ),
    pytest.param(
        ["art-2..art-9"], "m.yaml:7: unknown provision 'art-9' in example-a", id="range-end-unknown"
    ),
    pytest.param(
        ["art-2..art-3.1"],
        "m.yaml:7: range 'art-2..art-3.1' joins an article and a paragraph",
        id="range-mixed-kinds",
    ),
    pytest.param(
        ["art-2..art-4", "art-3"], "m.yaml:7: 'art-3' of example-a is named twice", id="named-twice"
    ),
    pytest.param(
        ["art-2..art-3..art-4"], "m.yaml:7: 'art-2..art-3..art-4' is not a range", id="double-range"
    ),
]


@pytest.mark.parametrize(("refs", "message"), EXPANSION_FAILURES)
def test_expand_refs_failure(refs: list[str], message: str) -> None:
    with pytest.raises(MappingError) as caught:
        expand_refs(refs, BODY_A, treaty="example-a", file="m.yaml", line=7)
    assert str(caught.value).startswith(message), str(caught.value)


# --- check_map ----------------------------------------------------------------------------

BODIES = {"example-a": BODY_A, "example-b": BODY_B}


def check(tmp_path: Path, links: str, bodies: dict[str, Body | None] | None = None) -> CheckResult:
    path = write(tmp_path, map_text(links))
    return check_map(load_map(path), BODIES if bodies is None else bodies)


def test_clean_map_has_no_problems_and_full_coverage_numbers(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        """\
          - left: art-1
            right: art-1
            relation: same
          - left: art-2..art-4
            right: [art-2, art-3, art-4]
            relation: modified
          - left: art-5
            relation: dropped
          - right: art-6
            relation: added
        """,
    )
    assert result.problems == ()
    assert result.ok
    assert result.unchecked == ()
    assert result.coverage == (
        Coverage("example-a", total=6, covered=5, missing=("preamble",)),
        Coverage("example-b", total=6, covered=5, missing=("art-5",)),
    )
    assert result.summary().endswith(
        "map.yaml: 0 errors, 0 warnings; example-a 5/6 covered; example-b 5/6 covered"
    )


COVERAGE = [
    pytest.param(
        """\
          - left: [art-3.1, art-3.2]
            right: art-3.1..art-3.2
            relation: merged
        """,
        Coverage("example-a", 8, 2, ("preamble", "art-1", "art-2", "art-3.3", "art-4", "art-5")),
        Coverage("example-b", 7, 2, ("art-1", "art-2", "art-4", "art-5", "art-6")),
        id="paragraph-level-articles-count-by-paragraph",
    ),
    pytest.param(
        """\
          - left: art-3.3.a
            right: art-3.2
            relation: narrowed
          - left: preamble.2
            right: art-1.1
            relation: moved
        """,
        Coverage(
            "example-a",
            10,
            2,
            ("preamble.1", "art-1", "art-2", "art-3.1", "art-3.2", "art-3.3.b", "art-4", "art-5"),
        ),
        Coverage("example-b", 8, 2, ("art-1.2", "art-2", "art-3.1", "art-4", "art-5", "art-6")),
        id="points-and-recitals-refine-recursively",
    ),
    pytest.param(
        """\
          - left: art-3
            right: art-3
            relation: same
          - left: art-3.2
            right: art-3.2
            relation: modified
        """,
        Coverage("example-a", 8, 3, ("preamble", "art-1", "art-2", "art-4", "art-5")),
        Coverage("example-b", 7, 2, ("art-1", "art-2", "art-4", "art-5", "art-6")),
        id="a-linked-article-covers-its-paragraphs",
    ),
]


@pytest.mark.parametrize(("links", "left", "right"), COVERAGE)
def test_coverage(tmp_path: Path, links: str, left: Coverage, right: Coverage) -> None:
    assert check(tmp_path, links).coverage == (left, right)


PROBLEMS = [
    pytest.param(
        """\
          - left: art-3.4
            right: art-3
            relation: same
        """,
        [(10, "error", "unknown provision 'art-3.4' in example-a (en) (did you mean 'art-3.3'?")],
        id="mistyped-ref",
    ),
    pytest.param(
        """\
          - left: art-1
            right: art-1
            relation: same
          - left: art-1
            right: [art-1]
            relation: reworded
        """,
        [(13, "error", "duplicate link: lines 10 and 13 join the same provisions")],
        id="duplicated-link",
    ),
    pytest.param(
        """\
          - left: art-2..art-3
            right: art-2..art-3
            relation: same
          - left: [art-3, art-2]
            right: [art-2, art-3]
            relation: same
        """,
        [(13, "error", "duplicate link: lines 10 and 13")],
        id="duplicate-after-range-expansion",
    ),
    pytest.param(
        """\
          - left: art-5
            relation: dropped
          - left: art-5
            right: art-6
            relation: moved
        """,
        [
            (
                12,
                "error",
                "example-a:art-5 is dropped on line 10 and moved on line 12: a dropped provision has no",
            )
        ],
        id="dropped-and-linked",
    ),
    pytest.param(
        """\
          - left: art-4..art-5
            right: art-4..art-5
            relation: modified
          - right: art-5
            relation: added
        """,
        [(13, "error", "example-b:art-5 is modified on line 10 and added on line 13: an added provision")],
        id="added-and-linked",
    ),
    pytest.param(
        """\
          - left: art-2
            right: art-2
            relation: same
          - left: art-2
            right: art-4
            relation: parallel
        """,
        [
            (
                13,
                "warning",
                "example-a:art-2 is linked twice (same on line 10 and parallel on line 13) (use split",
            )
        ],
        id="reused-without-split",
    ),
    pytest.param(
        """\
          - left: art-1
            right: art-1.1
            relation: split
          - left: art-1
            right: art-1.2
            relation: split
        """,
        [],
        id="reused-with-split-is-fine",
    ),
    pytest.param(
        """\
          - left: art-3
            right: art-3
            relation: same
          - left: [art-3.1, art-3.2]
            right: art-3.1
            relation: merged
        """,
        [
            (
                13,
                "warning",
                "example-a:art-3.1, art-3.2 lie inside art-3, which is linked on line 10 (link either",
            ),
            (13, "warning", "example-b:art-3.1 lies inside art-3, which is linked on line 10"),
        ],
        id="parent-and-child",
    ),
    pytest.param(
        """\
          - left: art-2
            right: art-2
            relation: modified
            evidence: ["example-a:art-2.1", "example-b:art-2", "other-treaty:art-99", "Invented 2026, p. 4"]
        """,
        [(10, "error", "evidence 'example-a:art-2.1': unknown provision 'art-2.1' in example-a (en)")],
        id="evidence-cites-unknown-provision",
    ),
]


@pytest.mark.parametrize(("links", "expected"), PROBLEMS)
def test_check_problems(tmp_path: Path, links: str, expected: list[tuple[int, str, str]]) -> None:
    result = check(tmp_path, links)
    found = [(p.line, p.severity, p.message) for p in result.problems]
    assert len(found) == len(expected), found
    for (line, severity, message), (want_line, want_severity, want_message) in zip(
        found, expected, strict=True
    ):
        assert (line, severity) == (want_line, want_severity), found
        assert message.startswith(want_message), message
    assert result.ok == all(severity == "warning" for _, severity, _ in expected)


def test_problem_prints_as_one_line() -> None:
    problem = Problem("mappings/x.yaml", 14, "error", "unknown relation 'modifed'\n (use one of: same)")
    assert str(problem) == "mappings/x.yaml:14: error: unknown relation 'modifed' (use one of: same)"
    assert str(Problem("mappings/x.yaml", None, "warning", "w")) == "mappings/x.yaml: warning: w"


def test_treaty_without_text_is_unchecked(tmp_path: Path) -> None:
    result = check(
        tmp_path,
        """\
          - left: art-1
            right: art-99
            relation: same
        """,
        {"example-a": BODY_A, "example-b": None},
    )
    assert result.problems == ()
    assert result.unchecked == ("example-b",)
    assert [c.treaty for c in result.coverage] == ["example-a"]
    assert "no text to check against: example-b" in result.summary()


def test_links_between_other_pairs_resolve_against_their_treaties(tmp_path: Path) -> None:
    text = map_text(
        """\
          - left: art-3.3.b
            right: art-6
            relation: moved
            between: [example-a, example-c]
          - left: art-6
            right: art-1
            relation: reworded
            between: [example-b, example-c]
        """
    ).replace("  - example-b\n", "  - example-b\n  - example-c\n")
    body_c = make_body(["art-1", "art-2"])  # synthetic
    result = check_map(load_map(write(tmp_path, text)), {**BODIES, "example-c": body_c})
    assert [(p.line, p.message[:40]) for p in result.problems] == [
        (11, "unknown provision 'art-6' in example-c (")
    ]


def test_check_maps_loads_each_body_once(tmp_path: Path) -> None:
    good = write(tmp_path, map_text("  - {left: art-1, right: art-1, relation: same}\n"), "good.yaml")
    also = write(
        tmp_path,
        map_text("  - {left: art-9, right: art-1, relation: same}\n").replace(
            "  - example-b\n", "  - {id: example-b, lang: ru}\n"
        ),
        "also.yaml",
    )
    broken = write(tmp_path, map_text("  - {left: art-1, right: art-1, relation: sme}\n"), "broken.yaml")
    calls: list[tuple[str, str | None]] = []

    def provider(treaty: str, lang: str | None) -> Body | None:
        calls.append((treaty, lang))
        return BODIES.get(treaty) if lang is None else None

    results = check_maps([good, also, broken], provider)
    assert [r.ok for r in results] == [True, False, False]
    assert len(calls) == 3
    assert set(calls) == {("example-a", None), ("example-b", None), ("example-b", "ru")}
    assert [str(p) for p in results[1].problems] == [
        f"{also}:10: error: unknown provision 'art-9' in example-a (en) "
        "(did you mean 'art-5'? run `treatydiff show example-a --lang en` to list its ids)"
    ]
    assert results[1].unchecked == ("example-b",)
    assert results[2].clause_map is None
    assert [str(p)[len(str(broken)) :] for p in results[2].problems] == [
        ":10: error: unknown relation 'sme' (did you mean 'same'? use one of: same, reworded, modified, "
        "expanded, narrowed, split, merged, moved, added, dropped, parallel, contrasting, changed)"
    ]


def test_check_maps_reports_every_schema_error(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        map_text(
            """\
              - {left: art-1, right: art-1, relation: sme}
              - {left: art-2, right: art-2}
            """
        ).replace("status: draft", "status: done"),
    )
    (result,) = check_maps([path], lambda treaty, lang: None)
    assert [(p.line, p.message.split(" (")[0]) for p in result.problems] == [
        (8, "unknown status 'done'"),
        (10, "unknown relation 'sme'"),
        (11, "link has no 'relation'"),
    ]


def test_documented_example_map_loads_and_checks_clean(tmp_path: Path) -> None:
    docs = (ROOT / "docs/mapping-format.md").read_text(encoding="utf-8")
    example = next(block for block in docs.split("```yaml\n")[1:] if "treatydiff-map: 1" in block)
    path = write(tmp_path, example.split("```")[0])
    body_a = make_body(["preamble", *(f"art-{n}" for n in range(1, 8))])  # synthetic
    body_b = make_body(
        ["preamble", "art-1", "art-1.1", "art-1.2", *(f"art-{n}" for n in range(2, 10)), "art-9.2"]
    )
    result = check_map(load_map(path), {"example-a": body_a, "example-b": body_b})
    assert result.problems == ()
    assert [(c.covered, c.total) for c in result.coverage] == [(8, 8), (9, 11)]


# --- the schema's fast path never accepts what the schema refuses -------------------------


_VALUES = st.one_of(
    st.sampled_from(["art-1", "art-1.2", "art-1..art-3", "tota-420", "example-a", "same", "added"]),
    st.sampled_from(["dropped", "split", "high", "low", "Art 1", "", "art-1\n", "a" * 300, "x..y..z"]),
    st.integers(),
    st.booleans(),
    st.none(),
    st.text(max_size=5),
)
_LINK_VALUES = st.one_of(
    _VALUES, st.lists(_VALUES, max_size=3), st.dictionaries(st.text(max_size=3), _VALUES, max_size=2)
)
_KEYS = st.sampled_from(
    ["left", "right", "relation", "note", "evidence", "confidence", "between", "score", "reasons", "extra"]
)
_VALID = {"left": "art-1", "right": ["art-1.1", "art-1.2"], "relation": "split", "note": "n"}


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(_KEYS, _LINK_VALUES, max_size=6), st.booleans())
def test_the_fast_link_test_never_accepts_what_the_schema_refuses(
    changes: dict[str, object], from_valid: bool
) -> None:
    # Half the links start valid and get a few keys changed: near misses are what matter.
    link = {**_VALID, **changes} if from_valid else changes
    document = {
        "treatydiff-map": 1,
        "title": "t",
        "treaties": ["example-a", "example-b"],
        "authors": ["a"],
        "status": "draft",
        "links": [link],
    }
    if _plain_link(link, _link_rules()):
        assert _validator().is_valid(document), link


def test_the_fast_link_test_accepts_plain_links() -> None:
    for link in (
        _VALID,
        {"left": "art-1..art-3", "right": "art-2..art-4", "relation": "moved", "confidence": "high"},
        {"right": "art-9", "relation": "added", "evidence": ["tota:423:art-1.2", "Kaleji 2025, p. 1"]},
        {"left": "preamble.2", "relation": "dropped", "between": ["example-a", "tota-420"]},
    ):
        assert _plain_link(link, _link_rules()), link
