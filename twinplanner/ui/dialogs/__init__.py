"""The window's dialogs: editors of partnerships and visits, new records, find, about."""
