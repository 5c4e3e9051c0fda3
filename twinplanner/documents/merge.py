"""Join PDFs written by ``build_pdf`` into one file for printing, without laying them out again.

Only for our own files: reportlab writes a classic cross-reference table, a flat page tree and
one object after the other, so each object is the bytes between its offset and the next one.
References are renumbered only in the dictionary part of an object, never inside its stream.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import BinaryIO

_REF = re.compile(rb"(\d+) 0 R\b")
_OBJ_HEAD = re.compile(rb"^(\d+) 0 obj\s*")
_TRAILER_REF = re.compile(rb"/(Root|Info) (\d+) 0 R")


class MergeError(ValueError):
    """A file is not a PDF as ``build_pdf`` writes them."""


def _objects(pdf: bytes) -> tuple[dict[int, bytes], int, int | None]:
    """The body of each object (without 'N 0 obj' and 'endobj'), the root and info numbers."""
    start = pdf.rfind(b"startxref")
    if start < 0:
        raise MergeError("No cross-reference table: not a PDF written by TwinPlanner.")
    xref_at = int(pdf[start + 9 :].split()[0])
    lines = pdf[xref_at:].split(b"\n")
    if lines[0].strip() != b"xref":
        raise MergeError("Unexpected cross-reference table.")
    first, count = (int(x) for x in lines[1].split())
    offsets = {}
    for i, line in enumerate(lines[2 : 2 + count]):
        fields = line.split()
        if fields[2] == b"n":
            offsets[first + i] = int(fields[0])
    order = sorted(offsets.items(), key=lambda item: item[1])
    bodies = {}
    for index, (number, offset) in enumerate(order):
        end = order[index + 1][1] if index + 1 < len(order) else xref_at
        chunk = pdf[offset:end].rstrip()
        head = _OBJ_HEAD.match(chunk)
        if head is None or int(head.group(1)) != number or not chunk.endswith(b"endobj"):
            raise MergeError(f"Object {number} is not where the table says.")
        bodies[number] = chunk[head.end() : -len(b"endobj")].rstrip()
    trailer = dict((k, int(v)) for k, v in _TRAILER_REF.findall(pdf[xref_at:]))
    if b"Root" not in trailer:
        raise MergeError("The file names no catalogue.")
    return bodies, trailer[b"Root"], trailer.get(b"Info")


def _renumber(body: bytes, mapping: dict[int, int]) -> bytes:
    """Renumber references in the dictionary part; a stream's bytes are left alone."""
    cut = body.find(b"stream\n") if body.endswith(b"endstream") else -1
    head, tail = (body, b"") if cut < 0 else (body[:cut], body[cut:])
    return _REF.sub(lambda m: b"%d 0 R" % mapping[int(m.group(1))], head) + tail


def _ref(body: bytes, key: bytes) -> int:
    found = re.search(rb"/" + key + rb" (\d+) 0 R", body)
    if found is None:
        raise MergeError(f"No /{key.decode()} entry where one is needed.")
    return int(found.group(1))


def merge_pdfs(files: Sequence[bytes], out: BinaryIO, *, title: str = "") -> None:
    """Write the pages of ``files``, in order, into one PDF."""
    if not files:
        raise MergeError("There is no file to join.")
    objects: list[bytes] = []  # new number n is objects[n - 1]
    kids: list[int] = []
    pages_number = 1  # the new page tree root comes first
    objects.append(b"")
    for pdf in files:
        bodies, root, info = _objects(pdf)
        old_pages = _ref(bodies[root], b"Pages")
        page_numbers = [
            int(n)
            for n in _REF.findall(
                re.search(rb"/Kids \[([^\]]*)\]", bodies[old_pages]).group(1)  # type: ignore[union-attr]
            )
        ]
        skip = {root, old_pages} | ({info} if info else set())
        mapping = {old_pages: pages_number}
        for number in sorted(bodies):
            if number not in skip:
                mapping[number] = len(objects) + 1
                objects.append(b"")
        for number, new in mapping.items():
            if number not in skip:
                objects[new - 1] = _renumber(bodies[number], mapping)
        kids += [mapping[n] for n in page_numbers]
    kid_refs = b" ".join(b"%d 0 R" % k for k in kids)
    objects[0] = b"<< /Count %d /Kids [ %s ] /Type /Pages >>" % (len(kids), kid_refs)
    objects.append(b"<< /PageMode /UseNone /Pages 1 0 R /Type /Catalog >>")
    catalog = len(objects)
    objects.append(
        b"<< /Creator (TwinPlanner) /Producer (TwinPlanner) /Title <FEFF"
        + title.encode("utf-16-be").hex().upper().encode()
        + b"> >>"
    )
    info_number = len(objects)
    parts = [b"%PDF-1.4\n%\x93\x8c\x8b\x9e TwinPlanner\n"]
    position = len(parts[0])
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(position)
        chunk = b"%d 0 obj\n%s\nendobj\n" % (number, body)
        parts.append(chunk)
        position += len(chunk)
    xref = [b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)]
    xref += [b"%010d 00000 n \n" % offset for offset in offsets]
    parts += xref
    parts.append(
        b"trailer\n<< /Info %d 0 R /Root %d 0 R /Size %d >>\nstartxref\n%d\n%%%%EOF\n"
        % (info_number, catalog, len(objects) + 1, position)
    )
    out.write(b"".join(parts))
