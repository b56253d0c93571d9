"""The command line end to end: every error path is one line on stderr with exit code 2.

The error paths run on synthetic texts alone; the tests of real output read the
shared corpus (``corpus`` marker).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from treatydiff.cli import main

# synthetic: a two-article agreement written for these tests
SYNTHETIC = """Agreement on Synthetic Cooperation

The Parties, desiring to test software,

have agreed as follows:

Article 1
1. The Parties shall exchange test data.
2. Each Party may publish results.

Article 2
This Agreement enters into force on signature.

Done at Nowhere in two copies.
"""


# synthetic: a ToTA-shaped agreement written for these tests, saved as tota:901 and tota:902
SYNTHETIC_TOTA = """<?xml version="1.0" encoding="UTF-8"?>
<treaty>
  <meta>
    <name>Arcadia - Borduria</name>
    <type>Free Trade Agreement</type>
    <treaty_identifier>{number}</treaty_identifier>
    <date_signed>2001-02-03</date_signed>
    <parties><partyisocode n="1">XAR</partyisocode><partyisocode n="2">XBO</partyisocode></parties>
    <language>en</language>
  </meta>
  <body>
    <chapter chapter_identifier="1" name="Preamble">
      <article article_identifier="1">AGREEMENT ON SYNTHETIC COOPERATION
The Parties, desiring to test software,

have agreed as follows:</article>
    </chapter>
    <chapter chapter_identifier="2">
      <article number="ARTICLE 1" article_identifier="2">1. The Parties shall exchange test data.

2. Each Party may publish results.</article>
      <article number="ARTICLE 2" article_identifier="3">It enters into force on signature.</article>
    </chapter>
  </body>
</treaty>
"""


@pytest.fixture
def synthetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty store in tmp_path, and a ToTA folder holding only tota:901 and tota:902 (synthetic)."""
    tota = tmp_path / "tota" / "xml"
    tota.mkdir(parents=True)
    for number in (901, 902):
        (tota / f"pta_{number}.xml").write_text(SYNTHETIC_TOTA.format(number=number), encoding="utf-8")
    monkeypatch.setenv("TREATYDIFF_STORE", str(tmp_path / "store"))
    monkeypatch.setenv("TREATYDIFF_TOTA_DIR", str(tota.parent))
    monkeypatch.delenv("TREATYDIFF_TEXTS", raising=False)
    return tmp_path


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus_dir: Path) -> Path:
    """An empty store in tmp_path, and the shared ToTA folder as --tota-dir."""
    monkeypatch.setenv("TREATYDIFF_STORE", str(tmp_path / "store"))
    monkeypatch.setenv("TREATYDIFF_TOTA_DIR", str(corpus_dir / "tota"))
    monkeypatch.delenv("TREATYDIFF_TEXTS", raising=False)
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ")
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.corpus
def test_show_tota_420_preamble_is_readable_and_repair_is_announced(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "show", "tota:420:preamble", "--verbose")
    assert code == 0
    assert "repaired mojibake" in err and "pta_420.xml" in err
    assert "Republic of Belarus" in out
    assert "Ð" not in out and "Ñ" not in out  # no CP1252 mojibake left
    assert "tota-420:preamble" in out


@pytest.mark.corpus
def test_repairs_on_reading_are_one_line_unless_verbose(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "diff", "tota:420", "tota:423", "--format", "json")
    assert code == 0
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines == [lines[0]] and "repairs made while reading tota-420, tota-423" in lines[0]
    assert "--verbose" in lines[0]
    code, _, err = _run(capsys, "diff", "tota:420", "tota:423", "--format", "json", "--verbose")
    assert code == 0 and err.count("repaired mojibake") == 2 and err.count("pta_423.xml") == 2


@pytest.mark.corpus
def test_show_outline_lists_ids_and_labels(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "show", "tota:423", "--depth", "2")
    assert code == 0
    for expected in ("art-1", "Article 1", "art-1.1", "preamble.1", "closing"):
        assert expected in out


