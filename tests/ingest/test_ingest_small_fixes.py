"""Three small bugs met on unfamiliar outlets: a sentence break lost after a capital, a
carrier's short name, a member of a list that ends in '이'. Fictional sentences only."""

from __future__ import annotations

import pytest

from briefing.ingest.known import read_known
from briefing.ingest.lists import korean_members
from briefing.ingest.recognise import build_matcher
from briefing.ingest.sentences import split_sentences
from tests.ingest.conftest import CONTENT


@pytest.mark.parametrize(("text", "expected"), [
    ("The pact follows a deal with Hanbit AI. SK Telecom said it will build a lab.",
     ["The pact follows a deal with Hanbit AI.", "SK Telecom said it will build a lab."]),
    # No space after the full stop: a break lost in copying.
    ("The pact follows a deal with Hanbit AI.SK Telecom said it will build a lab.",
     ["The pact follows a deal with Hanbit AI.", "SK Telecom said it will build a lab."]),
    ("KT signed with AWS.SKT joined later.", ["KT signed with AWS.", "SKT joined later."]),
    ("협력하기로 했다고 밝혔다.SK텔레콤은 다른 계약도 맺었다.",
     ["협력하기로 했다고 밝혔다.", "SK텔레콤은 다른 계약도 맺었다."]),
    # Initials, abbreviations and names with a dot stay whole.
    ("The U.S. Army and KT Corp. signed a deal.", ["The U.S. Army and KT Corp. signed a deal."]),
    ("SKT showed A.X 4.0 at the fair.", ["SKT showed A.X 4.0 at the fair."]),
    ("Mr. Hong of Hanbit Co. Ltd. spoke.", ["Mr. Hong of Hanbit Co. Ltd. spoke."]),
])
def test_sentences_break_after_a_capital_and_without_a_space(text: str,
                                                             expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_a_carriers_name_without_its_groups_prefix_is_that_carrier() -> None:
    known, _ = read_known(CONTENT)
    matcher = build_matcher(known.nodes)
    assert [m.id for m in matcher.find("유플러스는 새 요금제를 내놨다")] == ["lguplus"]
    assert [m.id for m in matcher.find("LG유플러스와 유플러스 모두")] == ["lguplus", "lguplus"]
    # A tail of three syllables is a common word, never a carrier: '텔레콤'.
    assert [m.id for m in matcher.find("텔레콤 업계가 바뀐다")] == []


@pytest.mark.parametrize("sentence", [
    "KT는 한빛전자, 한빛화학, 한빛디스플레이 등과 손잡았다.",
    "KT는 한빛전자, 한빛화학, 한빛디스플레이와 손잡았다.",
    "KT는 한빛전자, 한빛화학, 한빛디스플레이가 참여한 동맹을 꾸렸다.",
])
def test_a_list_member_ending_in_i_keeps_it(sentence: str) -> None:
    members = korean_members(sentence, [], {"한빛전자", "한빛화학"}, None)
    assert [name for name, _ in members] == ["한빛디스플레이"]
