"""Helpers every reader needs: reading bytes once, hashing, decoding text safely."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from chronica.errors import InputError

# Magic numbers of binary formats people rename by mistake, so the error can say what the file is.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (EPUB/DOCX?)"),
    (b"\x7fELF", "an executable"),
    (b"\x1f\x8b", "a gzip archive"),
)


def read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if not data:
        raise InputError(str(path), "empty file")
    return data


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_text(path: Path, data: bytes) -> tuple[str, str | None]:
    """Decode bytes of a text file; return the text (universal newlines) and a warning if guessed.

    UTF-8 (with or without BOM) and UTF-16 with BOM are certain; cp1252 is a guess for legacy
    Windows files and says so. Binary files are refused rather than decoded into garbage.
    """
    warning = None
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(path, data, "utf-8-sig")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(path, data, "utf-16")
    else:
        for magic, what in _SIGNATURES:
            if data.startswith(magic):
                raise InputError(str(path), f"binary file ({what}), not text")
        if b"\x00" in data[:8192]:
            raise InputError(str(path), "binary file (contains NUL bytes), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise InputError(
                    str(path), f"undecodable bytes at offset {exc.start}: neither UTF-8 nor cp1252"
                ) from None
            warning = f"{path}: not valid UTF-8; decoded as cp1252 (a guess)"
    return text.replace("\r\n", "\n").replace("\r", "\n"), warning


def _strict(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"undecodable bytes at offset {exc.start} for {encoding}") from None
