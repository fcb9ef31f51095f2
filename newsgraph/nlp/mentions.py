"""Name mentions from the small model's entities, mended where it is predictably wrong.

``en_core_web_sm`` misses names in upper-case lines, puts determiners and possessive
endings inside spans ("the United States", "Reagan 's"), tags countries as people or
organisations, reads clubs in sports results as places, misses a name it found a line
earlier, and labels one name differently within one article.  Each fix is one small pass
over token spans; lookups are dictionary hits, so the passes cost little next to the parser.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from typing import Callable, Iterable

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.recase import TokenSpan, recased_entities
from newsgraph.nlp.lexicon import load
from newsgraph.resolve.gazetteer import Place, gazetteer, variants
from newsgraph.resolve.roles import is_title, marks_person
from newsgraph.resolve.within import NAME_LABELS, similar

#: Words dropped from the edges of a name span.
LEADING = {"the", "a", "an"}
TRAILING = {"'s", "\u2019s", "'", "\u2019"}
#: Longest name (in tokens) looked up in the gazetteer or matched again in the text.
MAX_NAME_TOKENS = 5
#: Labels a country name may wrongly carry; GPE and LOC are right for it.
COUNTRY_WRONG = {"PERSON", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LANGUAGE"}
#: Cities this big are places, not people or organisations, when the model says otherwise;
#: smaller towns only after a locative preposition ("in Delft").
BIG_CITY = 100_000
#: Designators that end a company's name, which no title makes a person's.
CORPORATE = frozenset({"ltd", "inc", "corp", "co", "plc", "llc", "spa", "ag", "sa", "nv", "gmbh", "bhd", "pte"})
#: Words that name a storm with the name after them, and what ends an office named after
#: storms ("Storm Prediction Center").
STORM_WORDS = frozenset({"hurricane", "typhoon", "cyclone", "storm"})
STORM_OFFICES = frozenset({"center", "centre", "agency", "service", "office", "bureau", "institute", "unit"})
#: Prepositions that put the next name on the map.
LOCATIVE = {"in", "at", "near", "outside", "from", "into", "to"}
#: Labels of names that may contain a place name ("Air Zimbabwe", "Washington Post").
CONTAINERS = {"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
#: Labels of names that contain a place when the gazetteer does not know them whole
#: ("Greece Italy" from a dropped comma, "Building Ireland", "north west London").
PLACE_NAMES = {"GPE", "LOC"}
#: Prepositions after a team verb that introduce the other team ("lost to", "drew with").
TEAM_PREPOSITIONS = {"to", "with", "against", "over", "by"}
#: Labels whose names never end in a number, so a trailing score or count is cut off.
NUMBERLESS = {"PERSON", "GPE", "LOC", "NORP", "FAC", "ORG"}
#: Integers in a line that mark it as a results line ("Chicago 5 Houston 3").
_INTEGER = re.compile(r"^\d{1,3}$")
#: A count or score at the end of a span ("Lithuania 2-1", "G. Kersey 63").
_SCORE = re.compile(r"^\d+(?:[-:.]\d+)*$")


@functools.cache
def team_cues() -> frozenset[str]:
    return frozenset(load("team_cues.json")["words"])


@functools.cache
def calendar_words() -> frozenset[str]:
    """Months and weekdays, which share their names with towns (March, Cambridgeshire)."""
    times = load("times.json")
    return frozenset([*times["months"], *times["weekdays"]])


@functools.cache
def generic_place_words() -> frozenset[str]:
    return frozenset(load("generic_place_words.json")["words"])


def name_spans(doc: Doc, ner: Callable[[Doc], Doc], dictionary: frozenset[str]) -> list[TokenSpan]:
    """Mended name spans of ``doc`` as (start token, end token, label), in text order."""
    touched, recased = recased_entities(doc, ner, dictionary)
    spans = [(e.start, e.end, e.label_) for e in doc.ents
             if e.label_ in NAME_LABELS and not any(i in touched for i in range(e.start, e.end))]
    spans += [s for s in recased if s[2] in NAME_LABELS]
    spans = [t for t in (trim(doc, s) for s in spans) if t is not None]
    spans = [retype(doc, s) for s in spans]
    words = Words(doc)
    spans = _merge(spans, gazetteer_spans(words, spans))
    spans = _merge(spans, repeated_spans(words, spans))
    return vote(doc, spans)


def trim(doc: Doc, span: TokenSpan) -> TokenSpan | None:
    """The span without a leading article, trailing possessive, punctuation or space."""
    start, end, label = span
    while start < end and (doc[start].lower_ in LEADING or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].lower_ in TRAILING or doc[end - 1].is_punct or doc[end - 1].is_space
                           or (label in NUMBERLESS and _SCORE.match(doc[end - 1].text))):
        end -= 1
    if end > start and doc[end - 1].text.endswith(("'s", "\u2019s")) and len(doc[end - 1]) > 2:
        return None  # the possessive is glued to the word: no token boundary to cut at
    return (start, end, label) if end > start else None


def retype(doc: Doc, span: TokenSpan) -> TokenSpan:
    """Correct the label from the gazetteer and the sentence: a country is GPE, a region
    LOC, a demonym NORP; a name after a title or honorific is a PERSON; a place that beats
    or hosts someone is a club (ORG); a big city or subdivision, or a known town after "in",
    is a GPE whatever the model said."""
    start, end, label = span
    text = doc[start:end].text
    if named_storm(doc[start:end]):
        return start, end, "EVENT"  # "Cyclone Winston" is no person
    places = gazetteer().places(text)
    kinds = {p.kind for p in places}
    if "country" in kinds:
        return (start, end, "GPE") if label in COUNTRY_WRONG else span
    if label in {"ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"} and not places and titled(doc, start, end):
        return start, end, "PERSON"
    if "region" in kinds and label in {"PERSON", "NORP", "FAC", "GPE"}:
        return start, end, "LOC"
    adjective = gazetteer().adjective(text)
    if not places and adjective is not None and label in {"PERSON", "ORG", "GPE", "LOC"}:
        return start, end, "NORP"
    if (label in {"GPE", "LOC"} or (places and label in {"PERSON", "ORG"})) and "region" not in kinds \
            and playing_team(doc, start, end):
        return start, end, "ORG"
    if label in {"PERSON", "NORP", "ORG"} and adjective is None and places and (
            any(_well_known(p) for p in places) or (start > 0 and doc[start - 1].lower_ in LOCATIVE)):
        return start, end, "GPE"
    return span


def named_storm(span: Span) -> bool:
    """"Cyclone Winston", "Tropical Storm Alberto": a storm word, then its name."""
    words = [t.lower_ for t in span]
    if words[:1] == ["tropical"]:
        words = words[1:]
    return len(words) > 1 and words[0] in STORM_WORDS and not set(words[1:]) & (STORM_WORDS | STORM_OFFICES)


def titled(doc: Doc, start: int, end: int) -> bool:
    """A name right after a title or honorific ("Violinist Anna Lavrov", "Ms. Lavrov"), or
    with a title in apposition ("Anna Lavrov, a violinist,", "its director, Anna Lavrov,")
    names a person."""
    if doc[end - 1].lower_.rstrip(".") in CORPORATE:
        return False  # "state-owned producer, Hindustan Copper Ltd"
    if start > 0 and marks_person(doc[start - 1].text):
        return True
    root = doc[start:end].root
    if root.dep_ == "appos" and root.head.i < start and is_title(root.head.text):
        return True
    return any(c.dep_ == "appos" and is_title(c.text) for c in root.children)


def _well_known(place: Place) -> bool:
    return place.kind == "admin1" or (place.kind == "city" and place.population >= BIG_CITY)


def playing_team(doc: Doc, start: int, end: int) -> bool:
    """A name that beats, hosts or draws with someone, or is followed by a score in a
    results line, names a team."""
    root = doc[start:end].root
    head = root.head
    if root.dep_ in {"nsubj", "dobj", "nsubjpass"} and head.lemma_ in team_cues():
        return True
    if root.dep_ == "pobj" and head.lower_ in TEAM_PREPOSITIONS and head.head.lemma_ in team_cues():
        return True
    if end < len(doc) and _INTEGER.match(doc[end].text):
        line_ints = [t for t in _line(doc, start) if _INTEGER.match(t.text)]
        return len(line_ints) >= 2
    return False


def _line(doc: Doc, i: int) -> list[Token]:
    start = i
    while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    end = i
    while end < len(doc) and "\n" not in doc[end].text and "\n" not in doc[end].whitespace_:
        end += 1
    return list(doc[start:min(end + 1, len(doc))])


def _label_for(place: Place) -> str:
    return "GPE" if place.kind == "country" else "LOC"


class Words:
    """Plain per-token arrays of a Doc: indexing a Doc builds a Token object each time,
    which the passes below would otherwise do for every token several times over."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text
        self.words = [t.text for t in doc]
        self.starts = [t.idx for t in doc]
        self.capital = [t.is_title or t.is_upper for t in doc]
        self.title = [t.is_title for t in doc]
        self.space = [t.is_space for t in doc]

    def __len__(self) -> int:
        return len(self.words)

    def span_text(self, start: int, end: int) -> str:
        return self.text[self.starts[start]:self.starts[end - 1] + len(self.words[end - 1])]


