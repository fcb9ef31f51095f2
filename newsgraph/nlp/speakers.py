"""Component ``newsgraph_speakers``: each quote's speaker mention resolved to an entity.

Names resolve to the entity whose mention they are (or whose surname they carry); a
person the NER missed becomes a new PERSON entity.  Pronouns go to the most salient
earlier person of matching gender, salience being recency, having spoken last and being
mentioned often.  Nominals ("the diplomat", "the Russian foreign minister") go to the
latest person whose titles, or the roles those titles imply, match their head and
agree with their modifiers.  Anonymous and plural sources ("officials", "a source") are
left unresolved: a wrong speaker costs more than none.  What was learnt goes back onto
the entities: the nominal and pronoun mentions, and the roles.
"""
from __future__ import annotations

import bisect
import functools
import json
import pathlib
from dataclasses import dataclass, field
from typing import Optional

from spacy.attrs import DEP, IDX, LEMMA, LOWER, POS
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from newsgraph.model import Entity, Mention, Quote, next_entity_id
from newsgraph.nlp.attribution import mention_span
from newsgraph.nlp.component import doc_component
from newsgraph.resolve.gazetteer import gazetteer
from newsgraph.resolve.roles import role_of, title_at_end
from newsgraph.resolve.within import similar

DATA_DIR = pathlib.Path(__file__).resolve().parent.parent / "data"

#: Pronouns by the gender they require (None: not a person, a group or thing).
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f", "they": None, "it": None}
#: Entity types a plural or neuter pronoun may stand for.
GROUP_TYPES = ("ORG", "NORP", "GPE")
#: How many sentences back a pronoun or nominal looks for its antecedent.
PRONOUN_WINDOW = 4
NOMINAL_WINDOW = 40
#: Determiners of an anonymous source ("a source", "some officials").
INDEFINITE = {"a", "an", "some", "several", "many", "few", "two", "three", "other", "another", "one"}
#: Resolution confidence by how the speaker was found.
CONFIDENCE = {"name": 1.0, "surname": 0.9, "new": 0.7, "nominal": 0.85, "pronoun": 0.8, "group": 0.6}


@functools.lru_cache(maxsize=1)
def _knowledge() -> dict:
    raw = json.loads((DATA_DIR / "speaker_roles.json").read_text(encoding="utf-8"))
    names = json.loads((DATA_DIR / "given_names.json").read_text(encoding="utf-8"))
    return {"broader": {k: set(v) for k, v in raw["broader"].items()}, "of_state": set(raw["of_state"]),
            "state_qualifiers": set(raw["state_qualifiers"]), "subordinate": set(raw["subordinate"]),
            "female": set(raw["female"]), "male": set(raw["male"]), "relative": set(raw["relative"]),
            "given": {**{n: "m" for n in names["m"]}, **{n: "f" for n in names["f"]}}}


def role_classes(role: str) -> set[str]:
    """``"Russian Foreign Minister"`` -> ``{"foreign minister", "minister", "diplomat", ...}``:
    every title the role ends in (not "president" in "vice president") and the wider roles
    those titles imply, those of a state's office only when nothing but a place qualifies
    the title ("Kenyan President" is a head of state, a "central bank president" is not)."""
    original = role.split()
    words = [w.casefold() for w in original]
    k = _knowledge()
    out: set[str] = set()
    for n in range(1, len(words) + 1):
        suffix = " ".join(words[-n:])
        if n < len(words) and words[-n - 1] in k["subordinate"]:
            continue  # "vice president": not a president
        if suffix in k["broader"] or title_at_end([suffix]):
            out.add(suffix)
            implied = k["broader"].get(suffix, set())
            out |= implied if _of_a_state(original[:-n]) else implied - k["of_state"]
    return out


