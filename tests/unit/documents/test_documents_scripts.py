"""Scripts and layout: Arabic and Romanian read back right, pages break, nothing overflows."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tests.unit.documents import doc_samples as samples
from tests.unit.documents import pdf_probe as probe
from twinplanner.documents.data import Traveller
from twinplanner.documents.fonts import SANS, SANS_BOLD, font_runs
from twinplanner.documents.itinerary import render_itinerary
from twinplanner.documents.programme import render_programme
from twinplanner.documents.styles import MARGIN_SIDE, styles
from twinplanner.documents.text import TextBlock, has_rtl, markup, para, visual, wrap_lines

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"


def _is_presentation_form(ch: str) -> bool:
    return 0xFB50 <= ord(ch) <= 0xFEFF


def test_arabic_itinerary_reads_back_shaped_with_the_right_letters() -> None:
    """An Arabic itinerary holds shaped Arabic that reads back as the right words, with the
    Latin names and addresses next to it intact."""
    pdf = probe.render(render_itinerary, samples.itinerary("ar"))
    raw = probe.raw_text(pdf)
    assert any(_is_presentation_form(ch) for ch in raw)  # shaped, not isolated letters
    text = probe.text(pdf)
    for word in ("إقامتكم", "المسافرون", "عائلتكم", "المضيفة", "الطوارئ", "صفحة", "مايو"):
        assert word in text, word
    for latin in (
        "Karim Benali",
        "Leila Haddad-Schmidt",
        "Rheinstraße 18, 67551 Lindenfeld",
        "+33 6 12 34 56 78",
        "Rathausplatz, coach stop",
    ):
        assert latin in text, latin
    assert probe.font_problems(pdf) == []


def test_romanian_itinerary_reads_back_with_comma_below_letters() -> None:
    """A Romanian itinerary prints ș and ț (comma below), which the standard fonts cannot."""
    text = probe.flat(probe.render(render_itinerary, samples.romanian_itinerary()))
    for expected in (
        "Șederea dumneavoastră: Popescu",
        "Ștefan Popescu",
        "Ioana Țăranu",
        "Contacte de urgență",
        "Urgențe (poliție, ambulanță, pompieri)",
        "Pagina 1 din",
    ):
        assert expected in text, expected
    assert "\u015f" not in text and "\u0163" not in text  # no cedilla look-alikes


def test_long_programme_breaks_across_pages_with_the_header_repeated() -> None:
    """A programme longer than a page continues on the next pages under the same header."""
    data = samples.programme(("de", "fr"), samples.long_programme(days=5, per_day=14))
    pages = probe.page_texts(probe.render(render_programme, data))
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert "Zeit" in page and "Heure" in page and "Treffpunkt" in page, number
        assert f"Seite {number} von {len(pages)}" in page
    every = "\n".join(pages)
    assert "Workshop 5.14" in every and "Workshop 1.1" in every


def test_party_of_five_with_long_name_stays_on_the_page() -> None:
    """Five travellers with long names and a long party name: all printed, nothing past the
    margins."""
    members = tuple(
        Traveller(
            f"Maximiliane-Friederike von Hohenzollern-Sigmaringen {i}",
            9 + i,
            ("de", "fr", "ro", "ar"),
            "+49 170 1234 5678",
        )
        for i in range(5)
    )
    party = "Hohenzollern-Sigmaringen-Wolfeschlegelsteinhausenbergerdorff und Freunde " * 2
    for lang in ("de", "ar"):
        pdf = probe.render(render_itinerary, samples.itinerary(lang, members=members, party=party))
        width, _ = probe.page_size(pdf)
        runs = probe.drawn(pdf)
        assert min(r.left for r in runs) >= MARGIN_SIDE - 0.5
        assert max(r.right for r in runs) <= width - MARGIN_SIDE + 0.5
        text = probe.text(pdf).replace("\n", "")
        for i in range(5):
            assert f"Hohenzollern-Sigmaringen {i}" in text


def test_arabic_paragraph_wraps_with_lines_in_reading_order() -> None:
    """A long Arabic paragraph is wrapped first and reordered per line: its first words are on
    the first line, at the top."""
    seed = (SEEDS / "000_5f2416d63b91b5f5.txt").read_text(encoding="utf-8").split("\n")[0]
    words = seed.split()
    body = styles().body
    lines = wrap_lines(seed, body.fontName, body.fontSize, 120)
    assert len(lines) > 3
    assert lines[0].split()[0] == words[0] and lines[-1].split()[-1] == words[-1]
    flowable = TextBlock(seed, styles().body, rtl=True)
    _, height = flowable.wrap(120, 1000)
    assert height == pytest.approx(len(lines) * styles().body.leading)
    head, tail = flowable.split(120, styles().body.leading * 2.5)
    assert head.wrap(200, 1000)[1] == pytest.approx(2 * styles().body.leading)
    assert tail.wrap(200, 1000)[1] == pytest.approx((len(lines) - 2) * styles().body.leading)


def test_visual_order_mirrors_brackets_and_keeps_numbers_whole() -> None:
    """Reordered Arabic keeps '(Deutschland)'-style brackets facing the right way and a phone
    number embedded in an Arabic sentence in its own order."""
    from twinplanner.documents.labels import translation_for

    line = visual("المشاركون من Lindenfeld (ألمانيا)", True)
    assert line.index("(") < line.index(")") < line.index("Lindenfeld")
    sentence = translation_for("ar")(
        "unsafe_call", name="Dominique Nicolas", phone="+33 6 12 34 56 78"
    )
    shown = "".join(visual(x, True) for x in wrap_lines(sentence, SANS_BOLD, 9.5, 400))
    assert "+33\u00a06\u00a012\u00a034\u00a056\u00a078" in shown


def test_mixed_arabic_latin_line_uses_a_font_with_each_glyph() -> None:
    """In a mixed line, Arabic letters go to the Arabic font and Latin ones stay in DejaVu."""
    runs = font_runs("اتصلوا بـ Müller", SANS)
    assert [f for _, f in runs] == ["TP-Arabic", SANS]
    assert runs[1][0].strip() == "Müller"


def test_text_is_never_read_as_markup() -> None:
    """Plain text goes to a text block that draws it as it is; where Paragraph markup is
    wanted, the one escaping helper escapes it and marks the Arabic font runs."""
    block = para("Ștefan & <b>Co</b>", styles().body)
    assert isinstance(block, TextBlock) and block.text == "Ștefan & <b>Co</b>"
    assert markup("A & <b>", SANS) == "A &amp; &lt;b&gt;"
    assert markup("مرحبا Müller", SANS).startswith('<font name="TP-Arabic">')
    assert has_rtl("مرحبا") and not has_rtl("Țăranu")


def test_every_seed_text_prints_without_missing_glyphs() -> None:
    """The Arabic, Romanian and German seed texts have a glyph for every character."""
    from twinplanner.documents.fonts import has_glyph

    for path in sorted(SEEDS.glob("00*.txt")):
        content = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        missing = {
            ch
            for ch in content
            if ch.isprintable()
            and not ch.isspace()
            and not any(has_glyph(f, ch) for _, f in font_runs(ch, SANS))
        }
        assert not missing, (path.name, sorted(missing)[:10])