def gazetteer_spans(w: Words, spans: list[TokenSpan]) -> list[TokenSpan]:
    """Countries, regions and demonyms the model left untagged (capitalised words only), and
    known cities and subdivisions after a locative preposition ("in Manbij")."""
    taken = _covered(spans)
    found = []
    i = 0
    while i < len(w):
        match = None
        if w.capital[i] and i not in taken:
            for n in range(min(MAX_NAME_TOKENS, len(w) - i), 0, -1):
                end = i + n
                if not w.capital[end - 1] or any(j in taken or w.space[j] for j in range(i, end)):
                    continue
                text = w.span_text(i, end)
                known = gazetteer().places(text)
                places = [p for p in known if p.kind in ("country", "region")]
                if places:
                    match = (i, end, _label_for(places[0]))
                elif known and w.title[i] and i > 0 and w.words[i - 1] in LOCATIVE and text not in calendar_words():
                    match = (i, end, "GPE")  # "in Manbij", but "in March" is a month
                elif w.title[i] and gazetteer().adjective(text) is not None:
                    match = (i, end, "NORP")
                if match:
                    break
        if match:
            found.append(match)
            i = match[1]
        else:
            i += 1
    return found


def embedded_spans(doc: Doc, spans: list[TokenSpan]) -> list[TokenSpan]:
    """Places named inside other names: "Zimbabwe" in "Air Zimbabwe", "Toronto" in "Toronto
    Transit Commission", "Ireland" in a place name the gazetteer lacks ("Building Ireland"),
    a town the article names as a place elsewhere ("Allendale" in "Allendale Woman's Club").
    A lone generic word ("South" in "South Kilburn Estate") is none."""
    found = []
    named = {doc[start:end].text for start, end, label in spans if label in PLACE_NAMES}
    for start, end, label in spans:
        if end - start < 2 or not (label in CONTAINERS or (label in PLACE_NAMES and not _known(doc[start:end].text))):
            continue
        i = start
        while i < end:
            match = None
            for n in range(min(3, end - start - 1, end - i), 0, -1):
                words = doc[i:i + n]
                if n == 1 and words.text.lower() in generic_place_words():
                    continue
                if all(t.is_title or t.is_upper for t in words if t.is_alpha):
                    label = "GPE" if words.text in named else _embedded(words.text)
                    if label:
                        match = (i, i + n, label)
                        break
            found += [match] if match else []
            i = match[1] if match else i + 1
    return found