def _of_a_state(qualifiers: list[str]) -> bool:
    """Whether words before a title leave it a state's office: none, a place or demonym
    ("Kenyan", "South Korean", "Brazil's"), or a word such as "interim"."""
    words = [w.removesuffix("'s").removesuffix("\u2019s") for w in qualifiers]
    if not words or _place_word(" ".join(words)):
        return True
    return all(w.casefold() in _knowledge()["state_qualifiers"] or _place_word(w) for w in qualifiers)


def _place_word(text: str) -> bool:
    return gazetteer().adjective(text) is not None or any(
        p.kind in ("country", "region", "admin1") for p in gazetteer().places(text))


def gender_of_words(words: list[str]) -> Optional[str]:
    """"f"/"m" when a title or honorific among ``words`` says so."""
    k = _knowledge()
    lowered = {w.casefold() for w in words}
    if lowered & k["female"]:
        return "f"
    if lowered & k["male"]:
        return "m"
    return None


@dataclass
class _Candidate:
    entity: Entity
    positions: list[int] = field(default_factory=list)
    classes: set[str] = field(default_factory=set)
    modifiers: set[str] = field(default_factory=set)
    gender: Optional[str] = None
    spoke: int = -1  # char offset of its latest quote


class _Resolver:
    """Per-document state: candidates, their mention positions and who spoke last."""

    def __init__(self, doc: Doc, entities: list[Entity]):
        self.doc = doc
        self.text = doc.text
        self.entities = entities
        sents = [(s.start, s.end) for s in doc.sents]
        self.sent_starts = [doc[a].idx for a, _ in sents]
        self.cands = {e.id: self._candidate(e) for e in entities}
        table = _Table(doc)
        #: gender -> offsets of common nouns of that gender ("the woman"), which may be
        #: the antecedent of a pronoun instead of any named person
        self.gendered_nouns: dict[str, list[int]] = {"m": [], "f": []}
        genders = _gendered_hashes()
        noun = doc.vocab.strings["NOUN"]
        for i, lemma in enumerate(table.lemma):
            if lemma in genders and table.pos[i] == noun:
                self.gendered_nouns[genders[lemma]].append(table.idx[i])
        for eid, gender in _pronoun_evidence(table, sents, entities).items():
            if self.cands[eid].gender is None:
                self.cands[eid].gender = gender
        self.cache: dict[tuple[int, int], tuple[Optional[Entity], float]] = {}
        #: words of nationalities and countries in this text ("russian"), for role agreement
        self.national = {t.lower_ for e in doc.ents if e.label_ in ("NORP", "GPE") for t in e}

    def _candidate(self, ent: Entity) -> _Candidate:
        c = _Candidate(ent, sorted(m.start for m in ent.mentions))
        for role in ent.roles:
            c.classes |= role_classes(role)
            c.modifiers |= {w.casefold() for w in role.split()[:-1]}
        c.gender = gender_of_words([r for role in ent.roles for r in role.split()])
        if c.gender is None and ent.type == "PERSON":
            c.gender = self._honorific_gender(ent) or _knowledge()["given"].get(ent.name.split()[0])
        return c

    def _honorific_gender(self, ent: Entity) -> Optional[str]:
        """``Mr. Trump``, ``Mrs. Clinton``: the word before or at the start of a name."""
        text = self.text
        for m in ent.mentions:
            g = gender_of_words(text[max(0, m.start - 6):m.start].split()[-1:] + m.text.split()[:1])
            if g:
                return g
        return None

    def sentence(self, char: int) -> int:
        return bisect.bisect_right(self.sent_starts, char)

    # -- resolution ---------------------------------------------------------------

    def resolve(self, quote: Quote) -> tuple[Optional[Entity], float]:
        sm = quote.speaker_mention
        key = (sm.start, sm.end)
        if key not in self.cache:
            span = self.doc.char_span(sm.start, sm.end, alignment_mode="expand")
            self.cache[key] = self._resolve_span(span) if span is not None and len(span) else (None, 0.0)
        ent, conf = self.cache[key]
        if ent is not None:
            self.cands[ent.id].spoke = quote.start
        return ent, conf

    def _resolve_span(self, span: Span) -> tuple[Optional[Entity], float]:
        head = span.root
        if head.lower_ in _knowledge()["relative"] and head.tag_ in ("WP", "WDT"):
            antecedent = _antecedent(head)
            if antecedent is None:
                return None, 0.0
            ent, conf = self._resolve_span(self.doc.char_span(*mention_span(antecedent)))
            if ent is not None:
                self._add_mention(ent, span, "pronoun")
            return ent, conf
        named = self._named(span, head)
        if named is not None:
            return named
        if head.pos_ == "PRON":
            return self._pronoun(span, head)
        return self._nominal(span, head)

    def _named(self, span: Span, head: Token) -> Optional[tuple[Optional[Entity], float]]:
        covering = [e for e in self.entities if any(m.start <= head.idx < m.end and _named_mention(m)
                                                    for m in e.mentions)]
        inside = covering or [e for e in self.entities if any(
            span.start_char <= m.start and m.end <= span.end_char and _named_mention(m) for m in e.mentions)]
        if inside:
            people = [e for e in inside if e.type == "PERSON"]
            if people:
                return people[0], CONFIDENCE["name"]
            person = self._by_surname(head.text) if head.pos_ == "PROPN" else None
            if person is not None:
                return person, CONFIDENCE["surname"]
            if covering:
                return covering[0], CONFIDENCE["name"]
            return None
        if head.pos_ != "PROPN":
            return None
        person = self._by_surname(head.text)
        if person is not None:
            self._add_mention(person, _name_part(span), "name")
            return person, CONFIDENCE["surname"]
        return self._new_person(span), CONFIDENCE["new"]

    def _by_surname(self, word: str) -> Optional[Entity]:
        for e in self.entities:
            if e.type == "PERSON" and e.name.split() and similar(e.name.split()[-1], word):
                return e
        return None

    def _new_person(self, span: Span) -> Entity:
        """A named speaker the NER missed becomes a person of its own."""
        name = _name_part(span)
        ent = Entity(id=next_entity_id(self.entities), name=name.text, type="PERSON",
                     mentions=[Mention(name.start_char, name.end_char, name.text, "name")])
        self.entities.append(ent)
        self.cands[ent.id] = self._candidate(ent)
        return ent

    def _pronoun(self, span: Span, head: Token) -> tuple[Optional[Entity], float]:
        word = head.lower_
        if word not in PRONOUN_GENDER:
            return None, 0.0
        gender = PRONOUN_GENDER[word]
        people = word in ("he", "him", "she", "her")
        here = self.sentence(head.idx)
        scored = []
        for c in self.cands.values():
            if people != (c.entity.type == "PERSON") or (not people and c.entity.type not in GROUP_TYPES):
                continue
            if people and c.gender is not None and c.gender != gender:
                continue
            k = bisect.bisect_left(c.positions, head.idx)
            if k == 0:
                continue
            last = c.positions[k - 1]
            distance = here - self.sentence(last)
            if distance > (PRONOUN_WINDOW if people else 1):
                continue
            score = (2.0 if distance == 0 else 1.0 / (1 + distance)) + 0.05 * min(k, 10) \
                + (0.3 if 0 <= c.spoke < head.idx else 0.0)
            scored.append((score, last, c))
        if not scored:
            return None, 0.0
        scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
        best = scored[0]
        if people and self._noun_between(gender, best[1], head.idx):
            return None, 0.0  # "the woman ... she said": nobody named
        margin = best[0] - scored[1][0] if len(scored) > 1 else 1.0
        conf = CONFIDENCE["pronoun"] * (0.6 + 0.4 * min(1.0, margin))
        ent = best[2].entity
        if people and best[2].gender is None:
            best[2].gender = gender
        self._add_mention(ent, span, "pronoun")
        return ent, conf

    def _noun_between(self, gender: str, start: int, end: int) -> bool:
        nouns = self.gendered_nouns[gender]
        k = bisect.bisect_right(nouns, start)
        return k < len(nouns) and nouns[k] < end

    def _nominal(self, span: Span, head: Token) -> tuple[Optional[Entity], float]:
        words = [t.text for t in span if not t.is_punct]
        role = role_of(words)
        determiner = words[0].casefold() if words else ""
        if role is None or determiner in INDEFINITE or head.tag_ in ("NNS", "NNPS"):
            return self._group(span)
        classes = role_classes(role)
        modifiers = {w.casefold() for w in role.split()[:-1]}
        here = self.sentence(head.idx)
        best, best_key = None, None
        for c in self.cands.values():
            if c.entity.type != "PERSON" or not (classes & c.classes):
                continue
            k = bisect.bisect_left(c.positions, head.idx)
            if k == 0 or here - self.sentence(c.positions[k - 1]) > NOMINAL_WINDOW:
                continue
            if _nationality_clash(modifiers, c.modifiers, self.national):
                continue
            key = (len(modifiers & c.modifiers), c.positions[k - 1])
            if best_key is None or key > best_key:
                best, best_key = c, key
        if best is None:
            return self._group(span)
        self._add_mention(best.entity, span, "nominal")
        self._add_role(best, role)
        return best.entity, CONFIDENCE["nominal"]

    def _group(self, span: Span) -> tuple[Optional[Entity], float]:
        """``White House officials``: an organisation named inside an anonymous source."""
        for e in self.entities:
            if e.type in ("ORG",) and any(span.start_char <= m.start and m.end <= span.end_char for m in e.mentions):
                return e, CONFIDENCE["group"]
        return None, 0.0

    # -- feedback onto entities -----------------------------------------------------

    def _add_mention(self, ent: Entity, span: Span, kind: str) -> None:
        if any(m.start == span.start_char and m.end == span.end_char for m in ent.mentions):
            return
        ent.mentions.append(Mention(span.start_char, span.end_char, span.text, kind))
        ent.mentions.sort(key=lambda m: m.start)
        bisect.insort(self.cands[ent.id].positions, span.start_char)

    def _add_role(self, cand: _Candidate, role: str) -> None:
        if role.casefold() not in {r.casefold() for r in cand.entity.roles}:
            cand.entity.roles.append(role)
        cand.classes |= role_classes(role)


