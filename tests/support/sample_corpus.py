"""A small hand-made corpus of Records for the store, API and export tests.

Offsets are found by searching the text, so each case reads as prose plus what is in it.
Two Moscow items are copies of one story (the second lightly edited, republished the next
day by another agency); the Berlin and Oslo items are unrelated.
"""
from __future__ import annotations

from newsgraph.model import Amount, Article, Entity, Event, Mention, Quote, Record, Span, TimeRef, Tone

MOSCOW = (
    "Russia wants good relations with Central Asia, Foreign Minister Sergey Lavrov said on Thursday. "
    "\"Trade with Kazakhstan and the other Central Asian countries is growing despite the turbulent situation,\" "
    "Lavrov said. He added that Russian investments in Central Asia amounted to some $30.5 billion between 2010 "
    "and 2021. \"We cannot but applaud the integration underway in Central Asia,\" the minister said."
)
MOSCOW_EDITED = MOSCOW.replace("on Thursday", "in Moscow on Thursday").replace("the minister said", "Lavrov added")
BERLIN = (
    "German Chancellor Olaf Scholz said on Friday that Berlin would keep talking to Russia. "
    "\"Sanctions against Russia will stay until the war ends,\" Scholz told reporters, adding that "
    "Germany had cut its gas imports by 40 percent."
)
OSLO = "Oslo harbour reopened after a storm on Monday, the port authority said. More than 300 ships had waited."


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append((at, at + len(needle)))
        at = text.find(needle, at + len(needle))
    return out


def _span(text: str, needle: str) -> Span:
    (start, end), *_ = _spans(text, needle)
    return Span(start, end, needle)


def _at(text: str, needle: str) -> dict:
    span = _span(text, needle)
    return {"start": span.start, "end": span.end, "text": span.text}


#: CAMEO actor codes of the sample entities, as the events component would give them.
ACTOR_CODES = {"Russia": "RUS", "Sergey Lavrov": "RUSGOV", "Kazakhstan": "KAZ", "Germany": "DEU"}


def build(aid: str, text: str, published: str, source: str, entities: dict[str, tuple[str, list[str]]],
          quotes: list[tuple[str, str]] = (), amounts: list[tuple[str, float, str, str, str]] = (),
          events: list[tuple[str, str, str, str, float]] = (), tone: float = 0.0,
          times: list[tuple[str, str]] = ()) -> Record:
    """A Record: ``entities`` name -> (type, surface forms); ``quotes`` (text, speaker);
    ``amounts`` (text, value, unit, object, speaker); ``events`` (text, source, target,
    CAMEO code, Goldstein); ``times`` (text, value)."""
    ents, ids = [], {}
    for i, (name, (etype, forms)) in enumerate(entities.items(), start=1):
        ids[name] = f"e{i}"
        taken: list[tuple[int, int]] = []
        for form in sorted(forms, key=len, reverse=True):
            for s, e in _spans(text, form):
                if not any(s < te and ts < e for ts, te in taken):
                    taken.append((s, e))
        mentions = [Mention(s, e, text[s:e]) for s, e in sorted(taken)]
        ents.append(Entity(id=f"e{i}", name=name, type=etype, mentions=mentions,
                           roles=["foreign minister"] if name == "Sergey Lavrov" else []))
    qs = []
    for quote, speaker in quotes:
        span = _span(text, quote)
        mention = next(m for m in ents[int(ids[speaker][1:]) - 1].mentions if m.start > span.end or m.end < span.start)
        qs.append(Quote(span.start, span.end, quote, kind="direct", speaker=ids[speaker], speaker_name=speaker,
                        speaker_mention=Span(mention.start, mention.end, mention.text), cue="said", confidence=0.9))
    ams = [Amount(**_at(text, t), value=v, unit=u, object=o, speaker=ids.get(sp))
           for t, v, u, o, sp in amounts]
    evs = [Event(**_at(text, t), source=ids[s], target=ids[g], code=c, root=c[:2], quad_class=1, goldstein=gs,
                 source_actor=ACTOR_CODES.get(s), target_actor=ACTOR_CODES.get(g)) for t, s, g, c, gs in events]
    tms = [TimeRef(**_at(text, t), value=v, granularity="day") for t, v in times]
    article = Article(id=aid, text=text, published=published, source=source, title=text.split(",")[0][:60],
                      url=f"https://news.example/{aid}")
    return Record(article=article, entities=ents, quotes=qs, amounts=ams, times=tms, events=evs,
                  tone=Tone(score=tone, positive=max(tone, 0), negative=max(-tone, 0)))


MOSCOW_ENTITIES = {
    "Sergey Lavrov": ("PERSON", ["Sergey Lavrov", "Lavrov"]),
    "Russia": ("GPE", ["Russia"]),
    "Central Asia": ("LOC", ["Central Asia"]),
    "Kazakhstan": ("GPE", ["Kazakhstan"]),
}


def moscow(aid: str, text: str, published: str, source: str) -> Record:
    return build(aid, text, published, source, MOSCOW_ENTITIES,
                 quotes=[("Trade with Kazakhstan and the other Central Asian countries is growing despite the "
                          "turbulent situation,", "Sergey Lavrov"),
                         ("We cannot but applaud the integration underway in Central Asia,", "Sergey Lavrov")],
                 amounts=[("$30.5 billion", 30.5e9, "USD", "Russian investments", "Sergey Lavrov")],
                 events=[("Russia wants good relations with Central Asia", "Russia", "Central Asia", "030", 4.0),
                         ("Trade with Kazakhstan", "Sergey Lavrov", "Kazakhstan", "061", 6.0)],
                 times=[("Thursday", published[:10])], tone=2.5)


def records() -> list[Record]:
    return [
        moscow("moscow-1", MOSCOW, "2022-05-05T16:30:00", "TASS"),
        moscow("moscow-2", MOSCOW_EDITED, "2022-05-06T09:00:00", "Interfax"),
        build("berlin-1", BERLIN, "2022-06-10T12:00:00", "DW",
              {"Olaf Scholz": ("PERSON", ["Olaf Scholz", "Scholz"]), "Russia": ("GPE", ["Russia"]),
               "Germany": ("GPE", ["Germany", "Berlin"])},
              quotes=[("Sanctions against Russia will stay until the war ends,", "Olaf Scholz")],
              amounts=[("40 percent", 40.0, "percent", "gas imports", "Olaf Scholz")],
              events=[("keep talking to Russia", "Germany", "Russia", "036", -2.0)], tone=-3.0),
        build("oslo-1", OSLO, "2022-06-13T08:00:00", "NRK", {"Oslo": ("GPE", ["Oslo"])},
              amounts=[("More than 300", 300.0, None, "ships", "")], tone=-0.5),
    ]
