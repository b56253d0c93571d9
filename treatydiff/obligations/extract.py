"""Find obligation statements in provision texts by the rules of a language's vocabulary.

Each sentence is scanned rule by rule in the vocabulary's priority order; a rule's match
claims its words, so a later, more general rule ("shall") cannot re-read what an earlier,
more specific one ("shall not be construed") has explained. Conditions and exceptions
attach to the nearest statement before them, or to every statement when they open the
sentence. Points of a list that carry no modal phrase inherit the last statement of the
lead-in they hang from ("Each Party shall: (a) … (b) …").

The patterns are compiled by :mod:`treatydiff.obligations.patterns`, on first use and so
that they match exactly as written, only faster.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from re import Match, Pattern
from typing import NamedTuple

from treatydiff.model import Body, Provision
from treatydiff.obligations.patterns import (
    Folded,
    KeyFinder,
    Lazy,
    Text,
    compile_hinted,
    faithful,
    trie_pattern,
)
from treatydiff.obligations.types import Bearer, ProvisionObligations, Statement
from treatydiff.obligations.vocab import BearerTerm, PhraseRule, Vocabulary, vocabulary

__all__ = ["NO_NORMS", "analyse_body", "analyse_provision", "chapeau_of", "extract"]

# The space after a full stop or semicolon, before a capital, digit or opening mark: group 1
# (the stop is matched, not looked behind for, so that re scans for it in C).
_SENTENCE_END = re.compile(r"[.;](\s+)(?=[\"'«“(\-–—]?[A-ZА-ЯЁ0-9(])")
_CLAUSE_END = re.compile(r"[.;:]|,\s+(?:and|or|и|или|а)\s+(?=\S)")
_ACTION_END = re.compile(r"[.;:]")
_MARKER_END = re.compile(r"[,.;:]")
_WORD = re.compile(r"[\w-]+")
_ACTION_CHARS = 100
_CONDITION_CHARS = 80
_LEAD_IN_END = (":", "—", ":-", ": -")
NO_NORMS = frozenset({"preamble", "recital"})
"""Kinds of provision that state no duties: they are never analysed."""


@dataclass(frozen=True)
class _Rules:
    """A vocabulary compiled once per language."""

    vocab: Vocabulary
    phrases: tuple[tuple[PhraseRule, Folded], ...]
    conditions: tuple[tuple[str, Folded, tuple[str, ...]], ...]
    exceptions: tuple[tuple[str, Folded, tuple[str, ...]], ...]
    bearers: tuple[tuple[BearerTerm, Lazy], ...]
    pronoun: Folded
    relative: Folded
    passive: Folded
    agent: bool
    """Whether the agent of a passive is a preposition's object ("by"), not a case form."""
    lp_verb: Pattern[str] | None
    lp_passive: Pattern[str] | None
    subordinate: Folded | None
    keys: frozenset[str]
    """Every rule's keys: which of them a sentence contains tells which rules can match at all."""
    gate: Pattern[str] | None
    """Finds any of the vocabulary's gate words in a lower-cased sentence (None: no gate)."""
    finder: KeyFinder
    """Tells which of all the vocabulary's keys (rules, bearers, markers, gate) a text contains."""
    marker_finder: KeyFinder
    """The same for the condition and exception markers' keys alone (points of a list)."""
    keyless: tuple[int, ...]
    """Indexes of the phrase rules without keys (tried in every sentence)."""
    by_key: dict[str, tuple[int, ...]]
    """For each key, the indexes of the phrase rules that name it."""
    oblique_before: Folded
    oblique_form: Folded
    heads: Pattern[str]
    lead: Pattern[str]


def _all_keys(vocab: Vocabulary) -> set[str]:
    return {key for rule in vocab.rules for key in rule.keys}


def _vocabulary_keys(vocab: Vocabulary) -> set[str]:
    keys = _all_keys(vocab) | set(vocab.gate or ())
    keys |= {key for term in vocab.bearers for key in term.keys}
    keys |= {key for marker in (*vocab.conditions, *vocab.exceptions) for key in marker.keys}
    return keys


