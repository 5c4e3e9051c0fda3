"""The Programme page's parts: timeline, list, conflicts, proposals, editor and undo commands."""
