"""Well-known names (known_world.yaml, extendable by the site) are proposed with their type
when an article names them and the content does not know them. Fictional news copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from briefing.ingest.world import load_world
from tests.ingest.conftest import CONTENT, ingest


def _proposals(tmp_path: Path, text: str, content: Path = CONTENT) -> dict[str, str]:
    tmp_path.mkdir(exist_ok=True)
    article = tmp_path / "article.txt"
    article.write_text(text, "utf-8")
    run = ingest([str(article)], tmp_path / "out", content)
    assert run.code == 0, run.stderr
    (draft,) = run.drafts().values()
    front = yaml.safe_load(draft.read_text("utf-8").split("---\n")[1])
    return {e["name"]: e["type"] for e in front["review"].get("new_entities") or []}


KO = ("SK텔레콤, 메신저 서비스 강화\n\n"
      "SK텔레콤은 새 통화 앱에 카카오톡과 텔레그램 연동 기능을 넣었다고 밝혔다.\n\n"
      "회사는 딥시크와 퍼플렉시티의 모델 성능도 비교했다.\n")


def test_well_known_names_are_proposed_with_their_type(tmp_path: Path) -> None:
    found = _proposals(tmp_path, KO)
    assert found["카카오톡"] == "product"
    assert found["텔레그램"] == "product"
    assert found["딥시크"] == "company"
    # The fixture content has 'perplexity': the content wins, nothing is proposed.
    assert "퍼플렉시티" not in found and "Perplexity" not in found


def test_english_text_gets_the_english_name_and_lowercase_words_are_no_names(
        tmp_path: Path) -> None:
    text = ("KT expands its cloud\n\nKT said on Monday it would resell Snowflake and "
            "Databricks tools, and that its robot arm project moves the cursor forward.\n")
    found = _proposals(tmp_path, text)
    assert found.get("Snowflake") == "company" and found.get("Databricks") == "company"
    assert "Arm Holdings" not in found and "Cursor" not in found


def test_a_versioned_name_is_left_to_the_model_rules(tmp_path: Path) -> None:
    text = "KT, 모델 비교\n\nKT는 자사 모델을 GPT-5 대신 Claude 4 와 비교했다고 밝혔다.\n"
    found = _proposals(tmp_path, text)
    assert "클로드" not in found and "Claude" not in found
    glossed = ("SK텔레콤, 모델 공개\n\nSK텔레콤은 새 모델 'A.X K1(에이닷엑스 케이원)'을 "
               "공개했다고 밝혔다.\n")
    found = _proposals(tmp_path / "second", glossed)
    assert "A.X" not in found and "에이닷엑스" not in found


def test_the_site_extends_the_list_and_bad_entries_are_named(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "known_world.yaml").write_text(
        "- [startup, 한빛로보틱스, Hanbit Robotics]\n- [robot, 무엇, What]\n", "utf-8")
    text = "LG유플러스, 로봇 협력\n\nLG유플러스는 한빛로보틱스와 물류 로봇을 시험한다고 밝혔다.\n"
    article = tmp_path / "article.txt"
    article.write_text(text, "utf-8")
    run = ingest([str(article)], tmp_path / "out", content)
    assert run.code == 0
    assert f"{content / 'known_world.yaml'}:2: expected [type, Korean name" in run.stderr
    (draft,) = run.drafts().values()
    front = yaml.safe_load(draft.read_text("utf-8").split("---\n")[1])
    proposed = {e["name"]: e for e in front["review"]["new_entities"]}
    assert proposed["한빛로보틱스"]["type"] == "startup"


def test_the_packaged_list_is_large_and_loads_without_warnings() -> None:
    nodes, warnings = load_world(None, frozenset())
    assert warnings == [] and len(nodes) >= 300
    kinds = {n.type for n in nodes}
    assert {"company", "startup", "product", "model", "government"} <= kinds
    assert all(n.labels[0] or n.labels[1] for n in nodes)


def test_fairs_agencies_and_chips_are_well_known(tmp_path: Path) -> None:
    text = ("KT, 보이스피싱 캠페인 동참\n\nKT는 경찰청이 진행하는 보이스피싱 제보 "
            "캠페인에 동참한다고 3일 밝혔다.\n\nMWC는 미국에서 열리는 CES, 독일에서 "
            "열리는 IFA와 함께 3대 전시회로 꼽힌다.\n")
    found = _proposals(tmp_path, text)
    assert (found.get("경찰청"), found.get("CES"), found.get("IFA")) == (
        "government", "conference", "conference")
