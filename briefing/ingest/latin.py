"""Latin-script names the content does not know: `Anthropic`, `SOTA K`, `4YFN`,
`Korea Internet & Security Agency`, `Michael Sellitto`; proposals for review.new_entities.

Common acronyms (AI, CEO, ESG), places, months and sentence-opening words are left out;
a person is a capitalised pair next to a title ('Global Policy Head Michael Sellitto').
"""

from __future__ import annotations

import re

# One word of a Latin name ('SK', 'T3K', 'AT&T', 'A.X'), a run of them, and a code name
# ('T3K', 'RAIC'): the shapes newents.py and units.py read names by.
NAME_WORD = r"[A-Z][\w&+.-]*"
CODE_NAME = r"[A-Z][A-Za-z0-9]{1,10}"


def name_run(most: int) -> str:
    """A run of one to `most` name words separated by spaces."""
    return rf"(?:{NAME_WORD}\s+){{0,{most - 1}}}{NAME_WORD}"


_COMMON = frozenset(re.split(r"\s+", """
AI AGI API AR VR XR MR IT ICT IoT ESG CEO CTO CFO COO CSO CMO CIO CPO CISO CDO IB VC PE LP
GP LLM sLLM SLM UAM GPU NPU CPU TPU HBM DRAM NAND SW HW PC TV OTT SNS DB DX AX BM KPI MOU
M&A R&D IPO B2B B2C B2G SaaS PaaS IaaS IDC AIDC DC AICC CCTV LTE 5G 6G 4G 3G FTTH Wi-Fi WiFi
USIM eSIM SIM SMS MMS RCS URL QR KOSPI KOSDAQ KRX NYSE NASDAQ ETF GDP USD KRW EUR JPY CNY
YoY QoQ Q1 Q2 Q3 Q4 H1 H2 FY US USA UK EU UN UAE GCC APAC EMEA CES MWC IFA GTC KST GMT UTC
PM AM TF PoC PoV MVP GTM API SDK OS UI UX CX EX HR PR IR CS CSR PPT PDF NFT DAO DeFi KYC AML
SOTA FT TBD Inc Co Corp Ltd LLC PLC CO2 OK ASAP FAQ CRM ERP SCM HQ HQs NEWS VOD
AICT AIX DNA MEC CF RAN vRAN MAU DAU ARPU CAPEX OPEX EBITDA GenAI NW BS CPS
""".strip()))
# Nouns of roles, sections and abstractions: a run of only these (and common words) is a
# sub-head, a theme or a kind of thing ('AI Infrastructure', 'Key Details', 'Telco Infra').
_GENERIC = frozenset(re.split(r"\s+", """
Business Development Strategy Strategies Operations Marketing Sales Infrastructure Infra
Transformation Era Phase Vision Role Impact Details Facts Numbers Results Earnings Key Main
Important Topics Takeaways Operator Operators Trust Zero Edge Native Solution Solutions
Industry Industries Industrial Complex War Economy Market Markets Revenue Growth Innovation
Experience Customer Customers Telco Telcos New Present Hosting Conference Major Three Two One
Four Five Generate Integrating Strengthening Redesigning Building Related Breaking Latest
Insights Analysis Overview Summary Highlights Background Outlook Takeaway Why What Matters
Capacity Computing Power Investment Investments Partnership Partnerships Deal Plan Plans
""".strip()))
_TITLE_WORD = frozenset({"CEO", "CEOs", "CTO", "CFO", "COO", "CIO", "Minister", "Officer",
                         "Chairman", "Chair", "President", "Director", "Chief", "Executive",
                         "Head", "Vice", "Secretary", "Commissioner", "Founder", "Lawmaker"})
# Venues, sites and buildings: 'Fira Gran Via', 'an Industrial Complex', 'a Data Center'.
_SITE = re.compile(r"\s(?:Complex|Park|Zone|Via|Plaza|Tower|Building|Hall|Station|Airport|Campus|"
                   r"Data\s+Cent(?:er|re))$")
