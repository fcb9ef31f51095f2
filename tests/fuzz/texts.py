"""Hypothesis strategies for the texts users really send: news prose cut up and mixed
with every kind of quotation mark, control characters, other scripts and junk."""
from hypothesis import strategies as st

FRAGMENTS = [
    '"', "\u201c", "\u201d", "\u00ab", "\u00bb", "'", "\u2018", "\u2019", "\u201e", "``", "''",
    "\n", "\n\n", " ", "  ", "\t", ". ", ", ", ": ", "; ", "(", ")", "\u2014", "...", "-", "/",
    " said ", " told reporters ", "According to ", " added.", " says", ", he said", "She said: ",
    "Ann Lee", "Sergey Lavrov", "Mr. Biden", "the minister", "the Russian top diplomat", "he ", "she ", "they ",
    "Moscow", "Central Asia", "Oslo", "the United Nations", "Reuters", "Kazakhstan",
    "$30.5 billion", "some $30.5 bln", "more than 10,000", "5%", "3-4 million", "900,000 jobs", "1.2 trillion yen",
    "between 2010 and 2021", "on Monday", "May 5, 2022", "2022-05-05", "last year", "in the 1990s", "16:30",
    "met", "attacked", "signed an agreement with", "condemned", "praised",
    "\u041c\u043e\u0441\u043a\u0432\u0430", "\u5317\u4eac", "\u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5\u05dd",
    "\U0001F642", "\u200b", "\ufeff", "\u00a0", "\x00", "\x0b", "\x1b", "\r", "\r\n", "\u2028", "\x85",
    "e\u0301", "\uFB01", "#", "<b>", "&amp;", "\\",
]

fragment = st.sampled_from(FRAGMENTS) | st.text(max_size=8)

#: Text made of news-like fragments: reaches the quote, speaker and amount code paths.
news_text = st.lists(fragment, max_size=80).map("".join)

#: Any text at all, or news-like text.
any_text = st.one_of(st.text(max_size=300), news_text)
