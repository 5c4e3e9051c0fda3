"""Document data for the documents tests and sample pages: a choir and youth-football visit."""

from __future__ import annotations

import datetime as dt

from twinplanner.documents.data import (
    Contact,
    Guest,
    HandOver,
    HostInfo,
    HostListData,
    HostListEntry,
    HostSheetData,
    ItineraryData,
    ProgrammeData,
    ProgrammeEvent,
    SignatureListData,
    SignatureRow,
    SignatureSection,
    Transfer,
    TransportListData,
    TransportStop,
    Traveller,
    VisitInfo,
)

VISIT = VisitInfo(
    partnership="Lindenfeld – Beaulieu-sur-Loire",
    title="Beaulieu-sur-Loire in Lindenfeld: choir and youth football",
    arrival_at=dt.datetime(2027, 5, 12, 17, 0),
    departure_at=dt.datetime(2027, 5, 16, 10, 0),
    arrival_place="Lindenfeld, Rathausplatz (coach stop)",
    departure_place="Lindenfeld, Rathausplatz (coach stop)",
    working_language="de",
    host_town="Lindenfeld",
    guest_town="Beaulieu-sur-Loire",
)

ARRIVAL = Transfer(dt.datetime(2027, 5, 12, 17, 0), "Rathausplatz, coach stop")
DEPARTURE = Transfer(dt.datetime(2027, 5, 16, 9, 30), "Rathausplatz, coach stop")

ORGANISERS = (
    Contact(
        "Katharina Brandt", "Lindenfeld", "+49 6241 55 3101", "katharina.brandt@lindenfeld.example"
    ),
    Contact("Matthias Vogel", "Lindenfeld", "+49 6241 55 3102", ""),
    Contact("Dominique Nicolas", "Beaulieu-sur-Loire", "+33 6 12 34 56 78", "d.nicolas@exemple.fr"),
)


def _at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2027, 5, day, hour, minute)


EVENTS = (
    ProgrammeEvent(
        _at(12, 17),
        _at(12, 18),
        "Arrival of the coach from Beaulieu-sur-Loire",
        "travel",
        meeting_point="Rathausplatz, coach stop",
        meeting_at=_at(12, 16, 45),
        transport="Hosts collect their guests",
    ),
    ProgrammeEvent(
        _at(12, 19),
        _at(12, 21, 30),
        "Welcome evening with the host families",
        "meal",
        "Stadthalle Lindenfeld",
        "Rathausstraße 1, 67551 Lindenfeld",
        "Stadthalle, main entrance",
        _at(12, 18, 45),
    ),
    ProgrammeEvent(
        _at(13, 10),
        _at(13, 11, 30),
        "Mayor's reception and signing of the guest book",
        "reception",
        "Rathaus, Festsaal",
        "Marktplatz 1, 67551 Lindenfeld",
        "Marktplatz, Rathaus steps",
        _at(13, 9, 45),
        public=True,
    ),
    ProgrammeEvent(
        _at(13, 15),
        _at(13, 16, 15),
        "U13: SV Lindenfeld – AS Beaulieu",
        "match",
        "Sportpark am Lindenberg, Platz 1",
        "Am Sportplatz 1, 67551 Lindenfeld",
        "Sportpark changing rooms",
        _at(13, 14, 15),
        public=True,
        who="SV Lindenfeld U13, AS Beaulieu U13",
    ),
    ProgrammeEvent(
        _at(14, 9),
        _at(14, 18),
        "Excursion to the Rhine valley and Rüdesheim",
        "excursion",
        meeting_point="Rathausplatz, coach stop",
        meeting_at=_at(14, 8, 45),
        transport="Two coaches, packed lunch from the hosts",
    ),
    ProgrammeEvent(
        _at(15, 19),
        _at(15, 21),
        "Joint concert: Liederkranz Lindenfeld & Chœur de Beaulieu",
        "concert",
        "St.-Marien-Kirche",
        "Kirchplatz 4, 67551 Lindenfeld",
        "St.-Marien-Kirche, sacristy",
        _at(15, 18, 15),
        public=True,
    ),
    ProgrammeEvent(
        _at(16, 10),
        _at(16, 10, 30),
        "Departure of the coach",
        "travel",
        meeting_point="Rathausplatz, coach stop",
        meeting_at=_at(16, 9, 30),
        transport="Hosts bring their guests to the coach",
    ),
)

