"""Printed documents: frozen document data in, PDF out, every label in the reader's language."""
