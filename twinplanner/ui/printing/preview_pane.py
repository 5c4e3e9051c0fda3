"""The preview beside the list: pictures of the first pages, scaled to the pane's width."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from twinplanner.i18n import _
from twinplanner.ui.printing.preview import PreviewResult


class PreviewPane(QWidget):
    """A caption, then the page pictures one under the other; a message when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images: tuple[QImage, ...] = ()
        self._captions: tuple[str, ...] = ()
        self.heading = QLabel(_("Preview"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.heading.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.pages = QWidget()
        self.pages.setStyleSheet("background: #8a8f94;")
        self._pages_layout = QVBoxLayout(self.pages)
        self._pages_layout.setContentsMargins(8, 8, 8, 8)
        self._pages_layout.setSpacing(8)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll.setWidget(self.pages)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and Page Down scroll
        self.scroll.setAccessibleName(_("Preview of the first pages"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.scroll, 1)
        self.show_message(_("Choose documents to see their first pages here."))

    def images(self) -> tuple[QImage, ...]:
        """The page pictures shown (empty while a message is shown)."""
        return self._images

    def show_message(self, text: str) -> None:
        """Show a line instead of pages ('Preparing the preview…', a reason for none)."""
        self._images, self._captions = (), ()
        self.message.setText(text)
        self.message.show()
        self.scroll.hide()

    def show_result(self, result: PreviewResult) -> None:
        """Show the pages of a finished preview."""
        if not result.images:
            self.show_message(_("Nothing to preview."))
            return
        self._images, self._captions = result.images, result.captions
        self.message.hide()
        self.scroll.show()
        self._lay_out()

    def _lay_out(self) -> None:
        while self._pages_layout.count():
            item = self._pages_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        bar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        width = max(self.scroll.width() - bar - 24, 120)  # room for the bar: no sideways scroll
        ratio = self.devicePixelRatioF()
        for image, caption in zip(self._images, self._captions, strict=True):
            label = QLabel()
            pixmap = QPixmap.fromImage(image).scaledToWidth(
                int(width * ratio), Qt.TransformationMode.SmoothTransformation
            )
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setToolTip(caption)
            label.setAccessibleName(caption)
            self._pages_layout.addWidget(label)
        self._pages_layout.addStretch(1)
        self.heading.setText(_("Preview: {what}").format(what=self._captions[0]))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._images:
            self._lay_out()
