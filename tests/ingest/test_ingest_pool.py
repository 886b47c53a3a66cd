"""The forked workers of a batch (pool.py): results in input order whatever finishes first,
jobs that need no preparation run while it is made, errors and killed workers handled;
and the cheap tests that route inputs and skip costly patterns (nlp.py, hints.py)."""

from __future__ import annotations

import multiprocessing
import os
import re

import pytest

from briefing.ingest import boilerplate as B
from briefing.ingest import clauses, clean, eventclues
from briefing.ingest.hints import holds_any, mostly_hangul
from briefing.ingest.nlp import may_hold_hangul
from briefing.ingest.pool import forked_map

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="forked workers need fork")
FORK = multiprocessing.get_context("fork")


def _square(job: int) -> tuple[int, int]:
    return job * job, os.getpid()


def test_results_come_in_job_order_from_workers() -> None:
    prepared: list[int] = []
    late = [n % 3 == 0 for n in range(40)]
    results = list(forked_map(_square, list(range(40)), late, lambda: prepared.append(1), 2,
                              FORK))
    assert [value for value, _ in results] == [n * n for n in range(40)]
    assert os.getpid() not in {pid for _, pid in results}  # all done in workers
    assert prepared == [1]
    assert multiprocessing.active_children() == []


def test_no_preparation_when_no_job_needs_it() -> None:
    prepared: list[int] = []
    results = list(forked_map(_square, list(range(10)), [False] * 10,
                              lambda: prepared.append(1), 2, FORK))
    assert [value for value, _ in results] == [n * n for n in range(10)]
    assert prepared == []


def test_jobs_that_need_no_preparation_run_while_it_is_made() -> None:
    early_done = FORK.Event()

    def work(job: int) -> int:
        if job == 1:
            early_done.set()  # in a worker forked before the preparation
        return job

    seen: list[bool] = []
    # The preparation waits for the early job: without early workers it would wait in vain.
    results = list(forked_map(work, [0, 1, 2, 3], [True, False, True, False],
                              lambda: seen.append(early_done.wait(60)), 2, FORK))
    assert results == [0, 1, 2, 3]
    assert seen == [True]


def test_an_error_is_raised_at_its_job_after_the_results_before_it() -> None:
    def work(job: int) -> int:
        if job == 5:
            raise ValueError("job 5 is bad")
        return job

    got: list[int] = []
    with pytest.raises(ValueError, match="job 5 is bad"):
        for value in forked_map(work, list(range(12)), [False] * 12, lambda: None, 2, FORK):
            got.append(value)
    assert got == [0, 1, 2, 3, 4]
    assert multiprocessing.active_children() == []


def test_jobs_of_a_killed_worker_are_done_by_the_caller() -> None:
    caller = os.getpid()

    def work(job: int) -> tuple[int, bool]:
        if job == 6 and os.getpid() != caller:
            os._exit(9)  # as if the kernel killed the worker
        return job, os.getpid() == caller

    results = list(forked_map(work, list(range(16)), [False] * 16, lambda: None, 2, FORK))
    assert [job for job, _ in results] == list(range(16))
    assert dict(results)[6] is True


def test_a_caller_that_stops_early_leaves_no_worker() -> None:
    results = forked_map(_square, list(range(40)), [False] * 40, lambda: None, 2, FORK)
    assert next(results)[0] == 0
    results.close()
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize(("data", "hangul"), [
    (b"KT said on Monday", False),
    ("Copyright © The Herald. “Quoted”".encode(), False),
    ("KT는 협약을 맺었다".encode(), True),
    ("KT는 협약을 맺었다".encode("cp949"), True),
    (b"<p>&#54620;&#44397;</p>", True),  # Hangul as character references
])
def test_inputs_that_may_hold_hangul(data: bytes, hangul: bool) -> None:
    assert may_hold_hangul(data) is hangul


