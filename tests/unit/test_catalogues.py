"""The window's catalogues: complete, placeholders kept, plural forms right, .mo up to date."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from twinplanner.i18n import DOMAIN, LOCALE_DIR, translation_for

LANGUAGES = ("de", "fr", "ro", "ar")
PLURALS = {"de": 2, "fr": 2, "ro": 3, "ar": 6}
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _catalogue(lang: str):
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as source:
        return read_po(source)


def _forms(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(lang: str) -> None:
    """Every message of the window has a translation in every form, and none is marked fuzzy."""
    catalogue = _catalogue(lang)
    assert not catalogue.fuzzy, f"{lang}: the catalogue header is marked fuzzy"
    untranslated = [m.id for m in catalogue if m.id and not all(_forms(m.string))]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert not untranslated, f"{lang}: untranslated {untranslated[:5]}"
    assert not fuzzy, f"{lang}: fuzzy {fuzzy[:5]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_placeholder_of_a_message_is_in_its_translation(lang: str) -> None:
    """Each {placeholder} of a msgid appears in every form of its msgstr, and no new one does."""
    problems = []
    for message in _catalogue(lang):
        if not message.id:
            continue
        ids = _forms(message.id)
        wanted = set().union(*(_PLACEHOLDER.findall(i) for i in ids))
        for form in _forms(message.string):
            found = set(_PLACEHOLDER.findall(form))
            if found != wanted:
                problems.append((ids[0], sorted(wanted ^ found)))
    assert not problems, f"{lang}: {problems[:5]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_mnemonics_are_kept(lang: str) -> None:
    """A message with a keyboard letter (&) keeps exactly one in its translation."""
    lost = [
        m.id
        for m in _catalogue(lang)
        if m.id
        and "&" in _forms(m.id)[0]
        and any(f.replace("&&", "").count("&") != 1 for f in _forms(m.string))
    ]
    assert not lost, f"{lang}: {lost[:5]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_forms_header_matches_the_language(lang: str) -> None:
    """The Plural-Forms header gives the language's number of forms (Romanian 3, Arabic 6)."""
    catalogue = _catalogue(lang)
    assert catalogue.num_plurals == PLURALS[lang]
    for message in catalogue:
        if message.id and isinstance(message.id, tuple):
            assert len(message.string) == PLURALS[lang], message.id


def test_romanian_uses_comma_below_letters() -> None:
    """Romanian is written with ș and ț (comma below), never the cedilla look-alikes ş and ţ."""
    text = " ".join(" ".join(_forms(m.string)) for m in _catalogue("ro") if m.id)
    assert "ş" not in text and "ţ" not in text and "Ş" not in text and "Ţ" not in text
    assert "ș" in text and "ț" in text


def test_every_message_of_the_sources_is_in_the_template() -> None:
    """The template lists every message the sources mark, so catalogues cannot miss one."""
    from babel.messages.extract import extract_from_dir

    template = LOCALE_DIR / f"{DOMAIN}.pot"
    with template.open("rb") as source:
        known = {m.id for m in read_po(source) if m.id}
    root = Path(__file__).resolve().parents[2] / "twinplanner"
    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        root, keywords=keywords, comment_tags=()
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    missing = sorted(str(m) for m in found - known)
    assert not missing, f"run python -m twinplanner.ui.translations update: {missing[:5]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalogue_matches_its_source(lang: str) -> None:
    """The committed .mo holds the same translations as the .po (the compile step was run)."""
    po = _catalogue(lang)
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as source:
        mo = read_mo(source)
    for message in po:
        if message.id:
            compiled = mo.get(message.id)
            assert compiled is not None, message.id
            assert _forms(compiled.string) == _forms(message.string), message.id


def test_translation_for_a_language_translates_and_picks_plural_forms() -> None:
    """gettext finds each catalogue and picks the Romanian and Arabic plural forms by count."""
    assert translation_for("fr").gettext("Overview") == "Vue d'ensemble"
    ro = translation_for("ro")
    words = [ro.ngettext("{n} person", "{n} people", n).format(n=n) for n in (1, 2, 20)]
    assert words == ["1 persoană", "2 persoane", "20 de persoane"]
    ar = translation_for("ar")
    forms = {ar.ngettext("{n} person", "{n} people", n) for n in (1, 2, 5, 11, 100)}
    assert len(forms) >= 4
