"""The Qt user interface: main window, pages, dialogs, item models. Only here is PySide6 used."""
