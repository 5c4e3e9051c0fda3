"""Text for the page: one escaping helper, script detection, Arabic shaping and bidi per line.

Right-to-left text is wrapped first in logical order, then each line is shaped
(arabic-reshaper) and reordered (python-bidi) on its own: reordering a whole paragraph
before wrapping would print its lines in the wrong order. Each line is drawn in runs, Arabic
letters in the Arabic font and everything else in the Latin font, so mixed lines such as an
Arabic label with the name "Müller" show every glyph.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from xml.sax.saxutils import escape as _xml_escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from twinplanner.documents.fonts import font_runs

_BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), None
)
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
LRM = "\u200e"
NBSP = "\u00a0"
_NUMBER_LIKE = re.compile(r"^[+\d\s().\-/]+$")
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "yi"})


def escape(text: str) -> str:
    """The one escaping helper: plain user text made safe for reportlab's Paragraph markup."""
    return _xml_escape(clean(text))


def clean(text: str | None) -> str:
    """Text without control characters; tabs become spaces, line breaks are kept."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROLS.sub("", text)


def embed_ltr(value: str) -> str:
    """A left-to-right value (a phone number, a Latin name) kept whole inside right-to-left
    text: without the marks, the digit groups of '+33 6 12 34' would print in reverse order."""
    if has_rtl(value):
        return value
    if _NUMBER_LIKE.match(value):
        value = value.replace(" ", NBSP)  # a phone number is never broken over two lines
    return f"{LRM}{value}{LRM}"


def is_rtl_language(lang: str) -> bool:
    """True for languages written right to left."""
    return lang.split("_")[0].split("-")[0].lower() in RTL_LANGUAGES


@functools.lru_cache(maxsize=4096)
def has_rtl(text: str) -> bool:
    """True when the text holds a right-to-left letter (Arabic, Hebrew, ...)."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


@functools.lru_cache(maxsize=8192)
def visual(line: str, rtl: bool) -> str:
    """One line shaped and in visual order (left to right as drawn); controls removed."""
    if not has_rtl(line) and not rtl:
        return line.translate(_BIDI_CONTROLS)
    import arabic_reshaper

    # The pure-Python algorithm mirrors brackets in right-to-left runs (rule L4); the Rust
    # one that ``bidi.get_display`` calls does not, and would print ")Lindenfeld(".
    from bidi.algorithm import get_display

    shaped = arabic_reshaper.reshape(line)
    return get_display(shaped, base_dir="R" if rtl else "L").translate(_BIDI_CONTROLS)


@functools.lru_cache(maxsize=16384)
def text_width(text: str, font: str, size: float) -> float:
    """Width of text in points, with Arabic shaped and each run in its own font."""
    if has_rtl(text):
        import arabic_reshaper

        text = arabic_reshaper.reshape(text)
    return sum(stringWidth(run, f, size) for run, f in font_runs(text, font))


