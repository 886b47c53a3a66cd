"""Raw bytes -> text: UTF-8 (with or without BOM), CP949/EUC-KR, any line ends."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Invisible characters that copy-paste from news sites leaves behind; they also keep
# PyYAML from writing block scalars, so they go before anything else sees the text.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile("[\u00a0\u2002\u2003\u2009\u202f\u3000]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<meta|<body|<!--)", re.I)


class DecodeError(ValueError):
    """Bytes that are no text in any encoding we read."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "cp949", ...


def normalise_text(text: str) -> str:
    """Unify line ends and strip invisible characters; keeps every visible character."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return _CONTROL.sub("", text.replace("\t", " "))


def looks_like_html(data: bytes) -> bool:
    return bool(_HTML_SNIFF.match(data[:2048]))


def decode_bytes(data: bytes) -> Decoded:
    """Decode an article as collected. Raises DecodeError when nothing fits."""
    if data.startswith(b"\xef\xbb\xbf"):
        return Decoded(normalise_text(data[3:].decode("utf-8", errors="replace")), "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(normalise_text(data.decode("utf-16")), "utf-16")
    if b"\x00" in data[:4096]:
        raise DecodeError("this looks like a binary file, not an article")
    try:
        return Decoded(normalise_text(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    # CP949 is a superset of EUC-KR: one attempt covers both.
    try:
        return Decoded(normalise_text(data.decode("cp949")), "cp949")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # slow import, needed only for odd files

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("cannot tell the text encoding; save the article as UTF-8")
    return Decoded(normalise_text(str(best)), best.encoding)
