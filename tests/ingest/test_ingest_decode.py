"""Decoding raw articles: UTF-8 with or without BOM, CP949/EUC-KR, any line ends."""

from __future__ import annotations

import pytest

from briefing.ingest.decode import DecodeError, decode_bytes, looks_like_html

TEXT = "KT는 지난 12일 협약을 맺었다.\n둘째 줄"


def test_reads_utf8_with_bom_and_crlf() -> None:
    data = b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8")
    decoded = decode_bytes(data)
    assert decoded.text == TEXT
    assert decoded.encoding == "utf-8-sig"


def test_reads_cp949_and_euc_kr() -> None:
    assert decode_bytes(TEXT.encode("cp949")).text == TEXT
    assert decode_bytes(TEXT.encode("euc-kr")).text == TEXT
    assert decode_bytes(TEXT.encode("cp949")).encoding == "cp949"


def test_normalises_old_mac_line_ends_and_invisible_characters() -> None:
    data = "첫\u200b줄\r둘째\u00a0줄\r".encode()
    assert decode_bytes(data).text == "첫줄\n둘째 줄\n"


def test_refuses_binary_files() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")


def test_sniffs_html() -> None:
    assert looks_like_html(b"  <!DOCTYPE html><html>")
    assert not looks_like_html("KT는 <이번> 행사".encode())