#: Pronouns that tell a person's gender, for evidence gathered over the whole text.
_GENDERED = {"he": "m", "him": "m", "his": "m", "himself": "m",
             "she": "f", "her": "f", "hers": "f", "herself": "f"}


class _Table:
    """Token attributes as plain lists: walking them costs far less than building a spaCy
    Token per position."""

    def __init__(self, doc: Doc):
        arr = doc.to_array([IDX, LOWER, LEMMA, POS, DEP])
        self.idx, self.lower, self.lemma, self.pos, self.dep = (arr[:, k].tolist() for k in range(5))
        self.nsubj = doc.vocab.strings["nsubj"]


@functools.lru_cache(maxsize=1)
def _gendered_hashes() -> dict[int, str]:
    """Hash of a gendered common noun or pronoun -> "f"/"m"."""
    k = _knowledge()
    words = {**{w: "m" for w in k["male"]}, **{w: "f" for w in k["female"]}, **_GENDERED}
    return {StringStore()[w]: g for w, g in words.items()}


def _pronoun_evidence(table: _Table, sents: list[tuple[int, int]], entities: list[Entity]) -> dict[str, str]:
    """Gender read off the text itself: a gendered subject pronoun in the sentence after
    one whose only named person is its subject counts for that person ("Lavrov said ...
    He added ..."); a clear majority decides."""
    names = sorted((m.start, m.end, e.id) for e in entities if e.type == "PERSON"
                   for m in e.mentions if m.kind == "name")
    starts = [n[0] for n in names]
    pronouns = {StringStore()[w]: g for w, g in _GENDERED.items()}
    votes: dict[str, list[int]] = {}
    subject: str | None = None
    for a, b in sents:
        if subject is not None:
            for i in range(a, b):
                if table.dep[i] == table.nsubj and table.lower[i] in pronouns:
                    votes.setdefault(subject, [0, 0])[pronouns[table.lower[i]] == "f"] += 1
                    break
        lo, hi = table.idx[a], table.idx[b - 1] + 1
        named = {eid for start, _, eid in names[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]}
        subjects = set()
        for i in range(a, b):
            if table.dep[i] == table.nsubj:
                k = bisect.bisect_right(starts, table.idx[i]) - 1
                if k >= 0 and names[k][0] <= table.idx[i] < names[k][1]:
                    subjects.add(names[k][2])
        subject = next(iter(subjects)) if len(named) == 1 and subjects == named else None
    return {eid: "m" if m > 2 * f else "f" for eid, (m, f) in votes.items() if m > 2 * f or f > 2 * m}


