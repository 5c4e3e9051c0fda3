"""Data layer: peewee models over one SQLite file, migrations, snapshot queries, demo data."""