@functools.cache
def _rules(lang: str) -> _Rules:
    vocab = vocabulary(lang)
    present = vocab.legal_present
    return _Rules(
        vocab=vocab,
        phrases=tuple((rule, Folded(rule.pattern)) for rule in vocab.rules),
        conditions=tuple((m.name, Folded(m.pattern), m.keys) for m in vocab.conditions),
        exceptions=tuple((m.name, Folded(m.pattern), m.keys) for m in vocab.exceptions),
        bearers=tuple((term, Lazy(term.pattern)) for term in vocab.bearers),
        pronoun=Folded(r"\b(?:" + "|".join(map(re.escape, vocab.pronouns)) + r")\b"),
        relative=Folded(vocab.relative),
        passive=Folded(vocab.passive),
        agent=bool(vocab.agent),
        lp_verb=re.compile(present.verb) if present else None,
        lp_passive=re.compile(present.passive) if present else None,
        subordinate=Folded(present.subordinate) if present else None,
        keys=frozenset(_all_keys(vocab)),
        gate=re.compile(trie_pattern(vocab.gate)) if vocab.gate else None,
        finder=KeyFinder(_vocabulary_keys(vocab)),
        marker_finder=KeyFinder(tuple(key for m in (*vocab.conditions, *vocab.exceptions) for key in m.keys)),
        keyless=tuple(i for i, rule in enumerate(vocab.rules) if not rule.keys),
        by_key={
            key: tuple(i for i, rule in enumerate(vocab.rules) if key in rule.keys)
            for key in _all_keys(vocab)
        },
        oblique_before=Folded(vocab.oblique_before),
        oblique_form=Folded(vocab.oblique_form),
        heads=compile_hinted(vocab.heads),
        lead=compile_hinted(vocab.lead),
    )


class _Mention(NamedTuple):  # a tuple: made by the thousand, cheaper than a frozen dataclass
    start: int
    end: int
    bearer: Bearer
    text: str
    pronoun: bool = False


@dataclass(slots=True)
class _Found:
    rule: PhraseRule | None
    name: str
    modality: str
    start: int  # the modal phrase, in sentence offsets
    end: int
    claim: tuple[int, int]
    passive_hint: bool = False


