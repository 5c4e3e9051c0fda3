"""Printed documents: frozen document data in, PDF bytes out, every label in the reader's language."""
