"""The pages of the main window, one per task of the organiser."""
