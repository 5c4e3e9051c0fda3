"""Data in and out: spreadsheets, iCalendar, backups. No Qt."""
