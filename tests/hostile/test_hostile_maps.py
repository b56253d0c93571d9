"""Hostile clause maps (issue 7, items 5–7): located errors, and diff trusts only what check accepts.

# synthetic: every map here is written by the test against the synthetic demo-a / demo-b.
"""

from __future__ import annotations

import pytest
from hostile_cli import MAP_HEADER, Sandbox, refused

FORMATS = ("term", "json", "html", "md")


def _check(sandbox: Sandbox, *maps: str) -> tuple[int, list[str]]:
    run = sandbox.run("check", *maps)
    assert run.err == "", run.err
    assert run.changed == frozenset()
    return run.code, run.out.splitlines()


# --- values a terminal would obey, or UTF-8 cannot carry --------------------------------


@pytest.mark.parametrize(
    "escape",
    [
        pytest.param("\\ud800", id="lone-surrogate"),
        pytest.param("\\udcff", id="low-surrogate"),
        pytest.param("\\x1b[2J", id="escape-sequence"),
        pytest.param("\\x9b31m", id="c1-control"),
        pytest.param("\\a", id="bell"),
    ],
)
def test_an_escaped_control_or_surrogate_in_a_note_fails_check_at_its_line(
    demo: Sandbox, escape: str
) -> None:
    demo.write_map(f'  - {{left: art-1, right: art-1, relation: same, note: "bad {escape} note"}}\n')
    code, lines = _check(demo, "map.yaml")
    assert code == 1
    assert lines[0].startswith("map.yaml:7: error: "), lines


@pytest.mark.parametrize("output_format", FORMATS)
def test_a_lone_surrogate_in_a_note_stops_every_diff_format_at_its_line(
    demo: Sandbox, output_format: str
) -> None:
    demo.write_map('  - {left: art-1, right: art-1, relation: same, note: "x \\ud800 y"}\n')
    run = demo.run("diff", "demo-a", "demo-b", "--map", "map.yaml", "--format", output_format)
    refused(run, "map.yaml:7:")


# --- unknown treaties: one located problem per map, every map checked -------------------

UNKNOWN_IN_HEADER = MAP_HEADER.replace("[demo-a, demo-b]", "[demo-a, no-such-treaty]")
GOOD_LINK = "  - {left: art-1, right: art-1, relation: modified}\n"


def test_an_unknown_treaty_in_the_header_is_located_and_other_maps_are_checked(demo: Sandbox) -> None:
    demo.write_map(GOOD_LINK, "a-unknown.yaml", header=UNKNOWN_IN_HEADER)
    demo.write_map(GOOD_LINK, "b-good.yaml")
    code, lines = _check(demo, "a-unknown.yaml", "b-good.yaml")
    assert code == 1
    assert "a-unknown.yaml:3: error: unknown treaty 'no-such-treaty'" in lines[0]
    assert any(line.startswith("a-unknown.yaml: 1 error") for line in lines)
    assert any(line.startswith("b-good.yaml: 0 errors") for line in lines)


def test_an_unknown_treaty_in_evidence_is_located_and_other_maps_are_checked(demo: Sandbox) -> None:
    demo.write_map(
        "  - left: art-1\n    right: art-1\n    relation: modified\n    evidence:\n"
        '      - "no-such-treaty:art-1"\n',
        "a-evidence.yaml",
    )
    demo.write_map(GOOD_LINK, "b-good.yaml")
    code, lines = _check(demo, "a-evidence.yaml", "b-good.yaml")
    assert code == 1
    assert lines[0].startswith(
        "a-evidence.yaml:11: error: evidence 'no-such-treaty:art-1': unknown treaty 'no-such-treaty'"
    ), lines
    assert any(line.startswith("b-good.yaml: 0 errors") for line in lines)


def test_diff_with_a_map_naming_an_unknown_treaty_is_one_line(demo: Sandbox) -> None:
    demo.write_map(GOOD_LINK, header=UNKNOWN_IN_HEADER)
    refused(demo.run("diff", "demo-a", "demo-b", "--map", "map.yaml"), "map.yaml")


# --- the schema: located, and as strict as the store --------------------------------------


@pytest.mark.parametrize("lang", ["en-US", "EN", "english", "en_us", "../../x"])
def test_a_lang_the_store_cannot_name_fails_the_schema_at_its_line(demo: Sandbox, lang: str) -> None:
    header = MAP_HEADER.replace("[demo-a, demo-b]", f"[{{id: demo-a, lang: '{lang}'}}, demo-b]")
    demo.write_map(GOOD_LINK, header=header)
    code, lines = _check(demo, "map.yaml")
    assert code == 1
    assert lines[0].startswith(f"map.yaml:3: error: '{lang}' is not a language code"), lines
    diffed = demo.run("diff", "demo-a", "demo-b", "--map", "map.yaml")
    refused(diffed, "map.yaml:3:", "is not a language code")


# --- YAML tags on anything, lists and mappings included -----------------------------------

