"""Atom feeds (macros/feeds.py): valid RFC 4287 structure, stable ids, the right update times, newest first."""

from __future__ import annotations

import dataclasses
import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from conftest import FIXTURES
from macros import feeds, loader, outputs, progress

A = "{http://www.w3.org/2005/Atom}"
BUILD = dt.date(2026, 1, 10)


@pytest.fixture(scope="module")
def site():
    return loader.load_site(FIXTURES / "progress-site" / "data")


def _parse(data: bytes) -> ET.Element:
    root = ET.fromstring(data)
    assert root.tag == f"{A}feed"
    return root


def _check_atom(root: ET.Element) -> None:
    """The elements RFC 4287 requires of a feed and of each entry, each present once and non-empty."""
    for tag in ("id", "title", "updated"):
        assert len(root.findall(f"{A}{tag}")) == 1 and root.findtext(f"{A}{tag}").strip(), tag
    assert root.find(f"{A}author/{A}name").text  # a feed without per-entry authors needs one
    for entry in root.findall(f"{A}entry"):
        for tag in ("id", "title", "updated"):
            assert len(entry.findall(f"{A}{tag}")) == 1 and entry.findtext(f"{A}{tag}").strip(), tag
        links = entry.findall(f"{A}link[@rel='alternate']")
        assert len(links) == 1 and links[0].get("href")
    for stamp in [root.findtext(f"{A}updated")] + [e.findtext(f"{A}updated") for e in root.findall(f"{A}entry")]:
        dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))  # RFC 3339


def test_every_feed_the_build_writes_is_valid_atom(site):
    files = outputs.extra_files(site, "", BUILD)
    feeds_ = {path: data for path, data in files.items() if path.startswith("feed") and path.endswith(".xml")}
    assert set(feeds_) == {"feed.xml"} | {f"feed-{s.id}.xml" for s in site.strategies}
    for data in feeds_.values():
        _check_atom(_parse(data))


def test_site_feed_lists_every_update_newest_first_with_its_date(site):
    root = _parse(feeds.atom(site, None, "", BUILD, "Testsite"))
    entries = root.findall(f"{A}entry")
    expected = progress.site_updates(site)
    assert [e.findtext(f"{A}title") for e in entries] == [i.update.title for i in expected]
    assert [e.findtext(f"{A}updated") for e in entries] == [f"{i.update.date.isoformat()}T00:00:00Z" for i in expected]
    assert root.findtext(f"{A}updated") == f"{max(i.update.date for i in expected).isoformat()}T00:00:00Z"


def test_strategy_feed_includes_updates_that_say_they_concern_it(site):
    voksne = site.strategies_by_id["eksempelby-voksne"]
    titles = [e.findtext(f"{A}title") for e in _parse(feeds.atom(site, voksne, "", BUILD, "T")).findall(f"{A}entry")]
    assert "Udkastet er sendt i høring" in titles and "Første åbne værksted er åbnet" in titles
    aeldre = site.strategies_by_id["eksempelby-aeldre"]
    root = _parse(feeds.atom(site, aeldre, "", BUILD, "T"))
    assert root.findall(f"{A}entry") == []
    assert root.findtext(f"{A}updated") == f"{BUILD.isoformat()}T00:00:00Z"  # nothing dated: the build date


def test_ids_are_stable_when_title_text_and_address_change(site):
    voksne = site.strategies_by_id["eksempelby-voksne"]
    before = _parse(feeds.atom(site, voksne, "", BUILD, "T"))
    progress_ = voksne.progress
    changed_updates = [dataclasses.replace(u, title=u.title + " (rettet)", text="Ny tekst") for u in progress_.updates]
    changed = dataclasses.replace(voksne, progress=dataclasses.replace(progress_, updates=changed_updates))
    other = dataclasses.replace(site, strategies=[changed if s.id == voksne.id else s for s in site.strategies])
    after = _parse(feeds.atom(other, changed, "https://andet.example/", dt.date(2027, 1, 1), "T"))
    ids = lambda root: [e.findtext(f"{A}id") for e in root.findall(f"{A}entry")]  # noqa: E731
    assert ids(before) == ids(after) and len(set(ids(before))) == len(ids(before))
    assert before.findtext(f"{A}id") == after.findtext(f"{A}id")
    assert all(i.startswith("urn:uuid:") for i in ids(before))


def test_links_are_absolute_with_a_site_url_and_relative_to_the_feed_without(site):
    voksne = site.strategies_by_id["eksempelby-voksne"]
    absolute = _parse(feeds.atom(site, voksne, "https://eksempelby.example/", BUILD, "T"))
    hrefs = [e.find(f"{A}link").get("href") for e in absolute.findall(f"{A}entry")]
    assert all(h.startswith("https://eksempelby.example/strategier/") for h in hrefs)
    relative = _parse(feeds.atom(site, voksne, "", BUILD, "T"))
    first = relative.find(f"{A}entry/{A}link").get("href")
    # The feed is at the site's root: its links are paths from there, which work wherever the site is hosted.
    assert first.startswith("strategier/") and "saadan-gaar-det/#nyt-" in first


def test_markup_in_update_text_is_escaped_content(site, tmp_path):
    voksne = site.strategies_by_id["eksempelby-voksne"]
    hostile = dataclasses.replace(voksne.progress.updates[0], title="<script>x</script> & co")
    changed = dataclasses.replace(voksne, progress=dataclasses.replace(voksne.progress, updates=[hostile]))
    other = dataclasses.replace(site, strategies=[changed])
    data = feeds.atom(other, changed, "", BUILD, "T")
    assert b"<script>" not in data
    assert _parse(data).find(f"{A}entry/{A}title").text == "<script>x</script> & co"
