from newsgraph.ingest.markup import html_to_text


def test_blocks_become_paragraphs_and_entities_are_decoded():
    html = "<p>Rates rose 0.25 points &amp; markets fell.</p><p>\u201cWe are done,\u201d <b>she</b>\n said.</p>"
    assert html_to_text(html) == "Rates rose 0.25 points & markets fell.\n\n\u201cWe are done,\u201d she said."


def test_scripts_and_styles_are_dropped():
    assert html_to_text("<style>p{}</style>Text<script>alert(1)</script> here.") == "Text here."


def test_plain_text_passes_through():
    assert html_to_text("5 < 6 and &quot;so on&quot;") == '5 < 6 and "so on"'


def test_line_breaks_separate_paragraphs():
    assert html_to_text("One<br>Two<br/>Three") == "One\n\nTwo\n\nThree"