def wrap_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Break text into lines (logical order) no wider than ``width``; long words are cut."""
    lines: list[str] = []
    space = text_width(" ", font, size)
    for paragraph in clean(text).split("\n"):
        current: list[str] = []
        used = 0.0
        for word in filter(None, paragraph.split(" ")):
            w = text_width(word, font, size)
            if w > width:
                if current:
                    lines.append(" ".join(current))
                    current, used = [], 0.0
                pieces = _cut_word(word, font, size, width)
                lines.extend(pieces[:-1])
                word = pieces[-1]
                w = text_width(word, font, size)
            if current and used + space + w > width:
                lines.append(" ".join(current))
                current, used = [], 0.0
            used = w if not current else used + space + w
            current.append(word)
        lines.append(" ".join(current))
    return lines


def _cut_word(word: str, font: str, size: float, width: float) -> list[str]:
    pieces: list[str] = []
    current = ""
    for ch in word:
        if current and text_width(current + ch, font, size) > width:
            pieces.append(current)
            current = ""
        current += ch
    pieces.append(current)
    return pieces


@functools.lru_cache(maxsize=16384)
def _laid_out(
    line: str, font: str, size: float, rtl: bool
) -> tuple[tuple[tuple[str, str], ...], float]:
    """A line in visual order, split into font runs, and its width."""
    runs = font_runs(visual(line, rtl), font)
    return runs, sum(stringWidth(run, f, size) for run, f in runs)


def draw_line(
    canv: Canvas,
    text: str,
    x: float,
    y: float,
    *,
    font: str,
    size: float,
    align: str = "left",
    rtl: bool = False,
    max_width: float | None = None,
) -> float:
    """Draw one line at baseline ``y``; ``x`` is the left, right or centre edge per ``align``.

    A line wider than ``max_width`` is drawn smaller (down to 6 pt), then shortened with '…'.
    Returns the width drawn.
    """
    line = visual(clean(text).replace("\n", " "), rtl)
    width = _runs_width(line, font, size)
    if max_width is not None and width > max_width:
        size = max(6.0, size * max_width / width)
        width = _runs_width(line, font, size)
        shown = line
        while width > max_width and len(line) > 1:
            # the end of the text is at the left of a right-to-left line
            line = line[1:] if rtl else line[:-1]
            shown = "…" + line if rtl else line + "…"
            width = _runs_width(shown, font, size)
        line = shown
    if align == "right":
        x -= width
    elif align == "center":
        x -= width / 2
    for run, f in font_runs(line, font):
        canv.setFont(f, size)
        canv.drawString(x, y, run)
        x += stringWidth(run, f, size)
    return width


def _runs_width(line: str, font: str, size: float) -> float:
    return sum(stringWidth(run, f, size) for run, f in font_runs(line, font))


class TextBlock(Flowable):
    """A paragraph of plain text in one style, in either direction.

    Lines are wrapped in logical order, then each is shaped and reordered and drawn in font
    runs. The text is never parsed as markup, so user text needs no escaping here.
    """

    def __init__(self, text: str, style: ParagraphStyle, *, rtl: bool, lines: Sequence[str] = ()):
        super().__init__()
        self.text = clean(text)
        self.style = style
        self.rtl = rtl  # the document's direction: right-aligned
        # Latin text in a right-to-left document keeps its own order ("Platz 1," not ",Platz 1")
        self.base_rtl = rtl and has_rtl(self.text)
        self._lines: list[str] = list(lines)
        self._wrapped_for: float | None = None if not lines else -1.0

    def _inner(self, avail_width: float) -> float:
        return max(avail_width - self.style.leftIndent - self.style.rightIndent, 1.0)

    def _ensure(self, avail_width: float) -> None:
        if self._wrapped_for == -1.0 or self._wrapped_for == avail_width:
            return
        self._lines = wrap_lines(
            self.text, self.style.fontName, self.style.fontSize, self._inner(avail_width)
        )
        self._wrapped_for = avail_width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Break into lines for the width; returns the size taken."""
        self._ensure(availWidth)
        self.width = availWidth
        self.height = len(self._lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """Split between lines when the paragraph does not fit the space left on the page."""
        self._ensure(availWidth)
        fit = int(availHeight // self.style.leading)
        if fit <= 0:
            return []
        if fit >= len(self._lines):
            return [self]
        head = TextBlock(self.text, self.style, rtl=self.rtl, lines=self._lines[:fit])
        tail = TextBlock(self.text, self.style, rtl=self.rtl, lines=self._lines[fit:])
        return [head, tail]

    def getSpaceBefore(self) -> float:  # noqa: N802
        """Space above, from the style."""
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:  # noqa: N802
        """Space below, from the style."""
        return self.style.spaceAfter

    def draw(self) -> None:
        """Draw each line shaped and reordered, aligned per direction and style."""
        style = self.style
        left = style.leftIndent
        right = self.width - style.rightIndent
        align = {TA_RIGHT: "right", TA_CENTER: "center"}.get(style.alignment, "left")
        if self.rtl and style.alignment == TA_LEFT:
            align = "right"
        size = style.fontSize
        text = self.canv.beginText()
        text.setFillColor(style.textColor)
        y = self.height - size
        for line in self._lines:
            runs, width = _laid_out(line, style.fontName, size, self.base_rtl)
            x = (
                left
                if align == "left"
                else right - width
                if align == "right"
                else ((left + right - width) / 2)
            )
            text.setTextOrigin(x, y)
            for run, font in runs:
                text.setFont(font, size)
                text.textOut(run)
            y -= style.leading
        self.canv.drawText(text)


@functools.lru_cache(maxsize=256)
def _aligned(style: ParagraphStyle, alignment: int) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-{alignment}", parent=style, alignment=alignment)


def para(text: str | None, style: ParagraphStyle, *, rtl: bool = False) -> Flowable:
    """A paragraph of user or label text in the right direction, with a glyph for every letter.

    ``rtl`` is the direction of the document: its paragraphs are right-aligned. Text with
    right-to-left letters is also reordered inside a left-to-right document.
    """
    text = clean(text)
    if rtl and style.alignment == TA_LEFT:
        style = _aligned(style, TA_RIGHT)
    return TextBlock(text, style, rtl=rtl)


def markup(text: str | None, font: str) -> str:
    """Text as reportlab Paragraph markup: escaped, with font changes where a script needs
    its fallback font (for a caller that needs a Paragraph, e.g. inside rich text)."""
    return "".join(
        escape(run) if f == font else f'<font name="{f}">{escape(run)}</font>'
        for run, f in font_runs(clean(text), font)
    ).replace("\n", "<br/>")
