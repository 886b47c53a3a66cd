"""Wire advisories, datelines ending in a colon, glued bylines and edition notices: line
shapes met on outlets nobody tuned on (issue 13, round 7). Each pattern matches a whole
line or a prefix that clean.py splits off; byline.py reads the names they carry.
"""

from __future__ import annotations

import re

# A wire's advisory to editors, or an edition's note, alone on a line: '(ATTN: ADDS …)',
# '(LEAD)', '(2nd LD)', '(With inputs from agencies.)'. Capitals before the colon keep a
# bracketed sentence ('(The firm said: …)') out.
ADVISORY = re.compile(
    r"^\(\s*(?:[A-Z]{3,}(?:\s+[A-Z]{2,})*\s*:\s*[^()]{1,120}|LEAD|URGENT|"
    r"\d+(?:st|nd|rd|th)\s+LD(?:[,\s]+[A-Z][A-Z ]{1,30})?|"
    r"With\s+(?:inputs?|reporting|additional\s+reporting)\s+from\s+[^()]{1,40}?)\.?\s*\)\.?$")
# A dateline that ends in a colon before the lede: 'Seoul [South Korea], December 5 (ANI): …'
# (a place, a date and the agency) or a place in capitals alone ('SEOUL: …').
COLON_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z .'-]{1,30}?(?:\s*\[[A-Z][A-Za-z .'-]{1,30}\])?,\s*"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)\s*"
    r"(?:\((?P<outlet>[A-Z][\w .&-]{1,30})\))?|"
    r"[A-Z]{4,}(?:[ -][A-Z]{3,})?)\s*:\s+(?=[A-Z\"“‘])")
# That dateline split off, the agency it names: '… December 5 (ANI):'.
COLON_AGENCY = re.compile(r"\((?P<outlet>[A-Z][\w .&-]{1,30})\)\s*:$")
# '경제타임스 홍길동 기자 | 본문…': an outlet, its reporter and a bar glued before the lede.
BARRED_BYLINE = re.compile(
    r"^(?P<outlet>[가-힣A-Za-z][가-힣A-Za-z0-9]{1,15})\s+(?P<names>[가-힣]{2,4})\s*"
    r"(?:기자|특파원)\s*[|ㅣ]\s*(?=\S)")
# A picture's file name glued before the lede: '1234567.1.jpg한빛텔레콤이 …'.
IMAGE_PREFIX = re.compile(r"^[\w-]{1,60}(?:\.[\w-]{1,20})*\.(?:png|jpe?g|gif|webp|avif)(?=[^\s.])",
                          re.I)
# An edition's notice that names its outlet: "You're reading Hanbit Asia, an edition of …".
EDITION = re.compile(r"^You(?:'|’)re\s+reading\s+(?P<outlet>[A-Z][\w&.' -]{1,40}?)"
                     r"(?:,|\.|\s+[-—–]|$)")
# A stock-photo library's name alone under a picture: the picture's credit.
STOCK_CREDIT = re.compile(
    r"^(?:Photo:\s*)?(?:Freepik|Shutterstock|Unsplash|Pixabay|Pexels|iStock(?:photo)?|"
    r"Adobe\s*Stock|Depositphotos|Dreamstime|123RF)(?:\s*[/|,(].{0,40})?$", re.I)
# A blog's date line that names its writer: 'Posted on July 15, 2023 by Jane Doe'.
POSTED_BY = re.compile(r"^(?:Posted|Published|Written)\b.{0,40}?\s(?P<by>by\s+(?P<names>"
                       r"[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}))$")
# A tool's furniture: a responsive-ad marker ('반응형'), an attachment ('첨부파일 : x.jpg
# (22.5K) - 다운로드').
FURNITURE = re.compile(
    r"^(?:반응형|(?:첨부\s*파일|Attachments?)\s*[:：]?\s*\S{1,80}\.(?:jpe?g|png|gif|pdf|hwpx?|"
    r"docx?|xlsx?|pptx?|zip)\b.{0,40})$", re.I)
# An outlet's slogan in double angle brackets: '《반도체·ICT 전문미디어 한빛》'.
SLOGAN = re.compile(r"^[《≪][^《》≪≫]{0,60}(?:미디어|언론|신문|뉴스)[^《》≪≫]{0,20}[》≫]$")
# A site's name shaped like its domain: 'Hanbitnews.Net', 'hanbit.io'.
DOMAIN_NAME = re.compile(r"^[A-Za-z][\w-]{2,30}\.(?:com|net|org|io|ai|news|co\.kr|kr)$", re.I)
# A wire's credit after the last paragraph, split off: '—APP', '— HNA'.
WIRE_SIGN = re.compile(r"^[—–]{1,2}\s*(?P<agency>[A-Z]{2,8})$")