_WORDS = frozenset(re.split(r"\s+", """
The A An And Or But If As At By For From In Into Of On Onto To With Without Within About
After Before During Since Until While When Where Which Who Whom Whose Why How What This That
These Those Its It Their There They We Our Us He She His Her Him You Your I My Me Mr Ms Mrs
Dr Also However Meanwhile Moreover Furthermore Therefore Thus Still Yet Despite Although
Though Because According Last Next First Second Third Earlier Later Today Tomorrow Yesterday
Tonight Currently Recently Previously Additionally Notably Similarly Likewise Instead
Finally Overall Both Each Every All Some Many Most More Other Such Through Under Over
Between Among Following Including Korean Korea South North Asian Asia American America
Chinese China Japanese Japan European Europe Global National International Local Seoul Busan
Incheon Gyeonggi Pangyo Barcelona Washington Monday Tuesday Wednesday Thursday Friday
Saturday Sunday January February March April May June July August September October November
December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Big Tech Chief Executive Officer
President Chairman Vice Minister Ministry Head Director Manager Senior Executive Company
Group Corp Inc Co Ltd Government Officials Official Reporter Staff Photo Yonhap Reuters News
Daily Times Herald Press Agency Service Services Network Networks Internet Mobile Telecom
Telecommunications Communications Data Cloud Center Centre Project Science Technology
Security Policy Research Lab Labs Model Models Platform Platforms Program Even Article Act
Decree Spain Germany France Britain India Vietnam Singapore Taiwan Canada Brazil State States
Redmond California Texas London Paris Tokyo Beijing Shanghai Supermarket Announcement
Around Nearly Roughly Approximately Almost Leading Apparently Reportedly
""".strip()))
# Words that never make a multi-word name on their own ('Last Monday', 'In March').
_FUNCTION = frozenset(w for w in _WORDS if w[0].isupper() and (len(w) <= 5 or w.endswith(
    ("day", "ber", "ary", "ly", "ch", "ril", "ust", "ever", "ing", "ough"))) and w not in {
    "Group", "Corp", "Times", "Labs", "Data", "Cloud", "Press", "News", "Daily", "Model"})
_PLACE_AFTER = re.compile(r"\s*(?:district|office|province|city|county|station|river|street|"
                          r"avenue|island|bay|region|area|districts|cities)s?\b", re.I)
_TITLE_BEFORE = re.compile(r"(?:Head|CEO|Chief|President|Chairman|Minister|Director|Officer|"
                           r"Founder|co-founder|Professor|Prof\.|Dr\.|Mr\.|Ms\.|Vice\s+President|"
                           r"Manager|Lead|Secretary|Commissioner|analyst|spokesperson|"
                           r"executive)\s*,?\s*$", re.I)
_TITLE_AFTER = re.compile(r"^\s*,\s*(?:the\s+)?(?:\w+\s+){0,3}(?:CEO|chief|head|president|"
                          r"founder|director|minister|chairman|officer|professor|member|"
                          r"manager|analyst|spokesperson|lead|partner)\b", re.I)
_EN_NAME = re.compile(
    r"(?<![\w&.'’-])(?:[A-Z][A-Za-z0-9.'’-]*[A-Za-z0-9]|[A-Z]{2,}|[0-9][A-Z][A-Za-z0-9]*|"
    r"(?<!^)[B-HJ-Z](?=\s+[A-Z][a-z]))"  # one letter before a name: 'T Map Mobility'
    r"(?:\s+(?:&\s+|of\s+|for\s+)?(?:[A-Z][A-Za-z0-9.'’-]*[A-Za-z0-9]|[A-Z]{2,}))*")
_KO_LATIN = re.compile(
    r"(?<![A-Za-z0-9&.+-])(?:[A-Z0-9][A-Za-z0-9&+.-]*[A-Za-z0-9]|[A-Z])"
    r"(?:\s(?:[A-Z][A-Za-z0-9&+.-]*[A-Za-z0-9]|[A-Z]))*(?![A-Za-z0-9&+-])")
_CORPORATE = re.compile(r"\b(?:Inc|Co|Corp|Ltd|LLC|Group|Holdings|Electronics|Technologies|"
                        r"Capital|Ventures|Partners|Labs|Bank|Securities|Times|Journal|Post)\b")
_GOVERNMENT = re.compile(r"\b(?:Ministry|Agency|Commission|Government|Administration|Authority|"
                         r"Office|Council|Service|Bureau|Department)\b")


_PHRASES = frozenset({"Big Tech", "South Korea", "North Korea", "United States", "Chief Executive",
                      "Chief Executive Officer", "Vice President", "Silicon Valley",
                      "Internet of Things", "Artificial Intelligence", "Generative AI"})
_TITLE_WORDS = re.compile(r"^(?:.*\s)?(?:Head|CEO|Chief|President|Chairman|Minister|Director|"
                          r"Officer|Founder|Professor|Manager|Secretary|Commissioner|Analyst|"
                          r"Executive|Lead)\s+(?P<person>[A-Z][a-z]+(?:[ -][A-Z][a-z-]+){1,2})$")


