"""Component ``newsgraph_events``: who did what to whom, coded in CAMEO.

A verb found in the CAMEO verb dictionary is an event when its subject and one of its
arguments resolve to entities (``newsgraph.nlp.actors``).  Around that core the clause
decides what kind of event it is:

* a verb under an intention ("seeks to", "is committed to", "vowed to") or hedged ("may
  impose", "would attack if provoked") announces the act: cooperation becomes CAMEO 03,
  force becomes 13;
* a verb under another coded verb belongs to it ("called on X to withdraw" is an appeal,
  not a withdrawal; "signed an accord to supply" is the signing);
* a negated or disputed act ("does not consider", "did not attack", "refusal to talk",
  "denied that Russia attacked", but not "cannot but applaud") did not happen: no event,
  unless the pipeline asks to keep it flagged ``negated`` (to study denials); a
  conditional ("if they attack") is no event;
* a passive takes its agent, and so does a participle, a passive on the noun it modifies
  ("the sanctions imposed by the US on Iran"), but a subject inherited through a raising
  passive acts ("Arnor is said to be about to restore ties");
* a warning targets what it is about ("warned Gondor about the Prince");
* a reported clause whose pronoun subject is the reporter ("Ethiopia said it would restore
  ties") is the reporter's act, and with a future modal its announcement (CAMEO 03 or 13);
* coordinated subjects with no target do a joint act to each other ("A and B signed a
  treaty", but not "A and B praised the plan"), and no actor acts on itself; a verb with
  no object shares that of the verb coordinated after it ("met and praised China"); a
  relative clause acts on the noun it modifies ("the delegation, which Russia criticized");
* a statement names its target in its "that" clause ("said that Russia ..."); a place
  after the object that codes a meeting, signing or aid is where it happened ("signed an
  agreement in Istanbul"), not a party, while words and force are about the place;
* an event noun that is the subject of a verb of happening, or of any verb in the simple
  past, is an event too ("talks between A and B began", "the president's visit to Brazil
  ended", "Russia's attack on Georgia killed ten"), and the object of a light verb codes
  it ("held talks with", "staged an attack on": the dictionary's ``light_verbs``).
"""
from __future__ import annotations

from typing import Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.model import Event
from newsgraph.nlp.actors import ACTOR_PREPS, LOCATIVE, UNKNOWN_COUNTRY, Actor, ActorTable, DocActors
from newsgraph.nlp.cameo import Action, Codebook, VerbDictionary, codebook, verbs
from newsgraph.nlp.component import doc_component