def _overlaps(span: tuple[int, int], claimed: Iterable[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in claimed)


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        yield start, text[start : boundary.start(1)]
        start = boundary.end(1)
    yield start, text[start:]


def _mentions(rules: _Rules, view: Text, present: frozenset[str]) -> list[_Mention]:
    """Bearer mentions in document order; a mention inside a longer one is dropped.

    ``present``: the vocabulary keys the sentence contains (``rules.finder``).
    """
    sentence = view.text
    pronoun, folded = rules.pronoun.on(view)
    found = [
        _Mention(m.start(), m.end(), term.bearer, m.group(0))
        for term, lazy in rules.bearers
        if not term.keys or not present.isdisjoint(term.keys)
        for m in lazy.pattern.finditer(sentence)
        if m.end() > m.start()
    ]
    found += [
        _Mention(
            m.start(), m.end(), rules.vocab.pronouns[m.group(0).lower()], sentence[slice(*m.span())], True
        )
        for m in pronoun.finditer(folded)
    ]
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    kept: list[_Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        lead = (
            rules.lead.search(sentence, max(0, mention.start - 40), mention.start)
            if not mention.pronoun
            else None
        )
        if lead is not None and (not kept or lead.start() >= kept[-1].end):
            start = lead.start()
            text = sentence[start : mention.end]
            mention = _Mention(start, mention.end, mention.bearer, text, mention.pronoun)
        kept.append(mention)
    return kept


def _phrases(rules: _Rules, view: Text, present: frozenset[str]) -> list[_Found]:
    claimed: list[tuple[int, int]] = []
    found: list[_Found] = []
    if rules.vocab.gate and present.isdisjoint(rules.vocab.gate):
        return found
    candidates = set(rules.keyless)
    for key in present:
        candidates.update(rules.by_key.get(key, ()))
    relative, before = rules.relative.on(view)
    for index in sorted(candidates):  # the vocabulary's priority order
        rule, folded = rules.phrases[index]
        pattern, text = folded.on(view)
        for match in pattern.finditer(text):
            claim = match.span()
            if claim[0] == claim[1] or _overlaps(claim, claimed):
                continue
            start, end = _modal_span(match)
            if rule.weak and relative.search(before[:start]):
                continue
            claimed.append(claim)
            found.append(_Found(rule, rule.name, rule.modality, start, end, claim))
    if rules.lp_verb is not None:
        found += _legal_present(rules, view, claimed, present)
    found.sort(key=lambda f: f.start)
    return found


def _modal_span(match: Match[str]) -> tuple[int, int]:
    if "m" in match.re.groupindex and match.group("m") is not None:
        return match.span("m")
    return match.span()


def _legal_present(
    rules: _Rules, view: Text, claimed: list[tuple[int, int]], keys: frozenset[str]
) -> list[_Found]:
    """Russian drafting states duties in the present tense: a bearer and its finite verb."""
    present = rules.vocab.legal_present
    assert present is not None and rules.lp_verb is not None and rules.lp_passive is not None
    assert rules.subordinate is not None
    sentence = view.text
    words = list(_WORD.finditer(sentence))
    found: list[_Found] = []
    used: set[int] = set()
    # Verbs of an "if", "until" or relative clause state no duty ("Если Совет сочтет, …").
    conditional: list[tuple[int, int]] = []
    subordinate, folded = rules.subordinate.on(view)
    for match in subordinate.finditer(folded):
        comma = sentence.find(",", match.end())
        conditional.append((match.start(), comma if comma >= 0 else len(sentence)))

    def take(index: int, passive: bool) -> None:
        word = words[index]
        negated = index > 0 and words[index - 1].group(0).lower() == present.negator
        start = words[index - 1].start() if negated else word.start()
        name = "ru.legal-present" + ("-not" if negated else "") + ("-passive" if passive else "")
        span = (start, word.end())
        claimed.append(span)
        used.add(index)
        modality = "prohibition" if negated else "obligation"
        found.append(_Found(None, name, modality, span[0], span[1], span, passive_hint=passive))

    def is_verb(index: int, pattern: Pattern[str]) -> bool:
        word = words[index].group(0)
        return (
            word[:1].islower()
            and word.lower() not in present.stop
            and pattern.fullmatch(word) is not None
            and not _overlaps(words[index].span(), claimed)
            and not _overlaps(words[index].span(), conditional)
        )

    relative, lowered = rules.relative.on(view)
    for mention in _mentions(rules, view, keys):
        if not _is_subject(rules, view, mention):
            continue
        after = [i for i, w in enumerate(words) if w.start() >= mention.end][: present.window]
        for i in after:
            if _overlaps(words[i].span(), claimed) or words[i].group(0).lower() in present.stop:
                break
            if sentence[mention.end : words[i].start()].count(",") % 2:
                break  # the verb of a participle phrase or a relative clause, not the subject's
            if i not in used and is_verb(i, rules.lp_verb):
                take(i, passive=rules.lp_passive.fullmatch(words[i].group(0)) is not None)
                break
    if not found:  # an agentless passive: "Решения … принимаются большинством"
        for i, word in enumerate(words):
            before = lowered[max(0, word.start() - 30) : word.start()]
            if is_verb(i, rules.lp_passive) and not relative.search(before.split(",")[-1]):
                take(i, passive=True)
                break
    return found


def _is_subject(rules: _Rules, view: Text, mention: _Mention) -> bool:
    """False for a mention in an oblique position: "of the Parties", "Совета Безопасности"."""
    start = max(0, mention.start - 60)
    oblique, text = rules.oblique_before.on(view)
    head = rules.heads.search(view.text[start : mention.start])
    if head:  # "the competent authorities of the Parties": the head decides
        return not oblique.search(text[start : start + head.start()])
    if oblique.search(text[start : mention.start]):
        return False
    form, _ = rules.oblique_form.on(view)
    return not form.match(mention.text.lower() if view.low is not None else mention.text)


def _subject(rules: _Rules, view: Text, mentions: list[_Mention], start: int, stop: int) -> _Mention | None:
    """The last subject-like bearer mention in ``[start, stop)``; a pronoun takes its antecedent."""
    sentence = view.text
    zone = [m for m in mentions if start <= m.start and m.end <= stop and _is_subject(rules, view, m)]
    if not zone:
        return None
    last = zone[-1]
    if last.pronoun:  # "If a Party considers that the other Party …, it may": the first subject
        antecedents = [
            m for m in mentions if m.end <= last.start and not m.pronoun and _is_subject(rules, view, m)
        ]
        if antecedents:
            return antecedents[0]._replace(start=last.start, end=last.end)
    if len(zone) > 1 and last.bearer == "named-party" and zone[-2].bearer == "named-party":
        between = sentence[zone[-2].end : last.start]
        if re.fullmatch(r"\s*(?:and|и)\s*", between):  # "The Community and Estonia shall"
            return _Mention(zone[-2].start, last.end, "parties", sentence[zone[-2].start : last.end])
    return last


def _agent(rules: _Rules, sentence: str, mentions: list[_Mention], after: int) -> _Mention | None:
    """The agent right after a passive verb: "by the Parties" (en), an instrumental noun (ru)."""
    for mention in mentions:
        if mention.start < after or mention.pronoun:
            continue
        between = sentence[after : mention.start]
        if len(_WORD.findall(between)) > 7 or re.search(r"[,;:.]", between):
            return None
        if rules.agent:
            if re.search(r"\bby\s+(?:[\w-]+\s+){0,3}$", between):
                return mention
            continue
        first = mention.text.split()[0].lower()
        previous = between.split()[-1].lower() if between.split() else ""
        if first.endswith(("ом", "ем", "ой", "ей", "ами", "ями")) or previous.endswith(("ием", "нием", "ом")):
            return mention
    return None


def _clause_text(sentence: str, start: int, limit: int, ends: Pattern[str] = _CLAUSE_END) -> str:
    end_match = ends.search(sentence, start)
    end = end_match.start() if end_match else len(sentence)
    text = " ".join(sentence[start:end].split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return text


def _markers(
    rules: _Rules, view: Text, claimed: list[tuple[int, int]], present: frozenset[str]
) -> tuple[list[tuple[int, str, str]], list[tuple[int, str]]]:
    """Exceptions first (they win overlaps), then conditions: (position, rule, text)."""
    sentence = view.text
    taken = list(claimed)
    exceptions: list[tuple[int, str]] = []
    for _name, folded, keys in rules.exceptions:
        if keys and present.isdisjoint(keys):
            continue
        pattern, text = folded.on(view)
        for match in pattern.finditer(text):
            if not _overlaps(match.span(), taken):
                taken.append(match.span())
                exceptions.append(
                    (match.start(), _clause_text(sentence, match.start(), _CONDITION_CHARS, _MARKER_END))
                )
    conditions: list[tuple[int, str, str]] = []
    for name, folded, keys in rules.conditions:
        if keys and present.isdisjoint(keys):
            continue
        pattern, text = folded.on(view)
        for match in pattern.finditer(text):
            if not _overlaps(match.span(), taken):
                taken.append(match.span())
                clause = _clause_text(sentence, match.start(), _CONDITION_CHARS, _MARKER_END).lstrip(",;:() ")
                conditions.append((match.start(), name, clause))
    return sorted(conditions), sorted(exceptions)


def _owner(position: int, found: list[_Found]) -> list[int]:
    """Indexes of the statements a marker at ``position`` belongs to: all of them when it opens
    the sentence, else the next statement ("…, по предложению Совета, обязан"), else the last one."""
    before = [i for i, f in enumerate(found) if f.start < position]
    if not before:
        return list(range(len(found)))
    after = [i for i, f in enumerate(found) if f.start > position]
    return [after[0]] if after else [before[-1]]


def _sentence_statements(rules: _Rules, sentence: str, offset: int) -> list[Statement]:
    low = sentence.lower()
    if rules.gate is not None and rules.gate.search(low) is None:
        return []  # no modal word at all: many sentences of a treaty, told apart cheaply
    present = rules.finder.present(low)
    view = faithful(sentence, low)
    found = _phrases(rules, view, present)
    if not found:
        return []
    mentions = _mentions(rules, view, present)
    conditions, exceptions = _markers(rules, view, [f.claim for f in found], present)
    condition_of: dict[int, tuple[str, str]] = {}
    for position, name, text in conditions:
        for i in _owner(position, found):
            condition_of.setdefault(i, (name, text))
    exceptions_of: dict[int, list[str]] = {}
    for position, text in exceptions:
        for i in _owner(position, found):
            exceptions_of.setdefault(i, []).append(text)

    statements: list[Statement] = []
    previous: _Mention | None = None
    passive_after, lowered = rules.passive.on(view)
    for i, f in enumerate(found):
        zone_start = found[i - 1].end if i else 0
        passive = f.passive_hint or passive_after.search(lowered[f.end :]) is not None
        mention = _agent(rules, sentence, mentions, f.end) if passive else None
        if f.rule is not None and f.rule.bearer_after:  # "nothing … shall prevent a Party from"
            mention = next((m for m in mentions if m.start > f.start and not m.pronoun), None)
        if mention is None and not passive:
            mention = _subject(rules, view, mentions, zone_start, f.end)
            if mention is None and i and previous is not None:
                mention = previous  # "… shall consult and shall inform": the same subject
        if mention is None and f.passive_hint and rules.lp_passive is not None:
            mention = _subject(rules, view, mentions, zone_start, f.end)  # "Совет собирается"
        bearer: Bearer = mention.bearer if mention else "none"
        bearer_text = mention.text if mention else None
        if mention is not None and mention.pronoun and bearer_text is not None:
            bearer_text = mention.text
        if f.modality == "declaration":
            bearer, bearer_text = "none", None
        previous = mention or previous
        condition = condition_of.get(i)
        statements.append(
            Statement(
                modality=f.modality,  # type: ignore[arg-type]
                rule=f.name,
                span=(offset + f.start, offset + f.end),
                modal=" ".join(sentence[f.start : f.end].split()),
                bearer=bearer,
                bearer_text=bearer_text,
                condition=condition[1] if condition else None,
                condition_rule=condition[0] if condition else None,
                exceptions=tuple(exceptions_of.get(i, ())),
                action=_clause_text(sentence, f.end, _ACTION_CHARS, _ACTION_END).lstrip(",;:() "),
            )
        )
    return statements


def extract(text: str, lang: str) -> tuple[Statement, ...]:
    """The obligation statements of one text, in document order.

    Args:
        text: a provision's text; spans in the result are offsets into it.
        lang: its language code (``en``, ``ru``).

    Raises:
        TreatydiffError: when no vocabulary exists for ``lang``.
    """
    rules = _rules(lang)
    statements: list[Statement] = []
    for offset, sentence in _sentences(text):
        statements += _sentence_statements(rules, sentence, offset)
    return tuple(statements)


def _conditions_only(text: str, lang: str) -> tuple[str, str] | None:
    """The first condition marker of a text that has no modal phrase (a point of a list)."""
    rules = _rules(lang)
    low = text.lower()
    conditions, _ = _markers(rules, faithful(text, low), [], rules.marker_finder.present(low))
    return (conditions[0][1], conditions[0][2]) if conditions else None


def chapeau_of(body: Body, provision_id: str) -> Provision | None:
    """The lead-in a point hangs from: the nearest earlier sibling ending with a colon."""
    parent = _parents(body).get(provision_id)
    if parent is None:
        return None
    siblings = parent.children
    index = next(i for i, child in enumerate(siblings) if child.id == provision_id)
    for sibling in reversed(siblings[:index]):
        if sibling.text.rstrip().endswith(_LEAD_IN_END):
            return sibling
    return None


def _parents(body: Body) -> dict[str, Provision]:
    return {child.id: node for node in body.walk() for child in node.children}


def analyse_provision(
    provision: Provision,
    lang: str,
    chapeau: ProvisionObligations | None = None,
    known: Mapping[str, tuple[Statement, ...]] | None = None,
) -> ProvisionObligations:
    """The statements of one provision; a point without its own inherits its chapeau's last one.

    ``known``: :func:`extract`'s results by text, found beforehand (treatydiff.obligations.prefetch).

    Raises:
        TreatydiffError: when no vocabulary exists for ``lang``.
    """
    if provision.kind in NO_NORMS:
        return ProvisionObligations(provision.id, lang, ())  # recitals give reasons, not duties
    found = known.get(provision.text) if known else None
    statements = extract(provision.text, lang) if found is None else found
    if not statements and chapeau is not None and chapeau.statements:
        last = chapeau.statements[-1]
        own = _conditions_only(provision.text, lang)
        statements = (
            replace(
                last,
                inherited_from=last.inherited_from or chapeau.provision,
                condition=last.condition or (own[1] if own else None),
                condition_rule=last.condition_rule or (own[0] if own else None),
            ),
        )
    return ProvisionObligations(provision.id, lang, statements)


def analyse_body(
    body: Body, wanted: Iterable[str] | None = None, known: Mapping[str, tuple[Statement, ...]] | None = None
) -> dict[str, ProvisionObligations]:
    """Statements of every leaf provision of a body (or only of the ``wanted`` ids), by id.

    Containers (an article with paragraphs) are not analysed themselves: their leaves
    are. A lead-in ending with a colon is the chapeau of the points after it. ``known``:
    :func:`extract`'s results by text, where found beforehand.

    Raises:
        TreatydiffError: when no vocabulary exists for the body's language.
    """
    only = None if wanted is None else set(wanted)
    results: dict[str, ProvisionObligations] = {}

    def visit(nodes: tuple[Provision, ...]) -> None:
        chapeau: ProvisionObligations | None = None
        for node in nodes:
            if node.children:
                visit(node.children)
                chapeau = None
                continue
            lead_in = node.text.rstrip().endswith(_LEAD_IN_END)
            if only is None or node.id in only or lead_in:
                result = analyse_provision(node, body.lang, chapeau, known)
                if only is None or node.id in only:
                    results[node.id] = result
                if lead_in:
                    chapeau = result
            if not lead_in and node.text.rstrip().endswith("."):
                chapeau = None  # the list has ended; the next paragraph stands alone

    visit(body.provisions)
    return results
