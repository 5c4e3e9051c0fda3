"""Each document kind is generated and reads back with the right names, addresses and times."""

from __future__ import annotations

import dataclasses

import pytest

from tests.unit.documents import doc_samples as samples
from tests.unit.documents import pdf_probe as probe
from twinplanner.documents.data import Guest, HostListData
from twinplanner.documents.host_list import render_host_list
from twinplanner.documents.host_sheet import render_host_sheet
from twinplanner.documents.itinerary import render_itinerary
from twinplanner.documents.programme import render_programme
from twinplanner.documents.signature_list import render_signature_list
from twinplanner.documents.transport import render_transport

KINDS = {
    "itinerary": (render_itinerary, samples.itinerary),
    "host_sheet": (render_host_sheet, samples.host_sheet),
    "host_list": (render_host_list, samples.host_list),
    "programme": (render_programme, lambda lang: samples.programme((lang, "fr"))),
    "signature_list": (render_signature_list, samples.signature_list),
    "transport": (render_transport, samples.transport_list),
}


@pytest.mark.parametrize("lang", ["en", "de", "fr", "ro", "ar"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_renders_with_embedded_fonts_only(kind: str, lang: str) -> None:
    """Every kind prints in every supported language, and every font in it is embedded."""
    fn, make = KINDS[kind]
    pdf = probe.render(fn, make(lang))
    assert pdf.startswith(b"%PDF")
    assert probe.font_problems(pdf) == []
    assert b"/Helvetica" not in pdf


def test_itinerary_names_host_address_times_and_contacts() -> None:
    """The itinerary names each member, the host's address and phone, meeting times, 112."""
    text = probe.flat(probe.render(render_itinerary, samples.itinerary("de")))
    for expected in (
        "Karim Benali",
        "Samira Benali",
        "Yasmine Benali",
        "Leila Haddad-Schmidt",
        "Rheinstraße 18, 67551 Lindenfeld",
        "+49 6241 23 456",
        "Treffen um 16:45",
        "Treffen um 18:15",
        "Rathausplatz, coach stop",
        "+33 6 12 34 56 78",
        "112",
        "Ihr Aufenthalt: Benali",
        "Seite 1 von 2",
    ):
        assert expected in text, expected
    # the person to call when unsafe is named with their number
    assert "Dominique Nicolas an: +33" in text


def test_itinerary_without_host_says_so() -> None:
    """A party not yet placed gets an itinerary that says the host is not settled."""
    data = samples.itinerary("en", host=None)
    text = probe.flat(probe.render(render_itinerary, data))
    assert "Your host family is not settled yet" in text


def test_host_sheet_shows_own_guests_health_only_with_consent() -> None:
    """A host sees guests' allergies where they consented, and not where they did not."""
    data = samples.host_sheet("en")
    hidden = dataclasses.replace(data.guests[3], allergies="peanuts", dietary_needs="halal")
    data = dataclasses.replace(data, guests=(*data.guests[:3], hidden))
    text = probe.flat(probe.render(render_host_sheet, data))
    assert "nuts, allergic to cats" in text and "vegetarian" in text
    assert "peanuts" not in text and "halal" not in text
    assert "not shared: ask the organisers" in text
    assert "Nour Haddad" in text and "Bahnhof Lindenfeld" in text  # comes a day early
    assert "2:15 PM" in text and "Sportpark changing rooms" in text  # bring time and place


def test_host_list_sorted_by_district_then_name_and_by_guest() -> None:
    """The host list runs by district, then name; then the same households by guest name."""
    texts = [
        " ".join(t.split())
        for t in probe.page_texts(probe.render(render_host_list, samples.host_list("de")))
    ]
    first = texts[0]
    order = [
        first.index(n)
        for n in ("Anke Walter", "Sabine Müller", "Ioana Țăranu", "Leila Haddad-Schmidt")
    ]
    assert order == sorted(order)
    by_guest = "\n".join(texts[1:])
    assert "Nach Gast" in by_guest
    guests = [
        by_guest.index(n)
        for n in (
            "Ana Popescu",
            "Élodie Lefèvre",
            "François Lefèvre",
            "Karim Benali",
            "Mihai Popescu",
            "Ștefan Popescu",
        )
    ]
    assert guests == sorted(guests)


def test_programme_prints_both_languages_side_by_side() -> None:
    """The programme shows labels, days and event kinds in both towns' languages."""
    text = probe.flat(probe.render(render_programme, samples.programme(("de", "fr"))))
    for expected in (
        "Programm",
        "Programme",
        "Treffpunkt",
        "Rendez-vous",
        "Mittwoch, 12. Mai 2027",
        "mercredi 12 mai 2027",
        "Konzert · Concert",
        "Treffen um 18:15",
        "Rendez-vous à 18:15",
        "St.-Marien-Kirche",
    ):
        assert expected in text, expected


def test_signature_list_has_sections_totals_and_certification() -> None:
    """Participants per town, totals per country and local versus invited, certification lines."""
    data = samples.signature_list("de")
    assert data.totals_by_country() == {"DE": 2, "FR": 3}
    assert data.local_and_invited() == (2, 3)
    text = probe.flat(probe.render(render_signature_list, data))
    for expected in (
        "Teilnehmende aus Lindenfeld (Deutschland)",
        "Teilnehmende aus Beaulieu-sur-Loire (Frankreich)",
        "Ștefan Popescu",
        "Altersgruppe",
        "12-17",
        "Teilnehmende vor Ort",
        "Eingeladene Teilnehmende",
        "Unterschrift",
        "Für Lindenfeld",
        "Für Beaulieu-sur-Loire",
        "Katharina Brandt",
    ):
        assert expected in text, expected


def test_transport_list_says_who_is_collected_where_and_when() -> None:
    """Each stop has its time, address and the people collected there."""
    text = probe.flat(probe.render(render_transport, samples.transport_list("de")))
    for expected in (
        "08:20",
        "Lindenstraße 12, 67551",
        "Élodie Lefèvre",
        "08:30",
        "Amselweg 7, 67551",
        "Ștefan Popescu",
        "Rathausplatz, coach stop",
    ):
        assert expected in text, expected


def test_personal_data_footer_only_where_there_is_personal_data() -> None:
    """Lists with personal data say so in their footer; the public programme does not."""
    notice = "Diese Liste enthält personenbezogene Daten"
    for fn, data in (
        (render_itinerary, samples.itinerary("de")),
        (render_host_sheet, samples.host_sheet("de")),
        (render_host_list, samples.host_list("de")),
        (render_signature_list, samples.signature_list("de")),
        (render_transport, samples.transport_list("de")),
    ):
        for page in probe.page_texts(probe.render(fn, data)):
            assert notice in page
    assert notice not in probe.flat(probe.render(render_programme, samples.programme(("de",))))


def test_same_data_gives_same_bytes() -> None:
    """Rendering is invariant: the same data gives byte-identical files."""
    one = probe.render(render_itinerary, samples.itinerary("ar"))
    two = probe.render(render_itinerary, samples.itinerary("ar"))
    assert one == two


def test_letter_paper_option() -> None:
    """US Letter is available; A4 is the default."""
    a4 = probe.render(render_host_list, samples.host_list("en"))
    letter = probe.render(render_host_list, samples.host_list("en"), paper="letter")
    assert probe.page_size(a4) == pytest.approx((595.28, 841.89), abs=0.1)
    assert probe.page_size(letter) == pytest.approx((612, 792), abs=0.1)
    with pytest.raises(ValueError, match="Unknown paper size 'a5'"):
        probe.render(render_host_list, samples.host_list("en"), paper="a5")


def test_markup_in_names_is_printed_literally() -> None:
    """User text such as '<b>' or '&' is escaped, not read as markup."""
    data = samples.host_list("en")
    odd = dataclasses.replace(data.entries[0].host, name="Smith & <b>Jones</b>")
    entry = dataclasses.replace(data.entries[0], host=odd)
    data = HostListData(data.visit, "en", (entry, *data.entries[1:]))
    assert "Smith & <b>Jones</b>" in probe.flat(probe.render(render_host_list, data))


def test_missing_language_falls_back_to_working_language() -> None:
    """A reader whose language has no labels gets the visit's working language (German)."""
    text = probe.flat(probe.render(render_itinerary, samples.itinerary("pl")))
    assert "Ihre Gastfamilie" in text and "Seite 1 von" in text


def test_guest_dataclass_defaults_hide_health() -> None:
    """A guest built without consent carries no health data by default."""
    guest = Guest("A")
    assert not guest.health_shared and guest.allergies == "" and guest.dietary_needs == ""
