"""Component ``newsgraph_quotes``: quotations and reported speech with cue, source and medium.

Quotation marks (``quotemarks``) and the parse (``attribution``) are read separately and
then joined: a marked stretch that is the whole content of an attribution is a **direct**
quote of its source; one embedded in a longer reported clause is a **partial** quote, and
the clause around it is emitted too as an **indirect** quote (the seed gold does the
same); an attribution whose content has no marks is **indirect**.  A direct quote with no
cue of its own continues the previous one (``"A," he said. "B."``, or a wire paragraph
that only quotes).  Speakers are left as surface mentions: ``speakers`` resolves them.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.model import Entity, Quote, make_span
from newsgraph.nlp.attribution import Attribution, find_attributions, mention_span, np_head, subject_of
from newsgraph.nlp.component import doc_component
from newsgraph.nlp.cues import lexicon
from newsgraph.nlp.quotemarks import Quoted, find_quoted

#: An unattributed fragment this short in marks is a scare quote or a title, not speech.
MIN_UNATTRIBUTED_WORDS = 4
#: Words of reported content outside the marks above which a marked stretch is partial.
MIN_FRAME_WORDS = 3
#: How far (tokens) from its marks a quotation's cue may stand.
CUE_WINDOW = 14

#: Base confidence of the attribution, by how it was found; ``speakers`` scales it.
CONFIDENCE = {"clause": 0.95, "near": 0.9, "rest": 0.85, "predicate": 0.8, "object": 0.7,
              "colon": 0.75, "continued": 0.75, "sentence": 0.7, "dash": 0.7, "paragraph": 0.6,
              "subject": 0.5, "none": 0.0}

_WORD = re.compile(r"\w+")
#: A line opening with a short capitalised name and a colon: ``Lavrov: Russia seeks ...``
#: (headlines) or ``PENCE: Well, ...`` (transcripts).
_LABEL = re.compile(r"(?m)^[ \t\"\u201c']*((?:[A-Z][\w.\u2019'-]*[ \t]){0,3}[A-Z][\w.\u2019'-]*):[ \t]+(?=\S)")
_DASH_SOURCE = re.compile(r"[ \t\u00a0]*(?:\n\s*)?[\u2015\u2014\u2013-]{1,2}[ \t\u00a0]*(?=[A-Z])")
_SENTENCE_END = (".", "!", "?")


@dataclass
class _Layout:
    """Offsets shared by the steps below."""

    doc: Doc
    #: ``doc.text``, built once (spaCy joins the tokens again on every access)
    text: str
    quoted: list[Quoted]
    #: token index -> index into ``quoted`` of the quotation it is in (marks included), or -1
    owner: list[int]
    starts: list[int]
    paragraphs: list[int]

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.paragraphs, char)

    def outside_words(self, start: int, end: int) -> int:
        i, j = self.token_at(start), self.token_at(max(start, end - 1))
        return sum(1 for t in self.doc[i:j + 1] if self.owner[t.i] < 0 and t.is_alpha)


def find_quotes(doc: Doc) -> list[Quote]:
    """Quotes of ``doc`` ordered by start, speakers as surface mentions only."""
    lex = lexicon()
    lay = _layout(doc)
    atts = list(find_attributions(doc, lay.text, lex, lay.owner)) + list(_labelled_lines(lay))
    by_cue = {a.cue[0].i: a for a in atts}
    entities = doc._.entities or []
    consumed: set[int] = set()
    quotes: list[Quote] = []
    previous: Optional[tuple[Quoted, Quote]] = None
    for q in lay.quoted:
        frame = _framing(lay, atts, q)
        if frame is not None and lay.outside_words(*frame.content) >= MIN_FRAME_WORDS:
            kind, att, how = "partial", frame, frame.form
        else:
            kind = "partial" if _embedded(lay.text, q) else "direct"
            att, how = (frame, frame.form) if frame is not None else _nearby(lay, q, atts, by_cue)
        if att is None and kind == "partial" and len(_WORD.findall(lay.text[q.start:q.end])) < MIN_UNATTRIBUTED_WORDS:
            continue
        if kind == "direct" and att is not None:
            consumed.add(id(att))
        if att is None and kind == "direct" and not _dash_source(lay, q):
            att, how = _previous_sentence(lay, q, atts)
        quote = _quote(lay, q.start, q.end, kind, att, how if att else "none", entities)
        if att is None and kind == "direct" and not _by_dash(lay, q, quote):
            _continue_speaker(lay, q, quote, previous)
        quotes.append(quote)
        previous = (q, quote)
    for att in atts:
        if id(att) in consumed or att.content is None:
            continue
        if lay.outside_words(*att.content) < 2:
            continue  # the content is itself a quotation already attributed
        start, end = _over_marks(lay, att.content)
        quotes.append(_quote(lay, start, end, "indirect", att, att.form, entities))
    quotes.sort(key=lambda x: (x.start, -x.end))
    _refer_back(quotes, {e.id for e in entities})
    return quotes


def _refer_back(quotes: list[Quote], ids: set[str]) -> None:
    """``the Russian newspaper`` after ``Rossiyskaya Gazeta``: a definite medium that names
    nothing is the named medium last seen."""
    last = None
    for q in quotes:
        if q.medium in ids:
            last = q.medium
        elif last is not None and q.medium is not None and q.medium.lower().startswith("the "):
            q.medium = last


def _labelled_lines(lay: _Layout) -> Iterator[Attribution]:
    """``Name: what they said`` lines: the name is the source, the rest of the line (or the
    quotation it opens) the content."""
    doc, text = lay.doc, lay.text
    for m in _LABEL.finditer(text):
        first, colon = lay.token_at(m.start(1)), lay.token_at(m.end(1))
        head = doc[colon - 1] if colon > first else None
        if head is None or head.pos_ not in ("PROPN", "NOUN") or doc[colon].text != ":":
            continue
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        while end > m.end() and text[end - 1] in " \t.\"\u201d":
            end -= 1
        content = (m.end(), end) if end - m.end() > 1 else None
        yield Attribution(doc[colon:colon + 1], head, content, "colon", "speech")


def _layout(doc: Doc) -> _Layout:
    text = doc.text
    quoted = find_quoted(text)
    starts = doc.to_array(IDX).tolist()
    owner = [-1] * len(doc)
    for k, q in enumerate(quoted):
        end = q.close_mark + 1 if q.close_mark is not None else q.end
        i = max(0, bisect.bisect_right(starts, q.open_mark) - 1)
        while i < len(doc) and starts[i] < end:
            owner[i] = k
            i += 1
    paragraphs = [m.end() for m in re.finditer(r"\n\s*", text)]
    return _Layout(doc, text, quoted, owner, starts, paragraphs)


def _framing(lay: _Layout, atts: list[Attribution], q: Quoted) -> Optional[Attribution]:
    """The attribution whose content covers this quotation, best overlap first."""
    best, best_ratio = None, 0.5
    for att in atts:
        if att.content is None or att.content[1] <= q.start or att.content[0] >= q.end:
            continue
        s, e = att.content
        overlap = min(e, q.end) - max(s, q.start)
        ratio = overlap / max(1, min(e - s, q.end - q.start))
        if ratio > best_ratio or (ratio == best_ratio and best is not None and _closer(att, best, q)):
            best, best_ratio = att, ratio
    return best


def _closer(a: Attribution, b: Attribution, q: Quoted) -> bool:
    return abs(a.cue[0].idx - q.start) < abs(b.cue[0].idx - q.start)


def _embedded(text: str, q: Quoted) -> bool:
    """A marked stretch is partial when it sits inside running text: the writer's own words
    lead straight into it (``despite "the turbulent ..."``)."""
    i = q.open_mark - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    if i < 0 or text[i] in "\n.!?:;(\u2014\u2013\"\u201d\u2019'":
        return False
    first = text[q.start:q.start + 1]
    return not (text[i] == "," and (first.isupper() or first.isdigit()))


def _nearby(lay: _Layout, q: Quoted, atts: list[Attribution],
            by_cue: dict[int, Attribution]) -> tuple[Optional[Attribution], str]:
    """The attribution of a quotation whose content no cue frames, and how it was found:
    a cue right before the opening mark when the writer leads into it with a comma or
    colon (``he said: "``), else right after the closing mark (``," he said``), else
    before it; the subject before a colon (``Sanders made this comment: "``); the
    nearest cue of its sentence."""
    doc = lay.doc
    k = lay.token_at(q.open_mark) - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    if k > 0 and doc[k].is_space and doc[k - 1].text == ":":
        k -= 1  # "X said:" closing the paragraph before a quoted one
    lead = doc[k].text if k >= 0 else "\n"
    before = _cue_before(lay, k, lead, q, by_cue)
    if before is not None and lead in (":", ","):
        return before, "near"
    near = _cue_after(lay, q, by_cue) or before
    if near is not None:
        return near, "near"
    if lead == ":":
        verb = doc[k].head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        subject = subject_of(verb, lay.owner) if verb.pos_ in ("VERB", "AUX") else None
        if subject is not None:
            return Attribution(doc[k:k + 1], subject, None, "colon", "speech"), "colon"
    return _same_sentence(lay, q, atts), "sentence"


def _same_sentence(lay: _Layout, q: Quoted, atts: list[Attribution]) -> Optional[Attribution]:
    sent = lay.doc[lay.token_at(q.open_mark)].sent
    inside = [a for a in atts if sent.start <= a.cue[0].i < sent.end and a.source is not None]
    return min(inside, key=lambda a: abs(a.cue[0].idx - q.open_mark), default=None)


def _cue_after(lay: _Layout, q: Quoted, by_cue: dict[int, Attribution]) -> Optional[Attribution]:
    if q.close_mark is None:
        return None
    doc, owner = lay.doc, lay.owner
    me = owner[lay.token_at(q.start)]
    after = lay.token_at(q.close_mark) + 1
    for k in range(after, min(len(doc), after + CUE_WINDOW)):
        t = doc[k]
        if (owner[k] >= 0 and owner[k] != me) or (t.is_space and "\n" in t.text):
            break
        if k > after and t.is_sent_start and doc[k - 1].text in _SENTENCE_END:
            break
        att = by_cue.get(k)
        if att is not None and (att.content is None or att.content[0] < q.end):
            return att  # not a cue whose own content follows it ("a tweet attacking X")
    return None


def _cue_before(lay: _Layout, k: int, lead: str, q: Quoted, by_cue: dict[int, Attribution]) -> Optional[Attribution]:
    doc, owner = lay.doc, lay.owner
    if k < 0 or lead in _SENTENCE_END or "\n" in lead:
        return None
    for k in range(k, max(-1, k - CUE_WINDOW), -1):
        if owner[k] >= 0 or (doc[k].is_space and "\n" in doc[k].text):
            break
        att = by_cue.get(k)
        if att is not None and (lead in (":", ",") or att.content is None or att.content[1] > q.start):
            return att
        if doc[k].is_sent_start and lead != ":":
            break
    return None


def _previous_sentence(lay: _Layout, q: Quoted, atts: list[Attribution]) -> tuple[Optional[Attribution], str]:
    """``Schiff said. "The other factor ..."``: a quotation opening a sentence takes the
    source of the sentence just before it, if that one has a cue and no quotation of its
    own, else that sentence's subject when it is a person (``Sanders identified ... as a
    reason. "The younger people ..."``, with less confidence); across a paragraph break
    only when the quotation opens its paragraph (wire style: a paragraph of pure quotation
    after the one that introduced the speaker)."""
    i = lay.token_at(q.open_mark)
    sent = lay.doc[i].sent
    if sent.start == 0 or i - sent.start > 1:
        return None, "none"
    prev = lay.doc[sent.start - 1].sent
    here, there = lay.paragraph(q.open_mark), lay.paragraph(prev.start_char)
    line_start = lay.text.rfind("\n", 0, q.open_mark) + 1
    if here != there and not (here == there + 1 and not lay.text[line_start:q.open_mark].strip()):
        return None, "none"
    if any(len(_WORD.findall(lay.text[lay.quoted[k].start:lay.quoted[k].end])) >= MIN_UNATTRIBUTED_WORDS
           for k in {lay.owner[t.i] for t in prev} - {-1}):
        return None, "none"  # the sentence quotes someone itself (a title in marks does not count)
    inside = [a for a in atts if prev.start <= a.cue[0].i < prev.end and a.source is not None]
    if inside:
        return inside[-1], "sentence" if here == there else "paragraph"
    subject = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
    if subject is not None and (subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she")):
        return Attribution(None, subject, None, "subject", "speech"), "subject"
    return None, "none"


def _dash_source(lay: _Layout, q: Quoted) -> Optional[Token]:
    """The name in a dash byline after a quotation: ``" ― Stephanie Egan``."""
    if q.close_mark is None:
        return None
    m = _DASH_SOURCE.match(lay.text, q.close_mark + 1)
    if m is None:
        return None
    head = np_head(lay.doc[lay.token_at(m.end())])
    return head if head.pos_ in ("PROPN", "NOUN") else None