HOST_HADDAD = HostInfo(
    "Leila Haddad-Schmidt",
    "Rheinstraße 18, 67551 Lindenfeld",
    "Südstadt",
    "+49 6241 23 456",
    "Jan Schmidt, Sami (14)",
    "leila.haddad@example.de",
    ("de", "ar", "fr"),
)
HOST_TARANU = HostInfo(
    "Ioana Țăranu",
    "Amselweg 7, 67551 Lindenfeld",
    "Nordviertel",
    "+49 6241 77 812",
    "Radu Țăranu",
    "",
    ("de", "ro", "fr"),
)
HOST_MUELLER = HostInfo(
    "Sabine Müller",
    "Lindenstraße 12, 67551 Lindenfeld",
    "Altstadt",
    "+49 6241 31 250",
    "Thomas Müller, Lena (14)",
    "",
    ("de", "fr"),
)


def itinerary(
    language: str = "fr",
    *,
    members: tuple[Traveller, ...] | None = None,
    party: str = "Benali",
    host: HostInfo | None = HOST_HADDAD,
    events: tuple[ProgrammeEvent, ...] = EVENTS,
) -> ItineraryData:
    """The Benali family's itinerary (an Arabic-speaking family from Beaulieu)."""
    return ItineraryData(
        visit=VISIT,
        language=language,
        party_name=party,
        members=members
        or (
            Traveller("Karim Benali", None, ("ar", "fr"), "+33 6 11 22 33 44"),
            Traveller("Samira Benali", None, ("ar", "fr"), "+33 6 55 66 77 88"),
            Traveller("Yasmine Benali", 11, ("ar", "fr")),
        ),
        host=host,
        arrival=ARRIVAL,
        departure=DEPARTURE,
        events=events,
        organisers=ORGANISERS,
        safety_contact=ORGANISERS[2],
    )


def romanian_itinerary() -> ItineraryData:
    """The Popescu family's itinerary, with Romanian diacritics in names."""
    return itinerary(
        "ro",
        party="Popescu",
        host=HOST_TARANU,
        members=(
            Traveller("Ana Popescu", None, ("ro", "fr"), "+33 6 10 20 30 40"),
            Traveller("Mihai Popescu", None, ("ro", "fr")),
            Traveller("Ștefan Popescu", 14, ("ro", "fr")),
        ),
    )


def host_sheet(language: str = "de") -> HostSheetData:
    """The Haddad-Schmidt household's sheet with three guests; one did not share health data."""
    guests = (
        Guest(
            "Karim Benali",
            None,
            ("ar", "fr"),
            "+33 6 11 22 33 44",
            True,
            arrival=ARRIVAL,
            departure=DEPARTURE,
        ),
        Guest(
            "Samira Benali",
            None,
            ("ar", "fr"),
            "",
            True,
            "vegetarian",
            arrival=ARRIVAL,
            departure=DEPARTURE,
        ),
        Guest(
            "Yasmine Benali",
            11,
            ("ar", "fr"),
            "",
            True,
            "",
            "nuts",
            ("cat",),
            arrival=ARRIVAL,
            departure=DEPARTURE,
        ),
        Guest(
            "Nour Haddad",
            None,
            ("ar", "fr", "en"),
            "",
            False,
            arrival=Transfer(_at(11, 18, 30), "Bahnhof Lindenfeld"),
            departure=DEPARTURE,
        ),
    )
    handovers = (
        HandOver(
            _at(13, 14, 15),
            "bring",
            "Sportpark changing rooms",
            ("Karim Benali", "Yasmine Benali"),
            "U13: SV Lindenfeld – AS Beaulieu",
        ),
        HandOver(
            _at(13, 16, 15),
            "collect",
            "Sportpark am Lindenberg, Platz 1",
            ("Karim Benali", "Yasmine Benali"),
            "U13: SV Lindenfeld – AS Beaulieu",
        ),
        HandOver(
            _at(15, 18, 15),
            "bring",
            "St.-Marien-Kirche, sacristy",
            ("Nour Haddad",),
            "Joint concert: Liederkranz Lindenfeld & Chœur de Beaulieu",
        ),
    )
    return HostSheetData(
        VISIT, language, HOST_HADDAD, guests, ARRIVAL, DEPARTURE, handovers, ORGANISERS
    )