_DEMONYMS = frozenset({"Korean", "American", "Chinese", "Japanese", "European", "Asian",
                       "Korea's", "North's", "Koreans"})
_NOT_FIRST = frozenset({"CEO", "Chief", "President", "Chairman", "Vice", "Senior", "Executive",
                        "Head", "Director", "Courtesy", "Photo", "Source", "Minister"})
# 'KRW346.2', 'USD12': an amount in a currency code, not a name.
_AMOUNT = re.compile(r"(?:KRW|USD|EUR|JPY|CNY|GBP|US\$|W)[\d.,]+(?:[A-Za-z]{1,2})?")


def _plain(word: str) -> bool:
    """A common word, acronym, role noun, demonym or code ('G3'): no name on its own."""
    return word in _COMMON or word in _WORDS or word in _GENERIC or word in _DEMONYMS or \
        bool(re.fullmatch(r"[A-Z]\d{1,2}|\d+(?:[.,]\d+)*[A-Za-z]{0,3}", word))


# A document ('Memorandum of Understanding', 'Multilateral MOU'), a job ('Lead Analyst',
# 'Group CEO', 'Board Member …') or a kind of AI thing ('AI Contact Centre', 'AI Personas'):
# no one's name.
_DOCUMENT = re.compile(r"(?:Memorandum\s+of\s+Understanding|Letter\s+of\s+Intent|MOU|MoU|"
                       r"Agreement|Contract|Report|White\s?[Pp]aper|Term\s+Sheet)$")
_ROLE = frozenset({"Analyst", "Analysts", "CEO", "CTO", "CFO", "COO", "Member", "Members",
                   "Officer", "Director", "Manager", "Engineer", "Researcher", "Executive",
                   "Editor", "Spokesperson", "Chairman", "President", "Founder"})
_KIND_OF = frozenset({"AI", "Generative", "Agentic", "Smart", "Digital"})


def _no_ones_name(words: list[str], name: str) -> bool:
    if _DOCUMENT.search(name) or any(w in _ROLE for w in words):
        return True
    if len(words) == 1:  # 'Transformation', 'Two', 'Apparently'
        return words[0] in _GENERIC or bool(re.fullmatch(r"[A-Z][a-z]{4,}ly", words[0]))
    return words[0] in _KIND_OF and not _ORG_WORD.search(name) and \
        not re.search(r"\d", name) and all(re.fullmatch(r"[A-Z][a-z]+", w) for w in words[1:])


def _plausible(name: str) -> bool:
    words = [w for w in name.split() if w not in ("&", "of", "for", "and")]
    if name in _PHRASES or all(w in _COMMON for w in words) or _AMOUNT.fullmatch(name) or \
            _no_ones_name(words, name):
        return False
    if len(words) > 1 and all(_plain(w) for w in words) and not _ORG_WORD.search(name):
        return False  # 'AI Infrastructure', 'Korean War', 'Key Details': no one's name
    if _SITE.search(name):
        return False
    if words and words[-1] in _DEMONYMS and all(w in _WORDS for w in words):
        return False  # 'South Korean': an adjective of a place
    if words and words[0] in _DEMONYMS and all(w in _COMMON for w in words[1:]):
        return False  # 'Asian AI', 'Korean LLM': a kind of thing, not a name
    if words and words[0] in _NOT_FIRST and (len(words) == 1 or " of " in f" {name} "):
        return False  # 'CEO of South Korean …', 'Courtesy of Yonhap News': a title, a credit
    if len(words) == 1 and words[0] in _WORDS:
        return False
    if len(words) > 1 and all(w in _FUNCTION for w in words):
        return False
    if len(words) == 1:
        word = words[0].rstrip(".")
        if re.fullmatch(r"\d+[A-Za-z]{0,2}|[A-Z]\d*|\d{4}s?", word):
            return False  # '5G', '2024', 'A1'
        letters = re.sub(r"[^A-Za-z]", "", word)
        return len(letters) >= 3
    return True


_MODEL_BEFORE = re.compile(r"(?:\b(?:AI|language|foundation)?\s*model|\bLLM|모델(?:인|을|로)?)"
                           r"\s*(?:called\s+|named\s+)?[\"'“‘]?\s*$", re.I)
_EVENT_NAME = re.compile(r"\b(?:Summit|Festival|Conference|Congress|Expo|Fair|Show|Week)\b|"
                         r"서밋|포럼|콘퍼런스|컨퍼런스|페스티벌|엑스포|^[A-Z0-9]{2,6}\s?(?:19|20)\d{2}$")