def test_holds_any_reads_words_as_ignorecase_patterns_do() -> None:
    assert holds_any("KT SAID it will", ("said",))
    assert not holds_any("KT plans nothing", ("said",))
    # 'ſ' is 's' to re.IGNORECASE but not to str.lower(): such a text is always searched.
    assert re.search("said", "ſaid", re.I) and holds_any("ſaid", ("said",))


def test_mostly_hangul_counts_letters() -> None:
    assert mostly_hangul("KT와 SK텔레콤") and mostly_hangul("2024.") and mostly_hangul("")
    assert not mostly_hangul("KT signs a deal with 리벨리온")


# One text per branch of each guarded pattern: the pattern finds it and the guard lets it
# through (a branch added without its word fails here).
GUARDED = [
    (clauses._INTENT, clauses._INTENT_WORDS, [
        "출시하기로 했다", "투자키로 결정", "설립할 계획이다", "열릴 예정이다", "늘릴 방침이다",
        "확대하겠다고", "노력하겠습니다", "사업을 추진한다", "개척에 나선다", "시장에 나섭니다",
        "나설 계획", "선보일 것이라고", "본격 추진한다", "사업이 본격화한다",
        "KT said it will invest", "the firm plans to open", "it is set to launch",
        "Hanbit, Orbit and KT to create a fund"]),
    (eventclues._COMMENTARY, eventclues._COMMENTARY_WORDS, [
        "애널리스트는 봤다", "증권가에서는 본다", "한 김하늘 연구원은 말했다",
        "시장 조사 업체 자료",
        "업계 관계자는 말했다", "업계에서는 본다", "것으로 풀이된다", "것으로 보인다",
        "analysts expect growth", "according to analysts", "market watchers say",
        "industry observers said"]),
    (B.NOTICE, clean._NOTICE_WORDS, [
        "AI-generated summary", "Summary was generated by AI", "summarized by AI",
        "AI가 요약했습니다", "AI 요약본", "요약봇", "문장 추출 기술", "요약한 결과입니다",
        "원문 보기",
        "출처: 한빛일보", "Source: Hanbit", "originally published on Hanbit",
        "이 기사는 한빛일보에서 제공받은 기사", "본 기사는 한빛에서 서비스된 기사입니다",
        "using AI to generate key takeaways", "Generate Key Takeaways"]),
    (B.PROMPT, clean._PROMPT_WORDS, [
        "구독하세요", "뉴스레터 받기", "앱 다운로드", "네이버 채널에서", "다음에서 한빛 구독",
        "제보하기", "카카오톡 @한빛", "무료 체험", "Sign up for", "Subscribe now",
        "download our app", "Get the app", "follow us on", "Unlimited access",
        "Already a subscriber"]),
    (B.COPYRIGHT, clean._COPYRIGHT_WORDS, [
        "ⓒ 한빛", "© Hanbit", "Ⓒ 한빛", "(C) Hanbit", "Copyright Hanbit", "저작권자 한빛",
        "무단 전재", "재배포 금지", "All rights reserved", "AI 학습 이용 금지", "재판매 및 DB 금지",
        "Unauthorized reproduction"]),
    (B.COMMENT_RULE, clean._COMMENT_RULE_WORDS, [
        "300자 이내로", "띄어쓰기 포함", "건전한 댓글", "욕설 및 비방", "댓글은 삭제", "댓글 운영",
        "로그인 후", "명예훼손", "개인정보 포함"]),
    (B.CREDIT_INSIDE, clean._CREDIT_WORDS, [
        "사진=한빛", "사진 제공 한빛", "행사 / 사진 = 한빛", "Photo by Jane", "Images: Hanbit"]),
]


@pytest.mark.parametrize(("pattern", "words", "texts"), GUARDED)
def test_guards_let_every_branch_through(pattern: re.Pattern[str], words: tuple[str, ...],
                                         texts: list[str]) -> None:
    for text in texts:
        assert pattern.search(text), text
        assert holds_any(text, words), text