def _by_dash(lay: _Layout, q: Quoted, quote: Quote) -> bool:
    head = _dash_source(lay, q)
    if head is None:
        return False
    quote.speaker_mention = make_span(lay.text, *mention_span(head))
    quote.confidence = CONFIDENCE["dash"]
    return True


def _continue_speaker(lay: _Layout, q: Quoted, quote: Quote, previous: Optional[tuple[Quoted, Quote]]) -> None:
    """A quotation with no cue of its own continues the quote just before, when that is in
    the same paragraph, or is direct and this one a paragraph of pure quotation after it."""
    if previous is None or previous[1].speaker_mention is None:
        return
    prev_q, prev = previous
    here, there = lay.paragraph(q.open_mark), lay.paragraph(prev_q.open_mark)
    between = lay.text[(prev_q.close_mark or prev_q.end) + 1:q.open_mark]
    line_start = lay.text.rfind("\n", 0, q.open_mark) + 1
    starts_paragraph = not lay.text[line_start:q.open_mark].strip()
    if here == there or (here == there + 1 and prev.kind == "direct" and starts_paragraph and len(between) < 400):
        quote.speaker_mention = prev.speaker_mention
        quote.cue, quote.medium = prev.cue, prev.medium
        quote.confidence = min(CONFIDENCE["continued"], prev.confidence)


