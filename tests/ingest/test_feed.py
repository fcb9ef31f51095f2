from newsgraph.ingest import FILE_KEY, ReadError
from newsgraph.ingest.feed import parse, read

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>%s</channel></rss>"""


def test_rss_items(data, split):
    arts, errs = split(read(data / "feed.rss"))
    assert [a.id for a in arts] == ["herald-2024-0109-ferry", "https://herald.example.net/2024/01/08/budget"]
    ferry, budget = arts
    assert ferry.source == budget.source == "The Lakeside Herald"
    assert ferry.language == "en"
    assert ferry.title == "Ferry operator adds winter crossings"
    assert ferry.url == "https://herald.example.net/2024/01/09/ferry"
    assert ferry.published == "2024-01-09T07:30:00+00:00"
    assert ferry.meta["author"] == "Owen Pryce" and ferry.meta["categories"] == ["Transport"]
    assert ferry.meta[FILE_KEY] == str(data / "feed.rss")
    # content:encoded wins over the short description, and its HTML is stripped
    assert ferry.text == (
        "The lake ferry will run four extra crossings a day from February, its operator said on Tuesday.\n\n"
        "\u201cDemand has doubled since the bridge closed,\u201d managing director Helen Marsh said."
    )
    assert budget.title == "Council budget: what changes & why"
    assert budget.text == "Council tax will rise by 4.9 percent in April, the finance committee agreed."
    assert [(e.file, e.line) for e in errs] == [(str(data / "feed.rss"), None)] * 2
    assert "entry 3" in errs[0].message and "date" in errs[0].message
    assert "entry 4" in errs[1].message and "no text" in errs[1].message


def test_atom_entries(data, split):
    arts, errs = split(read(data / "feed.atom"))
    assert errs == []
    warning, school = arts
    assert warning.id == "tag:dispatch.example.org,2024:avalanche-4"
    assert warning.source == "Alpine Dispatch"
    assert warning.title == "Avalanche warning raised to level 4"
    assert warning.url == "https://dispatch.example.org/avalanche-4"  # rel=alternate, not rel=edit
    assert warning.published == "2024-02-01T06:00:00+01:00"  # published, not updated
    assert warning.text == (
        "Forecasters raised the avalanche warning to level 4 of 5 on Thursday.\n\n"
        '"Stay on marked runs," the regional safety office said.'
    )
    assert warning.meta["author"] == "Lena Gruber" and warning.meta["categories"] == ["weather"]
    # no id: the link; no published: updated; no content: summary
    assert school.id == "https://dispatch.example.org/school"
    assert school.published == "2024-01-30"
    assert school.text.startswith("Residents of Oberthal voted 212 to 98")


def test_item_without_guid_or_link_is_numbered():
    (art,) = parse(RSS % b"<item><description>Body.</description></item>", "w.rss", "w")
    assert art.id == "w-1" and art.published is None and art.title is None


def test_dc_date_is_read_when_there_is_no_pubdate():
    item = b'<item xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:date>2024-03-01T12:00:00Z</dc:date><description>B.</description></item>'
    (art,) = parse(RSS % item, "w.rss", "w")
    assert art.published == "2024-03-01T12:00:00+00:00"


def test_invalid_xml_is_one_error_with_its_line():
    (err,) = parse(b"<rss>\n<channel>\n<item></channel>", "x.rss", "x")
    assert isinstance(err, ReadError) and err.line == 3 and "invalid XML" in err.message


def test_other_xml_is_not_a_feed():
    (err,) = parse(b"<urlset><url><loc>https://x.example/</loc></url></urlset>", "sitemap.xml", "sitemap")
    assert isinstance(err, ReadError) and "not an RSS 2.0 or Atom feed" in err.message


def test_feed_without_items_yields_nothing():
    assert list(parse(RSS % b"", "w.rss", "w")) == []


def test_declared_legacy_encoding(tmp_path):
    doc = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Le Matin</title>'
        "<item><description>Le café a rouvert.</description></item></channel></rss>"
    )
    (tmp_path / "latin1.rss").write_bytes(doc.encode("iso-8859-1"))
    (art,) = read(tmp_path / "latin1.rss")
    assert art.text == "Le café a rouvert."


def test_empty_file_is_an_error(tmp_path):
    (tmp_path / "empty.xml").write_bytes(b"")
    (err,) = read(tmp_path / "empty.xml")
    assert isinstance(err, ReadError) and err.file == str(tmp_path / "empty.xml") and "empty" in err.message
