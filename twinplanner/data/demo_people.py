"""The people and households of the demo exchange, as plain data."""

from __future__ import annotations

# Visiting parties from Beaulieu-sur-Loire. Member tuple:
# (full name, gender f/m, birth date, role, club key or "", languages, extras)
# extras: comma list of flags: smoker, smokefree, stepfree, cat, dog, horse (animal allergies),
# veg (vegetarian), gluten, nuts, nohealth (no consent to share health data), nophoto.
PARTIES: list[tuple[str, str, list[tuple[str, str, str, str, str, str, str]]]] = [
    ("Lefèvre", "couple", [
        ("Élodie Lefèvre", "f", "1968-03-14", "singer", "choir_fr", "fr,de", "cat"),
        ("François Lefèvre", "m", "1965-11-02", "singer", "choir_fr", "fr", ""),
    ]),
    ("Dubois", "couple", [
        ("Hélène Dubois", "f", "1959-07-21", "singer", "choir_fr", "fr,en", "veg"),
        ("Jérôme Dubois", "m", "1957-01-30", "singer", "choir_fr", "fr", "smoker"),
    ]),
    ("Mercier", "single", [("Gaëlle Mercier", "f", "1979-09-09", "singer", "choir_fr", "fr,en", "dog")]),
    ("Fontaine", "couple", [
        ("Chloé Fontaine", "f", "1971-05-05", "singer", "choir_fr", "fr,de", "gluten"),
        ("Benoît Fontaine", "m", "1970-12-12", "musician", "choir_fr", "fr", ""),
    ]),
    ("Garnier", "single", [("Noémie Garnier", "f", "1988-02-17", "singer", "choir_fr", "fr,en", "smokefree")]),
    ("Lambert", "single", [("Amélie Lambert", "f", "1962-08-08", "singer", "choir_fr", "fr", "stepfree")]),
    ("Girard", "couple", [
        ("Isabelle Girard", "f", "1955-04-01", "singer", "choir_fr", "fr,de", ""),
        ("Pascal Girard", "m", "1953-10-19", "singer", "choir_fr", "fr,de", ""),
    ]),
    ("Mathieu", "single", [("Véronique Mathieu", "f", "1966-06-23", "singer", "choir_fr", "fr", "cat,nuts")]),
    ("Gauthier", "single", [("Thierry Gauthier", "m", "1961-01-11", "singer", "choir_fr", "fr,en", "")]),
    ("Renard", "couple", [
        ("Sylvie Renard", "f", "1964-09-27", "singer", "choir_fr", "fr", ""),
        ("Patrick Renard", "m", "1963-03-03", "singer", "choir_fr", "fr", "smoker"),
    ]),
    ("Bertrand", "single", [("Martine Bertrand", "f", "1958-12-24", "singer", "choir_fr", "fr,de", "veg")]),
    ("Leclerc", "single", [("Bernard Leclerc", "m", "1956-05-30", "singer", "choir_fr", "fr", "")]),
    ("Masson", "single", [("Aurélie Masson", "f", "1983-07-07", "musician", "choir_fr", "fr,en,de", "")]),
    ("Popescu", "family", [
        ("Ana Popescu", "f", "1984-02-29", "singer", "choir_fr", "ro,fr", "cat"),
        ("Mihai Popescu", "m", "1982-06-15", "official", "", "ro,fr", ""),
        ("Ștefan Popescu", "m", "2013-04-09", "player", "u15_fr", "ro,fr", ""),
    ]),
    ("Benali", "family", [
        ("Karim Benali", "m", "1978-10-10", "coach", "u13_fr", "ar,fr", ""),
        ("Samira Benali", "f", "1980-01-20", "chaperone", "", "ar,fr", "veg"),
        ("Yasmine Benali", "f", "2015-08-03", "player", "u13_fr", "ar,fr", "nuts"),
    ]),
    ("Haddad", "single", [("Nour Haddad", "f", "1990-03-12", "singer", "choir_fr", "ar,fr,en", "")]),
    ("Roux & Fournier", "friends", [
        ("Hugo Roux", "m", "2012-02-02", "player", "u15_fr", "fr,en", ""),
        ("Lucas Fournier", "m", "2012-06-18", "player", "u15_fr", "fr", "dog"),
    ]),
    ("Morel & Blanc", "friends", [
        ("Jules Morel", "m", "2012-09-30", "player", "u15_fr", "fr", ""),
        ("Enzo Blanc", "m", "2013-01-14", "player", "u15_fr", "fr,de", "gluten"),
    ]),
    ("Guérin & Robin", "friends", [
        ("Louis Guérin", "m", "2012-11-11", "player", "u15_fr", "fr", ""),
        ("Clément Robin", "m", "2012-04-04", "player", "u15_fr", "fr", "cat"),
    ]),
    ("Arnaud & Picard", "friends", [
        ("Mathis Arnaud", "m", "2014-03-21", "player", "u13_fr", "fr", ""),
        ("Nolan Picard", "m", "2014-07-07", "player", "u13_fr", "fr", ""),
    ]),
    ("Meunier & Barbier", "friends", [
        ("Sacha Meunier", "m", "2014-10-01", "player", "u13_fr", "fr", "nuts"),
        ("Timéo Barbier", "m", "2014-12-19", "player", "u13_fr", "fr", ""),
    ]),
    ("Dumas & Colin", "friends", [
        ("Louna Dumas", "f", "2014-05-25", "player", "u13_fr", "fr", ""),
        ("Manon Colin", "f", "2014-08-30", "player", "u13_fr", "fr,en", "horse"),
    ]),
    ("Vidal", "family", [
        ("Camille Vidal", "f", "1981-04-14", "chaperone", "", "fr,en", ""),
        ("Raphaël Vidal", "m", "2012-12-01", "player", "u15_fr", "fr,en", ""),
    ]),
    ("Fabre", "family", [
        ("Sébastien Fabre", "m", "1976-02-08", "coach", "u15_fr", "fr,de", "smoker"),
        ("Océane Fabre", "f", "2014-01-16", "player", "u13_fr", "fr", ""),
    ]),
    ("Brun", "single", [("Théo Brun", "m", "2013-05-05", "player", "u15_fr", "fr", "")]),
    ("Chevalier", "single", [("Zoé Chevalier", "f", "2014-09-09", "player", "u13_fr", "fr", "")]),
    ("Perrin", "single", [("Léa Perrin", "f", "1992-11-30", "chaperone", "", "fr,en,de", "")]),
    ("Caron", "single", [("Maël Caron", "m", "1987-08-08", "coach", "u13_fr", "fr,en", "")]),
    ("Boyer", "couple", [
        ("Inès Boyer", "f", "1950-02-02", "official", "officials_fr", "fr,de", "stepfree"),
        ("Gérard Boyer", "m", "1948-06-06", "official", "officials_fr", "fr", "stepfree"),
    ]),
    ("Nicolas", "single", [("Dominique Nicolas", "f", "1960-10-10", "organiser", "officials_fr", "fr,de,en", "")]),
    ("Lemoine", "single", [("Véronique Lemoine", "f", "1969-03-03", "singer", "choir_fr", "fr", "nohealth")]),
    ("Henry", "single", [("Sébastien Henry", "m", "1974-07-14", "musician", "choir_fr", "fr,en", "")]),
    ("Moreau", "couple", [
        ("Anne-Sophie Moreau", "f", "1973-12-05", "singer", "choir_fr", "fr", ""),
        ("Olivier Moreau", "m", "1972-09-17", "singer", "choir_fr", "fr", ""),
    ]),
    ("Laurent", "single", [("Christine Laurent", "f", "1967-01-25", "singer", "choir_fr", "fr,de", "dog")]),
    ("Simon", "single", [("Marc Simon", "m", "1980-04-30", "singer", "choir_fr", "fr", "nophoto")]),
    ("Michel", "single", [("Brigitte Michel", "f", "1954-11-08", "singer", "choir_fr", "fr", "")]),
    ("Garcia", "single", [("Lucía García", "f", "1986-05-19", "musician", "choir_fr", "fr,es", "")]),
    ("Kowalski", "single", [("Zofia Kowalska", "f", "1977-02-14", "singer", "choir_fr", "fr,pl", "")]),
    ("David", "single", [("Antoine David", "m", "1995-08-21", "musician", "choir_fr", "fr,en", "smokefree")]),
    ("Bonnet", "single", [("Nathalie Bonnet", "f", "1971-06-06", "singer", "choir_fr", "fr", "")]),
]