#: Dependencies along which a verb inherits the subject, negation and intention of its
#: governor: "is about to restore", "committed to expanding", "refused to meet".
CONTROL_DEPS = frozenset({"xcomp", "pcomp", "prep", "acomp", "conj", "acl", "advcl", "dobj", "attr"})
#: Of those, the ones that carry negation and intention down (not coordination or adjuncts).
SCOPE_DEPS = frozenset({"xcomp", "pcomp", "prep", "acomp", "acl", "advcl", "dobj", "attr"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Locative prepositions (``LOCATIVE``) name a target only when the dictionary entry names
#: them ("arrive in") or the act is hostile ("fired at").
#: Prepositions naming a verb's target, in order; a place only after everything else ("shot
#: at US officers while in detention in Afghanistan").
TARGET_PREPS = tuple(dict.fromkeys(
    [p for p in ACTOR_PREPS if p not in LOCATIVE] + ["for", "into", "upon", "over", "at", "in"]))
#: Prepositions after an event noun that name its target ("visit to", "attack on"; "of" when
#: the noun has a source: "Russia's invasion of Ukraine").
NOMINAL_TARGET_PREPS = frozenset({"to", "with", "against", "on", "into", "of"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
#: Prepositions through which an object names what it is a quantity or batch of: "a new
#: round of sanctions", "a package of aid", "$1 billion in loans".
CONTENT_PREPS = frozenset({"of", "in"})
#: Dependents that are clauses of their own, not part of the event's text.
CLAUSE_DEPS = frozenset({"advcl", "conj", "cc", "punct", "parataxis", "relcl", "ccomp", "npadvmod", "dep"})


class EventCoder:
    """The verb dictionary, codebook and actor tables, built once per pipeline."""

    def __init__(self, dictionary: VerbDictionary, book: Codebook, table: ActorTable,
                 keep_negated: bool = False) -> None:
        self.dictionary = dictionary
        self.book = book
        self.table = table
        self.keep_negated = keep_negated

    def __call__(self, doc: Doc) -> list[Event]:
        coded = {v.i: a for v in doc if (a := self._action(v)) is not None}
        named = [(n, a) for n in doc if n.dep_ in ("nsubj", "nsubjpass") and (a := self._named_event(n)) is not None]
        if not (coded or named):
            return []
        actors = DocActors(doc, doc._.entities, doc._.quotes, self.table, self.dictionary.first_person)
        absorbed = set()
        clauses = {}
        reported: dict[int, list[int]] = {}
        for i in coded:
            chain = controllers(doc[i])
            governor = next((t for t in in_scope(chain)[1:] if t.i in coded), None)
            if governor is not None:
                if governor.lemma_.lower() not in self.dictionary.intent_triggers:
                    continue  # an appeal for, or refusal of, the act: the governor codes it
                absorbed.add(governor.i)
            reporter = reporting_verb(chain)
            if reporter is not None and reporter.i in coded and self._self_report(chain):
                reported.setdefault(reporter.i, []).append(i)
            clauses[i] = chain
        found = {i: list(self._events(doc[i], *coded[i], chain, actors))
                 for i, chain in clauses.items() if i not in absorbed}
        for noun, action in named:
            found.setdefault(noun.i, []).extend(self._nominal_events(noun, action, actors))
        events: list[Event] = []
        seen: set[tuple] = set()
        for i, coded_events in found.items():
            if any(found.get(r) for r in reported.get(i, ())):
                continue  # "warned it would attack": one threat, coded by the act
            for event in coded_events:
                key = (event.source_actor, event.source, event.target_actor, event.target, event.code, event.start)
                if key not in seen and not acts_on_itself(event):
                    seen.add(key)
                    events.append(event)
        return events

    def _action(self, verb: Token) -> Optional[tuple[str, Action]]:
        """The dictionary headword of ``verb`` and what it codes with these arguments."""
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        headword = self.dictionary.headword(verb.lemma_.lower(), verb.lower_)
        action = self.dictionary.action(headword, arguments(verb)) if headword else None
        return (headword, action) if action and (action.forward or action.backward) else None

    def _named_event(self, noun: Token) -> Optional[Action]:
        """What ``noun`` codes if it is an event noun said to take place ("talks began") or
        to have done something ("Gondor's attack on Arnor killed ten": it took place)."""
        action = self.dictionary.noun_action(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
        if action is None:
            return None
        verb = noun.head
        objects = {c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "prt", "advmod", "prep")}
        return action if verb.tag_ == "VBD" or self.dictionary.happens(verb.lemma_.lower(), objects) else None

    def _nominal_events(self, noun: Token, action: Action, actors: DocActors) -> Iterator[Event]:
        """The possessor or modifier of the event noun acts on its object ("the Chinese
        president's visit to Brazil"); the members of "between" act on each other."""
        verb = noun.head
        if any(self._negates(c) or (c.dep_ == "mark" and c.lower_ in self.dictionary.conditional_marks)
               for c in verb.children):
            return
        preps = [(c.lower_, o) for c in noun.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
        sources = [a for c in noun.children if c.dep_ in ("poss", "compound", "amod")
                   for a in actors.phrase(c, subject=True)]
        sources += [a for p, o in preps if p == "by" for a in actors.phrase(o, subject=True)]
        members = [a for p, o in preps if p == "between" for a in actors.phrase(o)]
        # with a source, "between" names the targets: "Egypt's mediation between Israel and Hamas"
        targets = [a for p, o in preps if p in NOMINAL_TARGET_PREPS for a in actors.phrase(o) if a not in sources]
        targets += [a for a in members if a not in sources and a not in targets]
        # "talks will begin on Monday": scheduled, an intention to meet
        intent = any(c.dep_ == "aux" and c.lower_ in self.dictionary.future_modals for c in verb.children)
        if sources and targets:
            pairs = [(s, t, action.forward) for s in sources for t in targets]
            if not intent:
                pairs += [(t, s, action.backward) for s, t, _ in pairs]
        else:
            pairs = [(a, b, action.forward) for a in members for b in members
                     if a != b and self.dictionary.reciprocal(action.forward)]
        span = doc_span(noun.doc, min(noun.left_edge.i, verb.i), max(clause_end(verb), noun.right_edge.i))
        for source, target, code in pairs:
            if code:
                yield self._event(span, source, target, self.dictionary.intent(code) if intent else code, False)

    def _self_report(self, chain: list[Token]) -> bool:
        """Whether the clause's subject is a pronoun that may be its reporter ("said it ...")."""
        subject = subject_of(chain)
        return subject is not None and subject.lower_ in self.dictionary.third_person

    def _events(self, verb: Token, headword: str, action: Action, chain: list[Token],
                actors: DocActors) -> Iterator[Event]:
        scope = in_scope(chain)
        if any(c.dep_ == "mark" and c.lower_ in self.dictionary.conditional_marks for t in scope for c in t.children):
            return
        reporter = reporting_verb(chain)
        # "refusal to talk", and "denied that Russia attacked": a disputed act is not reported
        negators = scope[1:] + ([reporter] if reporter is not None else [])
        negated = any(self._negates(c) for t in scope for c in t.children) or any(
            t.lemma_.lower() in self.dictionary.negators for t in negators)
        if negated and not self.keep_negated:
            return
        intent = any(t.lemma_.lower() in self.dictionary.intent_triggers for t in scope[1:]) or self._hedged(verb)
        # "the sanctions imposed by the US on Iran": a participle is a passive on its noun
        participle = verb.dep_ == "acl" and verb.tag_ == "VBN"
        subject = verb.head if participle else subject_of(chain)
        if subject is None:
            return
        first = subject
        if participle or any(c.dep_ in ("nsubjpass", "agent") for c in verb.children):
            # a passive ("rebuked by Eriador, Osgiliath ...", "the delegation, which was
            # criticized by Russia"); "Arnor is said to restore ties" only inherits a
            # passive subject, which acts
            agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
            if agent is None:
                return
            sources, arg = actors.phrase(agent, subject=True), agent
            targets = [a for a in actors.phrase(subject) if a not in sources]
            if not targets:  # "sanctions were imposed on Iran by the US": the patient is no actor
                targets = self._targets(verb, headword, action, actors, set(sources))[1]
        else:
            # "Lions, tigers, and Gondor welcomed": a list the parser split into subjects
            sources = list(dict.fromkeys(a for s in co_subjects(subject) for a in actors.phrase(s, subject=True)))
            speaker = subject_of(controllers(reporter)) if reporter is not None else None
            if not sources and speaker is not None and subject.lower_ in self.dictionary.third_person:
                sources = self._referents(subject, speaker, actors)
                first = speaker
                # "said it would restore ties": the reporter announces its own act
                intent = intent or any(c.dep_ == "aux" and c.lower_ in self.dictionary.future_modals
                                       for t in scope for c in t.children)
            arg, targets = self._targets(verb, headword, action, actors, set(sources))
            if len(sources) > 1 and arg is not None and not argument_of(arg, verb) and self._mutual(verb, action):
                # "Croatia and Slovenia signed an agreement ... ending a quarrel since the
                # break-up of Yugoslavia": a joint act of its subjects, not aimed at a name
                # deep inside its object
                arg, targets = None, []
        if not sources:
            return
        left = min(first.left_edge.i, verb.i)
        if arg is not None and arg.head != verb and arg.head.head == verb and arg.head.dep_ == "ccomp":
            arg = arg.head  # "demanded that Arnor withdraw": the statement is the whole clause
        right = max(clause_end(verb), arg.right_edge.i if arg is not None else verb.i)
        span = doc_span(verb.doc, left, right)
        if not targets:
            # "A and B signed a treaty": coordinated actors act on each other
            pairs = [(a, b, action.forward) for a in sources for b in sources if a != b] if self._mutual(
                verb, action) else []
        else:
            pairs = [(s, t, action.forward) for s in sources for t in targets]
            if not intent:  # an announced visit is hosted by no one yet
                pairs += [(t, s, action.backward) for s, t, _ in pairs]
        for source, target, code in pairs:
            if code:
                yield self._event(span, source, target, self.dictionary.intent(code) if intent else code, negated)

    def _mutual(self, verb: Token, action: Action) -> bool:
        """Whether coordinated actors do the act to each other: a joint act ("A and B signed
        a treaty", "exchanged prisoners": the same code both ways) or one done to a joint
        event ("A and B postponed their meeting")."""
        nouns = (self.dictionary.noun_action(c.lemma_.lower()) for c in verb.children if c.dep_ == "dobj")
        return action.forward == action.backward or self.dictionary.reciprocal(action.forward) or any(
            self.dictionary.reciprocal(n.forward) for n in nouns if n is not None)

    def _hedged(self, verb: Token) -> bool:
        """An act that may happen is announced, not done: "may impose sanctions", "would
        attack if provoked" (a threat), "could send aid" (a promise)."""
        marks = self.dictionary.conditional_marks
        return any((c.dep_ == "aux" and c.lower_ in self.dictionary.possibility_modals) or (
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children))
            for c in verb.children)

    def _referents(self, pronoun: Token, speaker: Token, actors: DocActors) -> list[Actor]:
        """The actors of the reporting clause's subject that a pronoun subject of the reported
        clause can refer to: "it" is no person, "he" and "she" are."""
        person = self.dictionary.third_person[pronoun.lower_]
        return [a for a in actors.phrase(speaker, subject=True)
                if a.entity is not None and (person is None or (actors.entities[a.entity].type == "PERSON") == person)]

    def _targets(self, verb: Token, headword: str, action: Action, actors: DocActors,
                 sources: set[Actor]) -> tuple[Optional[Token], list[Actor]]:
        """The first argument of ``verb`` that names actors other than the sources."""
        roots = {code[:2] for code in (action.forward, action.backward) if code}
        content = self.dictionary.action_words(headword)
        named = content | LOCATIVE if roots & self.dictionary.hostile_roots else content
        located = roots <= self.dictionary.located_roots and not named & LOCATIVE
        clause = self.dictionary.clause_target(action)
        countries = {a.code[:3] for a in sources if a.code}
        for arg in target_arguments(verb, named, clause, self.dictionary.topics(headword)):
            if clause and arg.lemma_.lower() in self.dictionary.audiences:
                continue  # "told reporters that ...": the press hears it, it is not about them
            # "fired at", "a crackdown in": force is aimed at the place; "signed an agreement
            # in Istanbul": the object that codes the act is not about where it was signed
            places = not (located and {arg.lemma_.lower(), *contents(arg)} & content)
            # "deployed (Russian) troops to Belarus": troops the entry names are what is sent,
            # not whom to, unless they are someone else's ("expelled Russian diplomats")
            instrument = arg.lemma_.lower() in content
            found = [a for a in actors.phrase(arg, places=places) if a not in sources
                     and not (instrument and (a.entity is None or (a.code or "")[:3] in countries))]
            if found:
                return arg, found
        return None, []

    def _negates(self, tok: Token) -> bool:
        if tok.dep_ != "neg":
            return False
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is None or nxt.lower_ not in self.dictionary.negation_exceptions

    def _event(self, span: tuple[int, int, str], source: Actor, target: Actor, code: str, negated: bool) -> Event:
        info = self.book[code]
        start, end, text = span
        return Event(start, end, text, source=source.entity, target=target.entity, code=code, root=info.root,
                     quad_class=info.quad_class, goldstein=info.goldstein, source_actor=source.code,
                     target_actor=target.code, negated=negated)


def acts_on_itself(event: Event) -> bool:
    """"Japan agreed to buy more from Japanese makers": one code of a known country on both
    sides, or one entity in one role (two ministers of no named country are two actors, and
    "Russian police arrested Russian students" two roles of one country)."""
    code = event.source_actor
    if code != event.target_actor:
        return False
    return (event.source is not None and event.source == event.target) or (
        bool(code) and not code.startswith(UNKNOWN_COUNTRY))


def arguments(verb: Token) -> set[str]:
    """Lemmas that select a dictionary entry: particle, prepositions and their objects,
    the object with its modifiers and what it is a quantity of, complement verbs and
    manner adverbs; the noun a participle modifies is its object ("the sanctions imposed")."""
    out: set[str] = {verb.head.lemma_.lower()} if verb.dep_ == "acl" and verb.tag_ == "VBN" else set()
    for c in verb.children:
        dep = c.dep_
        if dep in ("prt", "xcomp", "ccomp", "advmod", "nsubjpass"):
            out.add(c.lemma_.lower())
            if dep == "ccomp":  # "agree that ..." is accord, "agree to ..." intent
                out.update(m.lower_ for m in c.children if m.dep_ == "mark")
        elif dep == "dobj":
            out.add(c.lemma_.lower())
            out.update(m.lemma_.lower() for m in c.children if m.dep_ in ("amod", "compound"))
            out.update(contents(c))
        elif dep in ("prep", "agent") or (dep == "dative" and c.pos_ == "ADP"):
            out.add(c.lower_)
            for o in c.children:
                if o.dep_ in ("pobj", "pcomp"):
                    out.add(o.lemma_.lower())
                    out.update(m.lemma_.lower() for m in o.children if m.dep_ in ("amod", "compound"))
    return out


def argument_of(arg: Token, verb: Token) -> bool:
    """Whether ``arg`` belongs to the verb's own clause or a purpose clause of it ("signed a
    treaty to supply Ukraine"), not to a clause of its own inside it ("an agreement that
    allows ...", "ending a quarrel ...")."""
    tok = arg.head
    while tok.i != verb.i:
        if tok.pos_ in ("VERB", "AUX") and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return False
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def contents(obj: Token) -> Iterator[str]:
    """Lemmas of what an object is a quantity or batch of: "a new round of sanctions"."""
    return (o.lemma_.lower() for p in obj.children if p.dep_ == "prep" and p.lower_ in CONTENT_PREPS
            for o in p.children if o.dep_ == "pobj")


def controllers(verb: Token) -> list[Token]:
    """``verb`` and the words governing it up to the one with a subject: restore <- about
    <- is (Arnor); expanding <- to <- committed <- remain (Moscow)."""
    chain = [verb]
    tok = verb
    while not any(c.dep_ in SUBJECT_DEPS for c in tok.children) and tok.dep_ in CONTROL_DEPS and tok.head.i != tok.i:
        tok = tok.head
        chain.append(tok)
    return chain


def in_scope(chain: list[Token]) -> list[Token]:
    """The part of the chain whose negation and intention reach the verb."""
    scope = [chain[0]]
    for below, above in zip(chain, chain[1:]):
        if below.dep_ == "conj":
            # "committed to expanding and deepening": the second verb shares what governs the
            # first, not the first verb's own negation (except a modal's: "cannot but applaud")
            if above.pos_ == "AUX":
                scope.append(above)
        elif below.dep_ in SCOPE_DEPS:
            scope.append(above)
        else:
            break
    return scope


def reporting_verb(chain: list[Token]) -> Optional[Token]:
    """The verb whose complement clause ``chain`` ends in ("said" in "said it would ...")."""
    top = chain[-1]
    return top.head if top.dep_ == "ccomp" and top.head.pos_ in ("VERB", "AUX") else None


def subject_of(chain: list[Token]) -> Optional[Token]:
    """The subject the verb inherits; with object control ("urged Eriador to respond") the
    governor's object, and for a relative clause the noun it modifies."""
    for below, tok in zip([None, *chain], chain):
        if below is not None and below.dep_ in ("xcomp", "acl"):
            # "urged Eriador to respond", "Eriador's refusal to talk"
            obj = next((c for c in tok.children if c.dep_ == ("dobj" if below.dep_ == "xcomp" else "poss")), None)
            if obj is not None:
                return obj
        subject = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                return tok.head
            return subject
    return None


def co_subjects(subject: Token) -> list[Token]:
    """``subject`` and the other subjects of the same verb, in order; one right after
    another with no comma or conjunction between names the same actor ("the state news
    agency KCNA"), unlike a list ("Lions, tigers, and Gondor")."""
    found = [subject]
    for c in subject.head.children:
        if c.dep_ == subject.dep_ and c.i != subject.i:
            low, high = sorted((found[-1].i, c.i))
            if any(t.is_punct or t.dep_ == "cc" for t in subject.doc[low + 1:high]):
                found.append(c)
    return found


def target_arguments(verb: Token, named: frozenset[str], clause: bool,
                     topics: tuple[str, ...] = ()) -> Iterator[Token]:
    """Candidate targets in order: the objects of the ``topics`` prepositions ("warned
    Gondor about the Prince"), indirect and direct object, prepositional objects (a
    locative one only if the dictionary entry names it), for statements (``clause``) the
    subject of the complement clause ("warned that Gondor would ..."), then anything named
    inside the object, adjuncts and purpose clause ("signed an accord to supply Gondor")."""
    children = list(verb.children)
    for p in topics:
        yield from (o for c in children if c.dep_ == "prep" and c.lower_ == p for o in c.children if o.dep_ == "pobj")
    for dep in ("dative", "iobj", "dobj"):
        for c in children:
            if c.dep_ == dep:
                if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    yield verb.head  # "the delegation, which Russia criticized"
                else:
                    # "provided aid to Sudan": a prepositional dative points through its object
                    yield from ((o for o in c.children if o.dep_ == "pobj") if c.pos_ == "ADP" else (c,))
    yield from shared_objects(verb)
    preps: dict[str, list[Token]] = {}
    for c in children:
        if c.dep_ == "prep":  # "left for Minas Tirith ... for meetings": the first "for" too
            preps.setdefault(c.lower_, []).append(c)
    for p in TARGET_PREPS:
        if p in preps and (p not in LOCATIVE or p in named):
            yield from (o for prep in preps[p] for o in prep.children if o.dep_ == "pobj")
    if clause:
        for c in children:
            if c.dep_ == "ccomp":
                yield from (s for s in c.children if s.dep_ in SUBJECT_DEPS)
    for c in children:
        if c.dep_ == "dobj" or (c.dep_ == "prep" and (c.lower_ not in LOCATIVE or c.lower_ in named)) or (
                c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")) or (
                c.dep_ in ("xcomp", "advcl") and not any(s.dep_ in SUBJECT_DEPS for s in c.children)):
            yield from (t for t in c.subtree if t.pos_ in ("PROPN", "NOUN", "PRON")
                        and not placed(t, c, named))


def placed(tok: Token, top: Token, named: frozenset[str]) -> bool:
    """Whether ``tok`` is inside a locative phrase under ``top`` that the dictionary entry
    does not name ("held talks in Istanbul": where, not with whom)."""
    while tok.i != top.i:
        if tok.dep_ == "prep" and tok.lower_ in LOCATIVE and tok.lower_ not in named:
            return True
        tok = tok.head
    return False


def shared_objects(verb: Token) -> Iterator[Token]:
    """The object of a later coordinated verb that ``verb`` shares, having none of its own
    and nothing between it and the coordination: "Russia met and praised China"."""
    if any(c.dep_ in ("dobj", "dative", "ccomp") for c in verb.children):
        return
    for conj in verb.conjuncts:
        if conj.i > verb.i and conj.pos_ == "VERB" and not any(c.dep_ in SUBJECT_DEPS for c in conj.children):
            between = verb.doc[verb.i + 1:conj.i]
            if all(t.dep_ in ("cc", "punct", "advmod") or t in verb.doc[conj.left_edge.i:conj.i] for t in between):
                yield from (c for c in conj.children if c.dep_ == "dobj")


def clause_end(verb: Token) -> int:
    """The last token of the verb's own arguments ("praised Mexico for its help"), leaving
    out coordinated and subordinate clauses."""
    ends = [c.right_edge.i for c in verb.children if c.i > verb.i and c.dep_ not in CLAUSE_DEPS]
    return max(ends, default=verb.i)


def doc_span(doc: Doc, left: int, right: int) -> tuple[int, int, str]:
    span = doc[left:right + 1]
    return span.start_char, span.end_char, span.text


@Language.factory("newsgraph_events", default_config={"actors": None, "keep_negated": False})
def make_events(nlp: Language, name: str, actors: Optional[str], keep_negated: bool):
    """``actors``: an optional JSON file of extra actor names -> CAMEO codes (an analyst's
    actor dictionary, e.g. for militias or companies), added to newsgraph's own tables.
    ``keep_negated``: keep negated acts as events flagged ``negated`` instead of dropping them."""
    coder = EventCoder(verbs(), codebook(), ActorTable.load(actors), keep_negated)
    return doc_component("events", "events", coder)
