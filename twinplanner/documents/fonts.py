"""The embedded Unicode fonts and the choice of font per character (a fallback per script)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

SANS = "TP-Sans"
SANS_BOLD = "TP-Sans-Bold"
ARABIC = "TP-Arabic"
ARABIC_BOLD = "TP-Arabic-Bold"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    ARABIC: "NotoNaskhArabic-Regular.ttf",
    ARABIC_BOLD: "NotoNaskhArabic-Bold.ttf",
}

# The fallback for each base font: Arabic letters are drawn in Noto Naskh Arabic, because
# DejaVu's Arabic is incomplete and Noto Naskh has no Latin letters.
_ARABIC_OF = {SANS: ARABIC, SANS_BOLD: ARABIC_BOLD}

_ARABIC_RANGES = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)


_ARABIC_RE = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _ARABIC_RANGES) + "]")


class FontError(RuntimeError):
    """A font file the documents need is missing or unreadable."""


@functools.cache
def register_fonts() -> tuple[str, ...]:
    """Register the embedded fonts with reportlab once; returns their names."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, filename in _FILES.items():
        path = FONT_DIR / filename
        if not path.is_file():
            raise FontError(f"The font file {path} is missing; reinstall TwinPlanner.")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    for regular, bold in ((SANS, SANS_BOLD), (ARABIC, ARABIC_BOLD)):
        addMapping(regular, 0, 0, regular)
        addMapping(regular, 1, 0, bold)
        addMapping(regular, 0, 1, regular)
        addMapping(regular, 1, 1, bold)
    return tuple(_FILES)


def is_arabic(ch: str) -> bool:
    """True for a letter, mark, digit or presentation form of the Arabic script."""
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _ARABIC_RANGES)


@functools.cache
def _cmap(font_name: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


def has_glyph(font_name: str, ch: str) -> bool:
    """True when the font can draw the character."""
    return ord(ch) in _cmap(font_name)


def font_for(ch: str, base: str, previous: str | None = None) -> str:
    """The font to draw one character with, given the base font of the text.

    Arabic letters take the Arabic fallback; spaces and punctuation stay in the font of the run
    they are in, so a run of Arabic words is not cut at every space.
    """
    arabic = _ARABIC_OF.get(base, ARABIC)
    if is_arabic(ch):
        return arabic if has_glyph(arabic, ch) else base
    if previous == arabic and not ch.isalnum() and has_glyph(arabic, ch):
        return arabic
    if has_glyph(base, ch) or not has_glyph(arabic, ch):
        return base
    return arabic


@functools.lru_cache(maxsize=32768)
def font_runs(text: str, base: str) -> tuple[tuple[str, str], ...]:
    """Split text into (text, font) runs so that every character has a glyph."""
    if _ARABIC_RE.search(text) is None and _covers(base, text):
        return ((text, base),)
    return tuple(_split_runs(text, base))


def _covers(font_name: str, text: str) -> bool:
    cmap = _cmap(font_name)
    return all(ord(ch) in cmap for ch in set(text))


def _split_runs(text: str, base: str) -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []
    current = ""
    font: str | None = None
    for ch in text:
        f = font_for(ch, base, font)
        if f != font and current:
            runs.append((current, font or base))
            current = ""
        font = f
        current += ch
    if current:
        runs.append((current, font or base))
    return runs