TAGGED = [
    pytest.param("  - !!python/object/apply:os.system ['echo owned']\n", 7, id="python-apply-on-list"),
    pytest.param("  - !!python/object/new:os.system\n    args: ['echo owned']\n", 7, id="python-new-on-map"),
    pytest.param("  - left: !!set {art-1: null}\n    right: art-1\n    relation: same\n", 7, id="set"),
    pytest.param("  - left: !!omap [{a: 1}]\n    right: art-1\n    relation: same\n", 7, id="omap"),
    pytest.param("  - !local {left: art-1, right: art-1, relation: same}\n", 7, id="local-tag-on-map"),
    pytest.param("  - {left: art-1, right: art-1, relation: !!str same}\n", 7, id="str-on-scalar"),
    pytest.param("  - {left: art-1, right: art-1, relation: same, note: !!binary aGk=}\n", 7, id="binary"),
]


@pytest.mark.parametrize(("links", "line"), TAGGED)
def test_a_yaml_tag_is_refused_at_its_line(demo: Sandbox, links: str, line: int) -> None:
    demo.write_map(links)
    code, lines = _check(demo, "map.yaml")
    assert code == 1
    assert lines[0].startswith(f"map.yaml:{line}: error: YAML tags are not allowed in clause maps"), lines
    refused(demo.run("diff", "demo-a", "demo-b", "--map", "map.yaml"), f"map.yaml:{line}:", "YAML tags")


def test_a_tag_on_the_whole_map_is_refused(demo: Sandbox) -> None:
    demo.write("map.yaml", "--- !!python/object/apply:os.system\n- echo owned\n")
    code, lines = _check(demo, "map.yaml")
    assert code == 1 and lines[0].startswith("map.yaml:1: error: YAML tags are not allowed"), lines


# --- diff trusts only what check accepts --------------------------------------------------

REJECTED = [
    pytest.param(
        GOOD_LINK + "  - {left: art-1, right: art-1, relation: same}\n", 8, "duplicate link", id="duplicate"
    ),
    pytest.param(
        "  - {left: art-2, relation: dropped}\n  - {left: art-2, right: art-2, relation: same}\n",
        8,
        "has no counterpart",
        id="dropped-and-linked",
    ),
    pytest.param(
        "  - left: art-1\n    right: art-1\n    relation: same\n    evidence: ['demo-a:art-99']\n",
        7,
        "evidence 'demo-a:art-99'",
        id="evidence-to-nothing",
    ),
    pytest.param(
        "  - {left: art-1, right: art-99, relation: same}\n", 7, "unknown provision", id="unknown-ref"
    ),
    pytest.param(
        "  - {left: 'art-1..art-1.2', right: art-1, relation: same}\n", 7, "range", id="mixed-range"
    ),
]


@pytest.mark.parametrize(("links", "line", "says"), REJECTED)
def test_diff_refuses_a_map_that_check_rejects(demo: Sandbox, links: str, line: int, says: str) -> None:
    demo.write_map(links)
    code, lines = _check(demo, "map.yaml")
    assert code == 1
    assert any(text.startswith(f"map.yaml:{line}: error: ") and says in text for text in lines), lines
    for output_format in ("term", "html"):
        run = demo.run("diff", "demo-a", "demo-b", "--map", "map.yaml", "--format", output_format)
        line_text = refused(run, f"map.yaml:{line}:", says)
        assert "treatydiff check map.yaml" in line_text


def test_diff_accepts_a_map_with_warnings_only(demo: Sandbox) -> None:
    demo.write_map(GOOD_LINK + "  - {left: art-1, right: art-2, relation: modified}\n")
    code, lines = _check(demo, "map.yaml")
    assert code == 0 and any("warning" in line for line in lines), lines
    run = demo.run("diff", "demo-a", "demo-b", "--map", "map.yaml", "--format", "json")
    assert run.code == 0, run.err


# --- the YAML itself: bombs, depth, size ----------------------------------------------------


def test_an_alias_bomb_is_refused_at_its_first_anchor(demo: Sandbox) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    demo.write("map.yaml", "\n".join(lines) + "\n")
    refused(demo.run("diff", "demo-a", "demo-b", "--map", "map.yaml"), "map.yaml:1:", "anchors and aliases")


@pytest.mark.parametrize("depth", [25, 5000, 200_000])
def test_deep_nesting_is_refused(demo: Sandbox, depth: int) -> None:
    demo.write("map.yaml", MAP_HEADER + "  - " + "[" * depth + "]" * depth + "\n")
    refused(demo.run("diff", "demo-a", "demo-b", "--map", "map.yaml"), "map.yaml:7:", "nested deeper")


def _big_map(links: int) -> str:
    """``links`` links between demo-a's and demo-b's provisions, most of them repeated."""
    ids = ["art-1", "art-1.1", "art-1.2", "art-2", "art-3"]
    body = [f"- {{left: {ids[i % 5]},right: {ids[(i // 5) % 5]},relation: split}}\n" for i in range(links)]
    return MAP_HEADER + "".join(body)


def test_a_map_of_100k_links_is_checked_and_diffed_within_the_hang_guard(demo: Sandbox) -> None:
    # Before the event-based loader and the schema fast path this map took over 400 s.
    text = _big_map(100_000)
    assert len(text.encode()) < 5_000_000
    demo.write("big.yaml", text)
    checked = demo.run("check", "big.yaml")
    assert checked.code == 1, checked.err  # nested and duplicate-side problems, all located
    assert checked.out.splitlines()[-1].startswith("big.yaml: "), checked.out[-500:]
    run = demo.run("diff", "demo-a", "demo-b", "--map", "big.yaml", "--format", "json")
    refused(run, "big.yaml:")