@pytest.mark.corpus
def test_show_json_gives_id_kind_label_text_span(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "show", "tota:420", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["treaty"]["id"] == "tota-420"
    first = document["provisions"][0]
    assert {"id", "kind", "label", "text", "span"} <= set(first)


@pytest.mark.corpus
def test_ingest_then_show_and_list(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = env / "synthetic.txt"
    source.write_text(SYNTHETIC, encoding="utf-8")
    code, _, err = _run(capsys, "ingest", "example-synthetic", str(source), "--lang", "en")
    assert code == 0, err
    assert "2 articles" in err and "created a manifest" in err
    assert source.read_text(encoding="utf-8") == SYNTHETIC  # the user's file is untouched
    code, out, _ = _run(capsys, "show", "example-synthetic:art-1.2")
    assert code == 0 and "Each Party may publish results." in out
    code, out, _ = _run(capsys, "list")
    assert code == 0 and "example-synthetic" in out and "un-charter" in out


@pytest.mark.corpus
@pytest.mark.parametrize("fmt", ["md", "html", "term", "json"])
def test_diff_without_map_says_the_aligner_made_the_links(
    env: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    code, out, _ = _run(capsys, "diff", "tota:420", "tota:423", "--format", fmt)
    assert code == 0
    if fmt == "json":
        data = json.loads(out)
        assert data["alignment"] == "suggested"
        assert {link["origin"] for link in data["links"]} == {"suggested"}
    else:
        assert "suggested by an automatic aligner" in " ".join(out.split())


@pytest.mark.corpus
def test_diff_exit_code_option(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = _run(capsys, "diff", "tota:420", "tota:423", "--format", "json", "--exit-code")
    assert code == 1
    code, _, _ = _run(capsys, "diff", "tota:420", "tota:420", "--format", "json", "--exit-code")
    assert code == 0


def test_diff_refuses_to_overwrite_its_map(synthetic: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = synthetic / "map.yaml"
    copy.write_text(_MAP_HEAD + _LINK.format(left="art-1.1", relation="same"), encoding="utf-8")
    before = copy.read_bytes()
    code, _, err = _run(
        capsys, "diff", "tota:901", "tota:902", "--map", str(copy), "--format", "html", "--out", str(copy)
    )
    assert code == 2
    assert "refusing to overwrite" in _one_error_line(err)
    assert copy.read_bytes() == before


BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


@pytest.mark.parametrize(
    ("argv", "content", "expected"),
    [
        (["ingest", "example-x", "{missing}"], None, r"missing\.txt: no such file"),
        (["ingest", "example-x", "{file}"], b"", r"input\.txt: .*empty"),
        (["ingest", "example-x", "{file}"], b"  \n\t\n", r"input\.txt: .*whitespace"),
        (["ingest", "example-x", "{file}"], BINARY, r"input\.txt: .*binary"),
        (
            ["ingest", "example-x", "{file}", "--format", "tota"],
            b"<treaty><meta>",
            r"input\.txt(:\d+)?: .*XML",
        ),
        (["ingest", "../etc", "{file}"], SYNTHETIC.encode(), r"'\.\./etc' is not a treaty id"),
        (["ingest", "example-x", "{folder}"], None, r"is a directory"),
        (["show", "no-such-treaty"], None, r"unknown treaty 'no-such-treaty'"),
        (["show", "../../etc/passwd"], None, r"is not a treaty id"),
        (["show", "tota:901:art-99"], None, r"unknown provision 'art-99' in tota-901"),
        (["show", "tota:9999"], None, r"no ToTA agreement number 9999"),
        (
            ["show", "un-charter"],
            None,
            r"no text of un-charter has been ingested.*treatydiff ingest un-charter",
        ),
        (["show", "tota:901", "--lang", "../x"], None, r"is not a language code"),
        (["diff", "tota:901"], None, r"Missing argument 'right'"),
        (["diff", "tota:901", "tota:902", "--format", "pdf"], None, r"'pdf' is not one of"),
        (["diff", "tota:901", "tota:902", "--map", "{missing}"], None, r"missing\.txt"),
        (["nonsense"], None, r"No such command 'nonsense'"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_bad_input_is_one_line_and_exit_2(
    synthetic: Path, capsys: pytest.CaptureFixture[str], argv: list[str], content: bytes | None, expected: str
) -> None:
    env = synthetic
    file = env / "input.txt"
    if content is not None:
        file.write_bytes(content)
    folder = env / "folder"
    folder.mkdir()
    args = [a.format(file=file, missing=env / "missing.txt", folder=folder) for a in argv]
    code, out, err = _run(capsys, *args)
    assert code == 2, (out, err)
    assert re.search(expected, _one_error_line(err)), err
    if content is not None:
        assert file.read_bytes() == content  # never a changed user file
    assert not (env / "store" / "bodies" / "example-x").exists()  # never a partial result


_MAP_HEAD = (
    "treatydiff-map: 1\ntitle: t\ntreaties: [tota:901, tota:902]\nauthors: [me]\nstatus: draft\nlinks:\n"
)
_LINK = "  - left: {left}\n    right: art-1.1\n    relation: {relation}\n"


@pytest.mark.parametrize(
    ("links", "line", "expected"),
    [
        (
            _LINK.format(left="art-99", relation="modified"),
            7,
            r"unknown provision 'art-99' in tota-901.*did you mean",
        ),
        (
            _LINK.format(left="art-1.1", relation="modifed"),
            9,
            r"unknown relation 'modifed'.*did you mean 'modified'",
        ),
        (_LINK.format(left="art-1.1", relation="same") + "  - left: [art-1.1\n", 11, r"YAML"),
        (_LINK.format(left="art-1.1", relation="same") * 2, 10, r"duplicate link: lines 7 and 10"),
    ],
    ids=["mistyped-ref", "unknown-relation", "yaml-syntax", "duplicated-link"],
)
def test_check_gives_one_precise_line_per_problem(
    synthetic: Path, capsys: pytest.CaptureFixture[str], links: str, line: int, expected: str
) -> None:
    bad = synthetic / "bad.yaml"
    bad.write_text(_MAP_HEAD + links, encoding="utf-8")
    code, out, _ = _run(capsys, "check", str(bad))
    assert code == 1
    errors = [text for text in out.splitlines() if ": error: " in text]
    assert len(errors) == 1, out
    assert re.match(rf"{re.escape(str(bad))}:{line}: error: ", errors[0]), errors[0]
    assert re.search(expected, errors[0]), errors[0]


@pytest.mark.corpus
def test_check_passes_the_shipped_maps(
    env: Path, capsys: pytest.CaptureFixture[str], corpus_dir: Path
) -> None:
    store = env / "store"
    raw = corpus_dir / "un-charter" / "raw"
    for lang in ("en", "ru"):
        assert (
            _run(capsys, "ingest", "un-charter", str(raw / f"raw_un_charter_{lang}.txt"), "--lang", lang)[0]
            == 0
        )
    code, out, _ = _run(capsys, "check", "--store", str(store))
    assert code == 0, out
    assert "0 errors, 0 warnings" in out and "no link mentions" not in out


def test_check_reads_a_named_manifest_as_a_manifest(
    synthetic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = synthetic / "texts"
    texts.mkdir()
    monkeypatch.setenv("TREATYDIFF_TEXTS", str(texts))
    good = texts / "example-pact.yaml"  # synthetic manifest
    good.write_text(
        "id: example-pact\ntitles:\n  en: An Example Pact\nlanguages: [en]\n"
        "sources:\n  - publisher: the test itself\n",
        encoding="utf-8",
    )
    code, out, _ = _run(capsys, "check", str(good))
    assert code == 0, out
    assert out.splitlines()[-1].startswith(f"{good}: 0 errors, 0 warnings"), out
    bad = texts / "other-pact.yaml"
    bad.write_text("id: other-pact\ntitles:\n  en: Other\ncolour: red\n", encoding="utf-8")
    code, out, _ = _run(capsys, "check", str(bad))
    assert code == 1
    errors = [line for line in out.splitlines() if ": error: " in line]
    assert len(errors) == 1, out
    assert errors[0].startswith(f"{bad}:4: error: unknown key 'colour' (known keys: "), out


def test_an_internal_error_is_one_line_too(
    synthetic: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import treatydiff.render.outline as outline

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(outline, "render_outline", broken)  # the cli imports it when `show` runs
    monkeypatch.delenv("TREATYDIFF_DEBUG", raising=False)
    code, _, err = _run(capsys, "show", "tota:901")
    assert code == 70
    lines = [line for line in err.splitlines() if line.startswith("internal error")]
    assert lines == [lines[0]] and "RuntimeError: simulated bug" in lines[0] and "Traceback" not in err


def test_a_map_for_other_treaties_is_named_before_any_text_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # No ToTA folder at all: the map's treaties are checked before a text is loaded.
    monkeypatch.setenv("TREATYDIFF_STORE", str(tmp_path / "store"))
    monkeypatch.setenv("TREATYDIFF_TOTA_DIR", str(tmp_path / "no-tota"))
    charter_map = Path(__file__).resolve().parents[1] / "mappings" / "un-charter_en_ru.yaml"
    code, _, err = _run(capsys, "diff", "tota:420", "tota:423", "--map", str(charter_map))
    assert code == 2
    line = _one_error_line(err)
    assert "the map links un-charter@en and un-charter@ru, not tota-420 and tota-423" in line, line


def test_show_suggests_a_close_provision_id(synthetic: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "show", "tota:901:art-2l")
    assert code == 2
    assert re.search(r"unknown provision 'art-2l' in tota-901.*did you mean 'art-2'", _one_error_line(err))


# synthetic: two Russian versions of one invented agreement; point б) is identical
_RU_V1 = """Соглашение о синтетическом сотрудничестве

Статья 1
Стороны обязуются:
а) незамедлительно уведомлять друг друга о любых изменениях таможенных тарифов и сборов;
б) обмениваться статистикой;
в) проводить ежегодные консультации на уровне министров по всем вопросам применения Соглашения.
"""
_RU_V2 = """Соглашение о синтетическом сотрудничестве

Статья 1
Стороны обязуются:
а) в течение тридцати дней информировать другую Сторону о мерах нетарифного регулирования;
б) обмениваться статистикой;
в) создать совместную комиссию, которая собирается по просьбе любой из Сторон.
"""


def test_an_unchanged_point_of_two_russian_versions_is_never_marked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TREATYDIFF_STORE", str(tmp_path / "store"))
    for name, text in (("example-ru-one", _RU_V1), ("example-ru-two", _RU_V2)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        assert _run(capsys, "ingest", name, str(tmp_path / f"{name}.txt"), "--lang", "ru")[0] == 0
    code, out, err = _run(
        capsys, "diff", "example-ru-one", "example-ru-two", "--left-lang", "ru", "--right-lang", "ru",
        "--format", "json",
    )  # fmt: skip
    assert code == 0, err
    (link,) = [link for link in json.loads(out)["links"] if link["left"][0]["id"] == "art-1"]
    marked = [op["text"] for op in link["diff"]["ops"] if op["op"] != "equal"]
    assert marked and not any("статистикой" in text for text in marked)
    assert [p["marker"] for p in link["shown"]["left"]] == [None, "а)", "б)", "в)"]