def _nationality_clash(mine: set[str], theirs: set[str], national: set[str]) -> bool:
    """"the American diplomat" is not the Russian foreign minister: where both sides name
    a nationality or country, they must share one."""
    a, b = mine & national, theirs & national
    return bool(a) and bool(b) and not (a & b)


def _antecedent(relative: Token) -> Optional[Token]:
    """The noun a relative clause hangs from: ``Trump, who said ...`` -> Trump."""
    t = relative.head
    for _ in range(3):
        if t.dep_ == "relcl":
            return t.head
        if t.head == t:
            break
        t = t.head
    return None


def _name_part(span: Span) -> Span:
    """The proper-noun run around the head: ``Rep. Jim Clyburn (D-S.C.)`` -> ``Jim Clyburn``."""
    head = span.root
    i = j = head.i
    doc = span.doc
    while i - 1 >= span.start and doc[i - 1].pos_ == "PROPN" and not doc[i - 1].text.endswith("."):
        i -= 1
    while j + 1 < span.end and doc[j + 1].pos_ == "PROPN":
        j += 1
    return doc[i:j + 1]


def _named_mention(m: Mention) -> bool:
    """A name mention worth trusting: names are capitalised ("the minister" tagged as a
    person by the NER is not one)."""
    return m.kind != "name" or any(ch.isupper() for ch in m.text)


