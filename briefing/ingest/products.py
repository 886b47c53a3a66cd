"""Products and models by their shape: a name with a version ('A.X 4.0', 'Claude 3.5
Sonnet', 'DeepSeek-V3.1', '에이닷 2.0', 'A.X 3.1 라이트') and a quoted name of several
words after the kind of thing it is ('기업용 서비스 '한빛 비즈'', '해커조직 '한빛팀'') or with
an organisation's suffix ('‘K-데이터 얼라이언스’').
"""

from __future__ import annotations

import re

from briefing.ingest.latin import is_common
from briefing.ingest.recognise import JOSA

# A version: '4.0', 'V3.1', 'K1', '-5' ('GPT-5'), or a small number alone ('Llama 3'), never
# a year, a count or a network generation ('2025', '5G', '3분기').
_VERSION = (r"(?:\d+\.\d+(?:\.\d+)?|[VvK]\d+(?:\.\d+)?|(?<=-)\d{1,2}(?![\d.])|"
            r"\d{1,2}(?![\d.%A-Za-z가-힣]))")
_EDITION = (r"(?:\s?(?:라이트|프로|미니|플러스|맥스|울트라|Lite|Pro|Mini|Plus|Max|Ultra|Sonnet|"
            r"Opus|Haiku|Flash|Turbo|Instruct))")
_VERSIONED = re.compile(
    rf"(?<![\w.&-])(?:(?P<base>[A-Z][A-Za-z0-9.]*[A-Za-z0-9]|[A-Z])(?P<version>[\s-]{_VERSION})|"
    # '에이닷 2.0을': a Korean name takes a decimal version only, then a particle at most.
    rf"(?P<ko>[가-힣]{{2,6}})\s[Vv]?\d+\.\d+(?=(?:{'|'.join(JOSA)})?(?:[\s,.)]|$)))"
    rf"(?P<edition>{_EDITION}{{0,2}})(?![A-Za-z0-9])")
# Licences, standards and words before a figure ('아파치 2.0', 'Wi-Fi 7', '대비 1.4').
_NOT_BASE = frozenset({"Apache", "아파치", "GPL", "MIT", "Web", "웹", "Industry", "인더스트리",
                       "USB", "HDMI", "Bluetooth", "HTTP", "TLS", "Wi-Fi", "WiFi", "Release",
                       "Version", "버전", "Level", "Phase", "Tier", "Stage", "Step", "Chapter"})
_MODEL_HINT = re.compile(r"모델|LLM|언어\s?모델|파라미터|\bmodels?\b|\bLLMs?\b|parameters", re.I)
_MODEL_FAMILY = frozenset({"GPT", "Claude", "Llama", "LLaMA", "Gemini", "DeepSeek", "Qwen",
                           "Mistral", "Grok", "A.X", "EXAONE", "Exaone", "Phi", "Gemma"})

# A quoted name of one to three words: '에이닷 비즈', ‘K-데이터 얼라이언스’, ‘한빛팀’.
_QUOTED = re.compile(r"(?P<before>[가-힣A-Za-z]+)?\s?['‘]"
                     r"(?P<name>[가-힣A-Za-z0-9][가-힣A-Za-z0-9.+&\-]*"
                     r"(?:\s[가-힣A-Za-z0-9.+&\-]+){0,2})['’]")
# What the quoted name is, said right before it: a kind of product or of organisation.
_PRODUCT_KIND = re.compile(r"(?:서비스|모델|앱|플랫폼|브랜드|요금제|솔루션|에이전트|챗봇|상품|단말|"
                           r"프로그램|기능)$")
_ORG_KIND = re.compile(r"(?:조직|단체|기업|스타트업|업체|그룹|해커조직|협의체|연합체|법인)$")
_ORG_END = re.compile(r"(?:얼라이언스|협의체|연합|협회|재단|포럼|랩스?|그룹|컴퍼니)$")
_PHRASE_WORD = re.compile(r"(?:[은는을를에의와과로]|에서|하는|있는|없는|[다요죠])$")


def versioned_names(sentence: str) -> list[tuple[str, str, int]]:
    """(name, type, start) of names with a version."""
    found = []
    for match in _VERSIONED.finditer(sentence):
        base = match.group("base") or match.group("ko")
        if base in _NOT_BASE or re.search(r"[은는이가을를의와과도로]$|^(?:대비|각각|약|총)$", base):
            continue
        if is_common(base) or (re.fullmatch(r"[A-Z]\d*|[A-Z]{1,2}\d+", base) and \
                base not in _MODEL_FAMILY):
            continue  # 'AI 2.0', 'Q2 3', 'H1 2'
        name = match.group(0).rstrip()
        kind = "model" if base in _MODEL_FAMILY or _MODEL_HINT.search(sentence) else "product"
        found.append((name, kind, match.start()))
    return found


def quoted_names(sentence: str) -> list[tuple[str, str, int]]:
    """(name, type, start) of quoted names of several words that the sentence says what
    they are, by the word before or by their own suffix."""
    found = []
    for match in _QUOTED.finditer(sentence):
        name, before = match.group("name"), match.group("before") or ""
        words = name.split()
        if any(_PHRASE_WORD.search(w) for w in words) or len(name) > 24 or \
                len(name) < 2 or is_common(name):
            continue  # a slogan or a phrase, not a name
        if len(words) == 2 and is_common(words[0]):
            continue  # 'AICT 컴퍼니', 'AI 얼라이언스': a kind of company, not one
        if _ORG_KIND.search(before) or (len(words) > 1 and _ORG_END.search(name)):
            kind = "organization"
        elif _PRODUCT_KIND.search(before):
            kind = "model" if before.endswith("모델") else "product"
        else:
            continue
        found.append((name, kind, match.start("name")))
    return found


# '딥시크(DeepSeek) V3.1', 'DeepSeek(딥시크) R1': the gloss sits inside the versioned name.
_GLOSSED = re.compile(
    r"(?<![\w.&-])(?P<base>[가-힣]{2,8}|[A-Z][A-Za-z0-9.]*[A-Za-z0-9])"
    r"\((?P<gloss>[A-Za-z][A-Za-z0-9. -]{0,30}[A-Za-z0-9]|[가-힣]{2,8})\)"
    rf"\s?(?P<version>(?:[VvRrK]?\d+(?:\.\d+)*){_EDITION}{{0,2}})(?![A-Za-z0-9.%])")


def glossed_versions(sentence: str) -> list[tuple[str, str, int, str]]:
    """(name, type, start, the name in the gloss's script) of versioned names glossed in
    the middle; the type is a model (a version of a name with a gloss is one)."""
    found = []
    for match in _GLOSSED.finditer(sentence):
        base, gloss, version = match.group("base", "gloss", "version")
        if base in _NOT_BASE or re.fullmatch(r"\d{3,4}", version) or is_common(base):
            continue  # '삼성(Samsung) 2025', a year
        kind = "product" if re.search(r"서비스|앱|플랫폼", sentence) and not \
            _MODEL_HINT.search(sentence) else "model"
        found.append((f"{base} {version}", kind, match.start(), f"{gloss} {version}"))
    return found