def latin_type(name: str, sentence: str, start: int, end: int) -> str | None:
    """A type guess from the name and its context; None when it is no name worth proposing."""
    if _GOVERNMENT.search(name):
        return "government"
    if _EVENT_NAME.search(name):  # 'SK AI 서밋 2025', 'Hanbit Tech Festival', 'EMNLP 2025'
        return "conference"
    if re.search(r"\b(?:Association|Foundation|University|Institute|Forum)\b", name):
        return "organization"
    if _MODEL_BEFORE.search(sentence[max(0, start - 30):start]):
        return "model"  # 'the Korean-style AI model "SOTA K"'
    if re.search(r"\bProject\b|\bmodel\b", name) or \
            re.match(r"\s*(?:model|AI model|chatbot|app|service|platform)\b", sentence[end:]):
        return "product"
    titled = _TITLE_BEFORE.search(sentence[max(0, start - 40):start]) or \
        _TITLE_AFTER.match(sentence[end:end + 60])
    if titled and re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z-]+){1,2}", name):
        return "person"
    if _CORPORATE.search(name):
        return "company"
    # 'startup' near the name, not anywhere in the sentence ('… from Hanbit Oil' is no
    # startup because a startup took its money).
    near = sentence[max(0, start - 40):end + 40]
    return "startup" if re.search(r"start-?up|스타트업", near, re.I) else "company"


_ORG_WORD = re.compile(r"\b(?:Agency|Ministry|Alliance|Association|Foundation|Institute|"
                      r"University|Commission|Council|Bank|Group|Inc|Corp|Co|Ltd|Holdings|"
                      r"Electronics|Telecom|Technologies|Capital|Ventures|Partners|Labs|Times|"
                      r"Journal|Summit|Forum|Festival|Congress|Assembly|Project|Chamber)\b")
_FIRM_CONTEXT = re.compile(r"(?:\b(?:with|from|by|and|to|at|partner|company|firm|startup|rival|"
                           r"maker|developer|of)\s+(?:the\s+)?$)", re.I)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def english_names(sentence: str) -> list[tuple[str, int, int]]:
    """Capitalised name runs in an English sentence, without the opening word's capital.

    Headline-case lines, spelled-out technical terms ('Home Subscriber Server (HSS)') and
    bare acronyms are left out: they name no organisation often enough to propose.
    """
    words_all = re.findall(r"[A-Za-z][\w'-]*", sentence)
    if len(words_all) >= 4 and sum(w[0].isupper() for w in words_all) * 10 >= len(words_all) * 8:
        return []  # 'Q2 Earnings Results Beat Expectations': a headline in title case
    if len(words_all) <= 8 and not re.search(r"[.!?\"”’)]\s*$", sentence):
        return []  # a sub-head or label line ('Main Impact'): its names recur in the prose
    found = []
    for match in _EN_NAME.finditer(sentence):
        name, start = match.group(0), match.start()
        if name.endswith("'s") or name.endswith("’s"):
            name = name[:-2]
        words = name.split()
        if start == 0 or re.search(r"[.!?:\"“]\s*$", sentence[:start]):
            # A sentence opens with a capital: drop a leading common word ('However', 'The').
            while words and (words[0] in _WORDS or words[0] in _COMMON):
                start += len(words[0]) + 1
                words = words[1:]
            if len(words) == 1 and start == match.start():
                continue  # one capitalised word opening a sentence tells nothing
        if words and words[-1] in ("Act", "Decree", "Law", "Bill"):
            continue  # a law: 'Personal Information Protection Act'
        while len(words) > 1 and (words[-1] in ("&", "of", "for", "Inc", "Co", "Corp", "Ltd")
                                  or words[-1] in _FUNCTION or words[-1] in _TITLE_WORD):
            # 'Lumen Robotics Inc.' is 'Lumen Robotics'; 'AT&T CEO' is 'AT&T'; 'IMPACT This'
            words = words[:-1]
        while len(words) > 1 and words[0] in _TITLE_WORD and \
                not _TITLE_WORDS.match(" ".join(words)):
            start += len(words[0]) + 1  # 'Minister Yoo': the title is no part of the name
            words = words[1:]
        if any(re.fullmatch(r"[A-Za-z0-9]+-[a-z]+", w) for w in words):
            continue  # 'SMS-based', 'AI-powered': an adjective
        name = " ".join(words)
        tail = re.match(r"\s+and\s+[A-Z][a-z]+(?![\w&'-]*\s+[A-Z])", sentence[start + len(name):])
        if " of " in name and _ORG_WORD.search(name) and tail:
            name += tail.group(0)  # 'Korea Advanced Institute of Science and Technology'
        owner = re.match(r"^.*['’]s\s+", name)
        if owner:  # "the U.K.'s Financial Times"
            start += owner.end()
            name = name[owner.end():]
        titled = _TITLE_WORDS.match(name)
        if titled:  # 'Global Policy Head Michael Sellitto'
            start += titled.start("person")
            name = titled.group("person")
        if not name or not _plausible(name) or _PLACE_AFTER.match(sentence, start + len(name)):
            continue
        if re.search(r"\s(?:Act|Decree|Law|Bill|Regulations?|State|Province|County)$", name):
            continue  # a law or a place, not an organisation
        if sentence[start - 1:start] == "(" and re.search(r"[A-Za-z]\s?\($", sentence[:start]):
            continue  # '(KISA)' after the full name
        end = start + len(name)
        gloss = re.match(r"\s*\(([A-Z][A-Za-z]{1,7})\)", sentence[end:])
        if gloss and _initials(name).lower().startswith(gloss.group(1)[:2].lower()) and \
                not _ORG_WORD.search(name):
            continue  # 'International Mobile Subscriber Identity (IMSI)': a term
        if " " not in name and not _ORG_WORD.search(name):
            acronym = re.fullmatch(r"[A-Z][A-Za-z]*[A-Z][A-Za-z]*s?|[A-Z]{2,}\d+", name)
            firm = sentence[end:end + 2] in ("'s", "’s") or sentence[end:end + 2] == " (" or \
                bool(_FIRM_CONTEXT.search(sentence[max(0, start - 30):start]))
            if acronym or not firm:
                continue  # a lone capitalised word: a place, a term or a name without a clue
        found.append((name, start, end))
    return found