def _widen_roles(ent: Entity) -> None:
    """A speaker's titles with the roles they imply: ``Russian Foreign Minister`` adds
    ``foreign minister``, ``minister`` and ``diplomat``."""
    known = {r.casefold() for r in ent.roles}
    for role in list(ent.roles):
        for cls in sorted(role_classes(role)):
            if cls not in known:
                ent.roles.append(cls)
                known.add(cls)


def resolve_speakers(doc: Doc) -> list[Quote]:
    """The quotes of ``doc`` with speaker, speaker_name and confidence filled in; the
    entities (``doc._.entities``) gain the mentions and roles found on the way."""
    quotes = doc._.quotes or []
    if doc._.entities is None:
        doc._.entities = []
    resolver = _Resolver(doc, doc._.entities)
    for q in sorted(quotes, key=lambda q: q.speaker_mention.start if q.speaker_mention else q.start):
        if q.speaker_mention is None:
            q.speaker = q.speaker_name = None
            q.confidence = 0.0
            continue
        ent, conf = resolver.resolve(q)
        if ent is not None and ent.type == "PERSON":
            _widen_roles(ent)
        q.speaker = ent.id if ent else None
        q.speaker_name = ent.name if ent else None
        q.confidence = round(q.confidence * (conf if ent else 0.5), 3)
    return quotes


@Language.factory("newsgraph_speakers")
def make_speakers(nlp: Language, name: str):
    return doc_component("speakers", "quotes", resolve_speakers)