def _known(name: str) -> bool:
    return any(gazetteer().places(v) for v in variants(name))


def _embedded(text: str) -> str | None:
    places = gazetteer().places(text)
    if any(p.kind in ("country", "region", "admin1") for p in places):
        return "LOC" if places[0].kind == "region" else "GPE"
    # One word is a place inside a name only if big ("Toronto", not "Stanley" in "Morgan
    # Stanley"); a longer name by its own spelling ("Beverly Hills", "Suffolk County").
    if any(p.kind in ("city", "admin2") and p.name == text and (p.population >= BIG_CITY or " " in text)
           for p in places):
        return "GPE"
    return "NORP" if gazetteer().adjective(text) is not None and text[0].isupper() else None


def repeated_spans(w: Words, spans: list[TokenSpan]) -> list[TokenSpan]:
    """Untagged repeats of names tagged elsewhere in the article, and lone surnames of
    people named in full ("Lebed" after "Alexander Lebed")."""
    known: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for start, end, label in spans:
        words = tuple(w.words[start:end])
        known[words][label] += 1
        if label == "PERSON" and len(words) > 1 and w.title[end - 1] and len(words[-1]) > 2:
            known[(words[-1],)]["PERSON"] += 1
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in sorted(known, key=len, reverse=True):
        if words[0][:1].isupper() and len(words) <= MAX_NAME_TOKENS:
            by_first[words[0]].append(words)
    taken = _covered(spans)
    found = []
    i = 0
    while i < len(w):
        hit = next((name for name in by_first.get(w.words[i], ())
                    if tuple(w.words[i:i + len(name)]) == name
                    and not any(j in taken for j in range(i, i + len(name)))), None)
        if hit:
            found.append((i, i + len(hit), known[hit].most_common(1)[0][0]))
            i += len(hit)
        else:
            i += 1
    return found


def vote(doc: Doc, spans: list[TokenSpan]) -> list[TokenSpan]:
    """One label per name in an article: the majority over its mentions, where a lone
    word that is (a spelling of) the surname of a person named in full is that person."""
    labels: dict[str, Counter] = defaultdict(Counter)
    surnames = set()
    for start, end, label in spans:
        labels[doc[start:end].text][label] += 1
        if label == "PERSON" and end - start > 1:
            surnames.add(doc[end - 1].text)
    out = []
    for start, end, label in spans:
        text = doc[start:end].text
        if (end - start == 1 and any(similar(text, s) for s in surnames)
                and not gazetteer().is_country_or_region(text)):
            out.append((start, end, "PERSON"))
            continue
        best, n = labels[text].most_common(1)[0]
        out.append((start, end, best if n > labels[text][label] else label))
    return out


def _covered(spans: Iterable[TokenSpan]) -> set[int]:
    return {i for start, end, _ in spans for i in range(start, end)}


def _merge(spans: list[TokenSpan], extra: list[TokenSpan]) -> list[TokenSpan]:
    taken = _covered(spans)
    return sorted(spans + [s for s in extra if not any(i in taken for i in range(s[0], s[1]))])
