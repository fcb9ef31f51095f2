"""Titles and roles: which noun phrases name a person's office ("Russian Foreign
Minister", "the Russian top diplomat", "Russia's foreign minister").

A role is a phrase ending in a title from ``data/titles.json``; the modifiers before the title
belong to the role ("Russian Foreign Minister" from "minister"), the determiner does not.
The functions take plain words so that entity grouping (titles before and beside a name)
and speaker resolution (nominal speakers) share them.
"""
from __future__ import annotations

import functools
from typing import Optional, Sequence

from newsgraph.nlp.lexicon import load

#: Words that open a noun phrase but are no part of the role.
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that",
               "former", "then", "now"}
#: Longest title in words.
MAX_TITLE_WORDS = 4


@functools.cache
def titles() -> frozenset[str]:
    """The title lexicon, lower case."""
    return frozenset(load("titles.json")["titles"])


@functools.cache
def honorifics() -> frozenset[str]:
    """"Mr.", "Ms.", "Dr." ...: they mark a name as a person's but name no office."""
    return frozenset(load("titles.json")["honorifics"])


def title_at_end(words: Sequence[str]) -> int:
    """How many of the last ``words`` form a title (0 when they do not end in one)."""
    lowered = [w.casefold() for w in words]
    for n in range(min(MAX_TITLE_WORDS, len(words)), 0, -1):
        if " ".join(lowered[-n:]) in titles():
            return n
    return 0


def is_title(phrase: str) -> bool:
    return phrase.casefold() in titles()


def marks_person(word: str) -> bool:
    """A word that, right before a name, makes it a person's: a title or an honorific."""
    return word.casefold() in titles() or word.casefold() in honorifics()


def role_of(words: Sequence[str]) -> Optional[str]:
    """The role a noun phrase names, without its determiner, or None when the phrase does
    not end in a title: ["the", "Russian", "top", "diplomat"] -> "Russian top diplomat"."""
    words = [w for w in words if w.strip()]
    while words and words[0].casefold() in DETERMINERS:
        words = words[1:]
    if not words or not title_at_end(words):
        return None
    return " ".join(words).replace(" 's", "'s").replace(" \u2019s", "\u2019s")