# 'SKTCH(스케치)', '4YFN(4 Years From Now)': a gloss that spells a name, not a list of terms.
_NAME_GLOSS = re.compile(r"\((?:[가-힣]{2,8}|[0-9A-Z][\w ]{2,40})\)")
_KO_EVENT_AFTER = re.compile(r"\s?(?:서밋|포럼|콘퍼런스|컨퍼런스|페스티벌|어워즈|엑스포|데이|위크)"
                             r"(?:\s?(?:19|20)\d{2})?(?![가-힣])")


def korean_latin_names(sentence: str) -> list[tuple[str, int, int]]:
    """Latin names inside Korean prose ('SOTA K', '4YFN', 'SKTCH'), glosses left out."""
    found = []
    for match in _KO_LATIN.finditer(sentence):
        name, start, end = match.group(0), match.start(), match.end()
        if sentence[start - 1:start] == "(" or re.search(r"[a-z]\s$", sentence[:start]):
            continue  # '인공지능(AI)', '4YFN(4 Years From Now)': a gloss; 'for Good': a phrase
        if sentence[:start].count("(") > sentence[:start].count(")"):
            continue  # inside a parenthesis: a gloss of the name before
        if not _plausible(name) or re.fullmatch(
                r"[\d.,]+(?:[A-Za-z]{1,2}|GB|MB|TB|KB|kWh|km|GHz|MHz|bps)?", name):
            continue
        if re.match(r"\d", name) and not re.search(r"[A-Z]{2}", name):
            continue
        if re.match(r"[가-힣]", sentence[end:end + 1]) or \
                re.match(r"\((?:[가-힣]+\s)+[가-힣]+\)", sentence[end:]):
            continue  # 'LG AI연구원': proposed whole elsewhere; 'MLOps(기계학습 모델 운영)': a term
        event = _KO_EVENT_AFTER.match(sentence, end)
        if event:  # 'SK AI 서밋 2025'
            name, end = name + event.group(0).rstrip(), event.end()
        elif re.fullmatch(r"[A-Z]{3,6}", name) and not (
                _NAME_GLOSS.match(sentence, end) or (sentence[start - 1:start] in ("'", "‘")
                                                     and sentence[end:end + 1] != "(")):
            continue  # 'AICT', 'IPTV', 'ABC(AI, 빅데이터, 클라우드)': a term, not a name
        found.append((name, start, end))
    return found


def plausible(name: str) -> bool:
    """Could this capitalised run name someone ('South Korea', 'In April': no)?"""
    return _plausible(name)


def is_common(word: str) -> bool:
    """An acronym or word that names no one ('AI', 'IB', 'CEO')."""
    return word in _COMMON or word in _WORDS