def _over_marks(lay: _Layout, span: tuple[int, int]) -> tuple[int, int]:
    """Stretch an indirect content span to the closing mark of a quotation opened inside it."""
    start, end = span
    for q in lay.quoted:
        if start <= q.open_mark < end and q.close_mark is not None and q.close_mark >= end - 1:
            end = max(end, q.close_mark + 1)
    return start, end


def _quote(lay: _Layout, start: int, end: int, kind: str, att: Optional[Attribution], how: str,
           entities: list[Entity]) -> Quote:
    quote = Quote(start, end, lay.text[start:end], kind=kind, confidence=CONFIDENCE[how])
    if att is None:
        return quote
    quote.cue = att.cue.text if att.cue is not None else None
    if att.source is not None:
        quote.speaker_mention = make_span(lay.text, *mention_span(att.source))
    else:
        quote.confidence *= 0.5
    if att.medium is not None:
        quote.medium = _medium_ref(lay.text, att.medium, entities)
    return quote


def _medium_ref(text: str, head: Token, entities: list[Entity]) -> str:
    """The entity id of the medium when it is a known entity, else its words."""
    for ent in entities:
        if any(m.start <= head.idx < m.end for m in ent.mentions):
            return ent.id
    return text[slice(*mention_span(head))]


@Language.factory("newsgraph_quotes")
def make_quotes(nlp: Language, name: str):
    return doc_component("quotes", "quotes", find_quotes)