# Host households of Lindenfeld:
# (contact, members, street, district, languages, beds, double beds, pets, flags, minors cleared,
#  max guests or 0, preferred guests or 0)
# flags: smoking, stepfree, female_only, no_minors, adults (age group), minors (age group)
HOUSEHOLDS: list[tuple[str, str, str, str, str, int, int, str, str, bool, int, int]] = [
    ("Sabine Müller", "Thomas Müller, Lena (14)", "Lindenstraße 12", "Altstadt", "de,fr", 3, 1, "cat", "", True, 0, 2),
    ("Jürgen Schneider", "Petra Schneider", "Bahnhofstraße 4", "Altstadt", "de,en", 2, 1, "", "", False, 0, 0),
    ("Andrea Fischer", "Kai Fischer, Mia (12), Ben (10)", "Am Lindenberg 7", "Am Lindenberg", "de,fr", 2, 0, "dog", "", True, 0, 0),
    ("Monika Weber", "", "Schulgasse 3", "Altstadt", "de,fr", 1, 0, "", "female_only,stepfree", False, 1, 0),
    ("Klaus Meyer", "Ursula Meyer", "Gartenweg 19", "Nordviertel", "de", 2, 1, "", "smoking", False, 0, 0),
    ("Stefanie Wagner", "Markus Wagner, Jonas (15), Emil (13)", "Ahornweg 2", "Nordviertel", "de,en", 2, 0, "", "", True, 0, 2),
    ("Dieter Becker", "Renate Becker", "Mühlenstraße 28", "Südstadt", "de", 2, 1, "", "smoking", False, 0, 0),
    ("Claudia Schulz", "Frank Schulz, Anna (16)", "Rosenstraße 5", "Südstadt", "de,fr,en", 3, 1, "", "", True, 0, 0),
    ("Heike Hoffmann", "", "Kirchplatz 1", "Altstadt", "de,fr", 2, 1, "", "stepfree", False, 0, 0),
    ("Wolfgang Schäfer", "Gisela Schäfer", "Feldstraße 44", "Ostend", "de", 2, 1, "cat", "", False, 0, 0),
    ("Birgit Koch", "Tobias Koch, Paul (14), Lisa (11)", "Birkenallee 9", "Nordviertel", "de,fr", 3, 0, "", "", True, 0, 0),
    ("Ralf Bauer", "Karin Bauer", "Hauptstraße 87", "Ostend", "de", 2, 1, "dog", "", False, 0, 0),
    ("Susanne Richter", "Lukas Richter (13)", "Eichenweg 14", "Am Lindenberg", "de,en", 2, 0, "", "minors", True, 0, 0),
    ("Michael Klein", "Sandra Klein", "Weinbergstraße 6", "Südstadt", "de,fr", 2, 1, "", "", False, 0, 0),
    ("Gabriele Wolf", "", "Marktplatz 2", "Altstadt", "de,en,fr", 1, 0, "", "stepfree", False, 0, 0),
    ("Peter Schröder", "Elke Schröder", "Brunnenweg 11", "Weststadt", "de", 2, 1, "", "", False, 0, 0),
    ("Nicole Neumann", "Sven Neumann, Tim (14), Leon (14)", "Tannenweg 3", "Weststadt", "de", 3, 0, "", "", True, 0, 2),
    ("Thomas Schwarz", "Julia Schwarz", "Uferstraße 22", "Weststadt", "de,en", 2, 1, "horse", "", False, 0, 0),
    ("Karin Zimmermann", "", "Ringstraße 17", "Ostend", "de,fr", 2, 0, "", "female_only", False, 2, 0),
    ("Martin Braun", "Silke Braun, Noah (13)", "Kastanienweg 8", "Nordviertel", "de,en", 2, 0, "cat", "", True, 0, 0),
    ("Ute Krüger", "Hans Krüger", "Wiesenstraße 30", "Ostend", "de", 2, 1, "", "no_minors", False, 0, 0),
    ("Frank Hofmann", "Bettina Hofmann, Sophie (15)", "Lessingstraße 5", "Südstadt", "de,fr", 3, 1, "", "", True, 0, 0),
    ("Christa Hartmann", "", "Goethestraße 13", "Altstadt", "de,fr", 1, 0, "", "adults", False, 0, 0),
    ("Jens Lange", "Anja Lange, Finn (12), Ella (9)", "Schillerweg 21", "Weststadt", "de,en", 2, 0, "dog", "", True, 0, 0),
    ("Helga Schmitt", "Rolf Schmitt", "Poststraße 9", "Nordviertel", "de,fr", 2, 1, "", "stepfree", False, 0, 0),
    ("Bernd Werner", "Doris Werner", "Mozartstraße 4", "Südstadt", "de", 2, 1, "", "", False, 0, 0),
    ("Sandra Schmitz", "Oliver Schmitz, Maja (14), Luca (12)", "Buchenweg 16", "Am Lindenberg", "de,fr,en", 4, 0, "", "", True, 0, 3),
    ("Manfred Krause", "Inge Krause", "Dorfstraße 50", "Ostend", "de", 2, 1, "", "smoking", False, 0, 0),
    ("Elke Meier", "", "Am Bach 3", "Weststadt", "de,en", 1, 0, "cat", "", False, 0, 0),
    ("Uwe Lehmann", "Tanja Lehmann, Jan (13)", "Bergstraße 1", "Am Lindenberg", "de", 2, 0, "", "", True, 0, 0),
    ("Gerda Schmid", "Horst Schmid", "Kapellenweg 8", "Altstadt", "de,fr", 2, 1, "", "", False, 0, 0),
    ("Markus Schulze", "Katrin Schulze, Tom (15)", "Fliederweg 10", "Nordviertel", "de,en", 3, 1, "", "", True, 0, 0),
    ("Ingrid Maier", "", "Hirschgasse 2", "Altstadt", "de", 1, 0, "", "female_only", False, 0, 0),
    ("Stefan Köhler", "Daniela Köhler", "Industriestraße 12", "Ostend", "de,en", 2, 1, "dog", "", False, 0, 0),
    ("Petra Herrmann", "Jörg Herrmann, Clara (13), Max (11)", "Sonnenweg 6", "Südstadt", "de,fr", 3, 0, "", "", True, 0, 0),
    ("Reinhard König", "Erika König", "Schlossstraße 3", "Altstadt", "de,fr", 2, 1, "", "stepfree", False, 0, 0),
    ("Anke Walter", "", "Lindenstraße 40", "Altstadt", "de,en", 2, 0, "", "", False, 0, 1),
    ("Emre Öztürk", "Ayşe Öztürk, Elif (14)", "Westring 25", "Weststadt", "de,tr,en", 3, 1, "", "", True, 0, 0),
    ("Ioana Țăranu", "Radu Țăranu", "Amselweg 7", "Nordviertel", "de,ro,fr", 2, 1, "", "", False, 0, 0),
    ("Leila Haddad-Schmidt", "Jan Schmidt, Sami (14)", "Rheinstraße 18", "Südstadt", "de,ar,fr", 3, 1, "", "", True, 0, 0),
    ("Jutta Huber", "Georg Huber", "Talweg 5", "Ostend", "de", 2, 1, "", "", False, 0, 0),
    ("Daniel Kaiser", "Miriam Kaiser, Ole (14), Ida (12)", "Ulmenweg 11", "Weststadt", "de,en", 2, 0, "cat", "", True, 0, 0),
    ("Renate Fuchs", "", "Blumenstraße 21", "Nordviertel", "de,fr", 1, 0, "", "adults,stepfree", False, 0, 0),
    ("Hans-Peter Scholz", "Marion Scholz", "Am Sportplatz 2", "Am Lindenberg", "de", 2, 1, "", "", False, 0, 0),
    ("Kerstin Möller", "Florian Möller, Greta (13)", "Eschenweg 4", "Am Lindenberg", "de,fr,en", 3, 1, "dog", "", True, 0, 0),
]
