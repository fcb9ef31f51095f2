"""Component ``newsgraph_places``: the article's places on the map.

Reads the entities of ``newsgraph_entities`` and gives each place its country (ISO 3166
alpha-2), coordinates, GeoNames id (the ISO code for a country) and, for regions, member
countries; demonyms ("Russian", "Central Asian") get the country or region they refer to
and keep their NORP type, and so does an organisation called by a place's name.  A capital
that acts ("Moscow was engaged in ...", "Moscow and its partners remain committed") is
marked as standing for its state.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Entity, Mention, next_entity_id
from newsgraph.nlp.component import doc_component
from newsgraph.nlp.mentions import BIG_CITY
from newsgraph.resolve.gazetteer import Place, fold, gazetteer, is_code, towns, variants
from newsgraph.resolve.geocode import Context, choose, inside

PLACE_LABELS = {"GPE", "LOC", "FAC"}
#: An upper-case place opening the text, a paragraph or a sentence: "LONDON 1996-08-30",
#: "SALVADOR, Feb 26 -", "... wages. BOSTON (Reuters) -", "NEW DELHI: The court",
#: "IMMOKALEE \u2013 The congressman".
DATELINE = re.compile(r"(?:\A|\n|(?<=[.!?] ))\s*([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+)*)(?=\s*(?:,|\(|:|\d|-|\u2013|\u2014|\n))")
#: Labels the model gives a dateline city that a dateline corrects.
DATELINE_WRONG = {"ORG", "PERSON"}
#: Capitalised words after "<place>, ": the state, county or country that places it.
AREA_WORDS = re.compile(r"[A-Z][\w'\u2019.\-]*(?: [A-Z][\w'\u2019.\-]*){0,3}")
#: Kinds of place that can follow a city after a comma ("Fresno, Calif.", "Croft, Yorkshire").
AREA_KINDS = {"country", "admin1", "admin2"}
#: Kinds of place that may be a town's namesake far away; a country, region or state is not.
LOCAL_KINDS = {"city", "admin2"}
#: Dependencies of a name that acts: subject, possessor, agent.
AGENT_DEPS = {"nsubj", "nsubjpass", "poss"}


def find_places(doc: Doc) -> list[Entity]:
    entities = list(doc._.entities or [])
    text = doc.text  # built anew by spaCy on every access
    datelines = _datelines(text, entities)
    _add_areas(text, entities)
    dateline = datelines[0] if datelines and not text[:datelines[0].mentions[0].start].strip() else None
    candidates = {e.id: _candidates(e) for e in entities if e.type in PLACE_LABELS}
    # Demonyms tell where the story is too: "Scottish students ... in Perth".
    adjectives = [[p] for e in entities if e.type == "NORP" and (p := _adjective(e)) is not None]
    ctx = Context.of([*candidates.values(), *adjectives])
    dateline_place = None
    if dateline is not None:
        # The dateline is read in the light of the rest ("SPRINGFIELD" in a story about Illinois).
        dateline_place = choose(candidates[dateline.id], ctx.without(candidates[dateline.id]), name=dateline.name)
        ctx = Context.of([*candidates.values(), *adjectives], dateline_place)
    # Each name is chosen in the context of the others; towns only after the context is
    # set: a lone village of a name is weak evidence.
    contexts = {eid: ctx.without(places) for eid, places in candidates.items()}
    for e in entities:
        if e.id in candidates and not candidates[e.id]:
            candidates[e.id] = _towns(e)
    by_start = {m.start: e for e in entities for m in e.mentions}
    for e in entities:
        seat = gazetteer().seat(e.name)
        if seat is not None:
            _locate(e, seat, is_place=False)  # "the White House" is in Washington
        elif e.type in PLACE_LABELS:
            others = contexts[e.id]
            place = dateline_place if e is dateline else _choose(e, candidates[e.id], others,
                                                                 _area_after(text, e, by_start, others))
            if place is not None:
                _locate(e, place, is_place=True)
                if place.capital_of and any(acts(doc, m) for m in e.mentions):
                    e.metonym_for = place.capital_of
        elif e.type == "NORP":
            place = _adjective(e)
            if place is not None:
                _locate(e, place, is_place=False)
        elif e.type == "ORG":
            # An organisation called by a place's name is there: "the EU", a club "Portland";
            # an acronym only by a country's or region's ("the OAS" is no Philippine town)
            places = [p for p in gazetteer().places(e.name) if not is_code(e.name) or p.kind in ("country", "region")]
            place = choose(places, ctx, name=e.name)
            if place is not None:
                _locate(e, place, is_place=False)
    return entities


def _candidates(e: Entity) -> list[Place]:
    for name in [e.name, *(m.text for m in e.mentions)]:
        for variant in variants(name):
            places = gazetteer().places(variant)
            if places:
                return places
    return []


def _choose(e: Entity, places: list[Place], ctx: Context, area: Optional[Place]) -> Optional[Place]:
    """``choose``, with the towns of the name too when none of its places lies in the state
    or country written after it ("Hinton, West Virginia", not the Alberta district), else
    with its towns in the states or countries the article names (``_local_towns``)."""
    if area is not None and places and not any(inside(p, area) for p in places):
        places = places + _towns(e)
    elif places:
        places = places + _local_towns(e, places, ctx)
    return choose(places, ctx, area, e.name)


def _local_towns(e: Entity, places: list[Place], ctx: Context) -> list[Place]:
    """The towns of the name in a state the article names when none of its places is there
    or is a state of a country it names ("Nelson" in a story about British Columbia, not the
    New Zealand city or region; "Wales" beside "England" stays Wales), else in a country it
    names when none of its places is in one ("Ballina" in an Irish story).  A big city's
    own name is not a village's: "Louisville" stays in Kentucky in a story that names Ohio."""
    if any(p.kind == "city" and p.population >= BIG_CITY and fold(p.name) == fold(e.name) for p in places):
        return []
    if ctx.admin1 and not any(_in_context(p, ctx) for p in places):
        return [t for t in _towns(e) if t.admin1 in ctx.admin1]
    if not any(ctx.countries[p.country] for p in places if p.country):
        return [t for t in _towns(e) if ctx.countries[t.country]]
    return []