def host_list(language: str = "de") -> HostListData:
    """Three households, one without guests."""
    return HostListData(
        VISIT,
        language,
        (
            HostListEntry(HOST_MUELLER, ("Élodie Lefèvre", "François Lefèvre")),
            HostListEntry(HOST_TARANU, ("Ana Popescu", "Mihai Popescu", "Ștefan Popescu")),
            HostListEntry(HOST_HADDAD, ("Karim Benali", "Samira Benali", "Yasmine Benali")),
            HostListEntry(
                HostInfo(
                    "Anke Walter",
                    "Lindenstraße 40, 67551 Lindenfeld",
                    "Altstadt",
                    "+49 6241 44 100",
                ),
                (),
            ),
        ),
    )


def programme(
    languages: tuple[str, ...] = ("de", "fr"), events: tuple[ProgrammeEvent, ...] = EVENTS
) -> ProgrammeData:
    """The whole programme in two languages."""
    return ProgrammeData(VISIT, languages, events)


def long_programme(days: int = 5, per_day: int = 14) -> tuple[ProgrammeEvent, ...]:
    """Many events, enough for several pages."""
    events = []
    for d in range(days):
        for i in range(per_day):
            start = dt.datetime(2027, 5, 12 + d, 8, 0) + dt.timedelta(minutes=50 * i)
            events.append(
                ProgrammeEvent(
                    start,
                    start + dt.timedelta(minutes=45),
                    f"Workshop {d + 1}.{i + 1}: Lieder aus der Pfalz",
                    "rehearsal",
                    "Musikschule, Probensaal",
                    "Schulgasse 8, 67551 Lindenfeld",
                    "Musikschule entrance",
                    start - dt.timedelta(minutes=10),
                )
            )
    return tuple(events)


def signature_list(language: str = "de") -> SignatureListData:
    """The U13 match: a local and an invited section, youth age bands shown."""
    local = SignatureSection(
        "Lindenfeld",
        "DE",
        True,
        (
            SignatureRow("Mia Fischer", "Lindenfeld", "DE", "12-17"),
            SignatureRow("Tobias Koch", "Lindenfeld", "DE", "27+"),
        ),
    )
    invited = SignatureSection(
        "Beaulieu-sur-Loire",
        "FR",
        False,
        (
            SignatureRow("Karim Benali", "Beaulieu-sur-Loire", "FR", "27+"),
            SignatureRow("Yasmine Benali", "Beaulieu-sur-Loire", "FR", "0-11"),
            SignatureRow("Ștefan Popescu", "Beaulieu-sur-Loire", "FR", "12-17"),
        ),
    )
    return SignatureListData(
        VISIT,
        language,
        "U13: SV Lindenfeld – AS Beaulieu",
        dt.date(2027, 5, 13),
        _at(13, 15),
        "Sportpark am Lindenberg, Platz 1",
        (local, invited),
        True,
        (ORGANISERS[0], ORGANISERS[2]),
    )


def transport_list(language: str = "de") -> TransportListData:
    """Pick-ups for the excursion."""
    stops = (
        TransportStop(
            _at(14, 8, 20),
            HOST_MUELLER.address,
            "Altstadt",
            HOST_MUELLER.name,
            HOST_MUELLER.phone,
            ("Élodie Lefèvre", "François Lefèvre"),
        ),
        TransportStop(
            _at(14, 8, 30),
            HOST_TARANU.address,
            "Nordviertel",
            HOST_TARANU.name,
            HOST_TARANU.phone,
            ("Ana Popescu", "Mihai Popescu", "Ștefan Popescu"),
        ),
    )
    return TransportListData(
        VISIT,
        language,
        "Excursion to the Rhine valley and Rüdesheim",
        _at(14, 9),
        "Rathausplatz, coach stop",
        "Two coaches, packed lunch from the hosts",
        stops,
    )