def _in_context(place: Place, ctx: Context) -> bool:
    return place.admin1 in ctx.admin1 or (place.kind not in LOCAL_KINDS and bool(ctx.countries[place.country]))


def _towns(e: Entity) -> list[Place]:
    """Places too small for the main gazetteer, by the names as written (a designator
    dropped would turn "Collier County" into some village called Collier)."""
    for name in [e.name, *(m.text for m in e.mentions)]:
        places = towns().places(name)
        if places:
            return places
    return []


def _adjective(e: Entity) -> Optional[Place]:
    for m in e.mentions:
        for variant in variants(m.text):
            place = gazetteer().adjective(variant)
            if place is not None:
                return place
    return None


def _locate(e: Entity, place: Place, is_place: bool) -> None:
    """Give ``e`` the place's point, country and members; its knowledge-base id only when
    ``e`` is that place (a demonym or an organisation is not), and the gazetteer's name
    when it is a country or region ("U.S." -> "United States")."""
    e.country, e.lat, e.lon = place.country, place.lat, place.lon
    e.members = list(place.members)
    if is_place:
        e.kb_id = place.kb_id
        if place.kind in ("country", "region"):
            e.name = place.name


def _datelines(text: str, entities: list[Entity]) -> list[Entity]:
    """The entities of the dateline places, in text order, added where the model missed them;
    the one opening the text (if any) places the story."""
    found = []
    for match in DATELINE.finditer(text):
        e = _dateline(text, match.span(1), entities)
        if e is not None and e not in found:
            found.append(e)
    return found


def _dateline(text: str, span: tuple[int, int], entities: list[Entity]) -> Optional[Entity]:
    """The place entity of a dateline; a known city there that the model called an
    organisation or a person is a place ("PLEASANTON, Calif.--(BUSINESS WIRE)--")."""
    start, end = span
    city = any(p.kind == "city" for p in gazetteer().places(text[start:end]))
    if city:
        _unglue(entities, start, end)
    for e in entities:
        if any(m.start <= start < m.end for m in e.mentions):
            if e.type in DATELINE_WRONG and city and all((m.start, m.end) == span for m in e.mentions):
                e.type = "GPE"
            return e if e.type in PLACE_LABELS else None
    return _add_place(entities, text, start, end) if city else None


def _unglue(entities: list[Entity], start: int, end: int) -> None:
    """Drop the mentions in which the model glued a dateline city to the words after it
    ("TORONTO - Police" as an organisation), and an entity left with none."""
    for e in list(entities):
        if e.type in DATELINE_WRONG and any(m.start == start and m.end > end for m in e.mentions):
            e.mentions = [m for m in e.mentions if not (m.start == start and m.end > end)]
            if not e.mentions:
                entities.remove(e)


def _add_place(entities: list[Entity], text: str, start: int, end: int) -> Entity:
    """A place name the model missed, as a mention of the place entity already called so
    ("BOSTON (Reuters) - ... in Boston"), else of a new one."""
    name = text[start:end]
    mention = Mention(start, end, name, "name")
    for e in entities:
        if e.type in PLACE_LABELS and fold(e.name) == fold(name):
            e.mentions = sorted([*e.mentions, mention], key=lambda m: m.start)
            return e
    e = Entity(id=next_entity_id(entities), name=name.title() if name.isupper() else name, type="GPE",
               mentions=[mention])
    entities.append(e)
    return e


def _add_areas(text: str, entities: list[Entity]) -> None:
    """Add the state, county or country written after a place when the model missed it
    ("PLEASANTON, Calif.", "New Quay, Ceredigion")."""
    covered = {i for e in entities for m in e.mentions for i in range(m.start, m.end)}
    for e in list(entities):
        if e.type not in PLACE_LABELS:
            continue
        for m in e.mentions:
            match = AREA_WORDS.match(text, m.end + 2) if text.startswith(", ", m.end) else None
            if match is None or match.start() in covered:
                continue
            words = match.group().split(" ")
            for n in range(len(words), 0, -1):
                name = " ".join(words[:n]).rstrip("-")  # "PLEASANTON, Calif.--(BUSINESS WIRE)--"
                name = name if gazetteer().places(name) else name.rstrip(".,")
                if any(p.kind in AREA_KINDS for p in gazetteer().places(name)):
                    start, end = match.start(), match.start() + len(name)
                    _add_place(entities, text, start, end)
                    covered.update(range(start, end))
                    break


def _area_after(text: str, e: Entity, by_start: dict[int, Entity], ctx: Context) -> Optional[Place]:
    """The state or country written right after a mention ("Portland, Oregon")."""
    for m in e.mentions:
        rest = text[m.end:m.end + 3]
        if rest.startswith(", "):
            other = by_start.get(m.end + 2)
            if other is not None and other is not e:
                areas = [p for p in _candidates(other) if p.kind in ("country", "admin1")]
                if areas:
                    return choose(areas, ctx)
    return None


def acts(doc: Doc, mention: Mention) -> bool:
    """The place is a subject, possessor or agent: it stands for the people who run it."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "conj":
        root = root.head
    if root.dep_ in AGENT_DEPS:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.head.tag_ == "VBN"


@Language.factory("newsgraph_places")
def make_places(nlp: Language, name: str):
    return doc_component("places", "entities", find_places)
