"""The not-understood review: what is kept of a question (no text, no names), counts per ISO week in Table
Storage through Azurite, concurrent increments, the command line and the admin endpoint."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import date, timedelta
from types import SimpleNamespace

import azure.functions as func
import pytest

from apontamentos.__main__ import main
from apontamentos.dataset import Dataset
from apontamentos.review import Miss, ReviewLog, ReviewUnavailable, miss_of, week_of
from apontamentos.vocabulary import BUILTIN
from bot import http
from devhost.azurite import Azurite

MONDAY = date(2026, 11, 30)  # ISO week 2026-W49
NAMES = frozenset({"ana", "maria", "souza", "joao", "silva", "wagner"})


@pytest.fixture
async def review(azurite: Azurite, table_name: str) -> AsyncIterator[ReviewLog]:
    log = ReviewLog.from_connection_string(azurite.connection_string, table_name)
    yield log
    await log.close()


def test_week_keys_follow_iso_weeks() -> None:
    assert week_of(date(2026, 11, 30)) == "2026-W49"
    assert week_of(date(2026, 12, 6)) == "2026-W49"  # Sunday closes the ISO week
    assert week_of(date(2027, 1, 1)) == "2026-W53"  # a Friday that belongs to the last week of 2026
    assert week_of(date(2028, 2, 29)) == "2028-W09"


@pytest.mark.parametrize(
    ("question", "words", "shape"),
    [
        ("quantas horas a Ana reprocessou ontem?", ("reprocessou",), "quantas horas a <nome> <?> ontem"),
        ("o wagner fez hora de sobreaviso em 12/11?", ("sobreaviso",), "o <nome> fez hora de <?> em <data>"),
        # a name one letter off ("Wagnner") is masked too, and never counted as a word
        ("quanto o Wagnner cobrou no 8446", ("cobrou",), "quanto o <nome> <?> no <n>"),
        ("horas semanais da MARIA SOUZA", ("semanais",), "horas <?> da <nome> <nome>"),
    ],
)
def test_a_miss_keeps_unknown_words_and_a_shape_never_names(question: str, words: tuple, shape: str) -> None:
    miss = miss_of(question, NAMES, BUILTIN)
    assert miss == Miss(words, shape)
    stored = " ".join(miss.words) + " " + miss.shape
    assert not NAMES & set(stored.split())


def test_a_long_question_is_cut_in_the_shape() -> None:
    miss = miss_of(" ".join(["blablabla"] * 40), NAMES)
    assert miss.words == ("blablabla",) and miss.shape.endswith("…") and len(miss.shape.split()) == 15


def expected_counts(misses: list[Miss]) -> tuple[int, dict[str, int], dict[str, int]]:
    words: dict[str, int] = {}
    shapes: dict[str, int] = {}
    for miss in misses:
        for word in miss.words:
            words[word] = words.get(word, 0) + 1
        shapes[miss.shape] = shapes.get(miss.shape, 0) + 1
    return len(misses), words, shapes


async def test_counts_per_week(review: ReviewLog) -> None:
    this_week = [Miss(("sobreaviso",), "horas de <?>"), Miss(("sobreaviso", "plantao"), "<?> e <?>")] * 2
    last_week = [Miss(("glosa",), "qual a <?>")]
    for miss in this_week:
        await review.record(miss, MONDAY + timedelta(days=3))
    for miss in last_week:
        await review.record(miss, MONDAY - timedelta(days=1))  # the Sunday before: last ISO week
    reports = await review.weeks(MONDAY + timedelta(days=6), count=3)
    assert [r.week for r in reports] == ["2026-W49", "2026-W48", "2026-W47"]
    for report, misses in zip(reports, (this_week, last_week, []), strict=True):
        total, words, shapes = expected_counts(misses)
        assert report.questions == total
        assert dict(report.words) == words and dict(report.shapes) == shapes
    assert reports[0].words[0] == ("sobreaviso", 4)  # most frequent first


async def test_concurrent_increments_from_several_instances_all_count(azurite: Azurite, table_name: str) -> None:
    instances = [ReviewLog.from_connection_string(azurite.connection_string, table_name) for _ in range(3)]
    miss = Miss(("sobreaviso",), "horas de <?>")
    try:
        await instances[0].record(miss, MONDAY)  # the table exists before the race
        await asyncio.gather(*(instances[i % 3].record(miss, MONDAY) for i in range(24)))
        report = (await instances[1].weeks(MONDAY, count=1))[0]
    finally:
        for instance in instances:
            await instance.close()
    assert report.questions == 25
    assert report.words == (("sobreaviso", 25),) and report.shapes == (("horas de <?>", 25),)


async def test_unreachable_storage_is_one_typed_error() -> None:
    from devhost.azurite import free_port

    port = free_port()
    dead = ReviewLog.from_connection_string(
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        f"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
        "review",
    )
    try:
        with pytest.raises(ReviewUnavailable):
            await dead.record(Miss(("x",), "<?>"), MONDAY)
    finally:
        await dead.close()


async def test_the_command_line_reads_the_table(
    review: ReviewLog, azurite: Azurite, table_name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from apontamentos.rules import DEFAULT_TIMEZONE, today_in

    today = today_in(DEFAULT_TIMEZONE)
    await review.record(Miss(("sobreaviso",), "horas de <?>"), today)
    args = ["review", "--storage", azurite.connection_string, "--table", table_name, "--weeks", "1"]
    assert await asyncio.to_thread(main, [*args, "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == [
        {
            "week": week_of(today),
            "questions": 1,
            "words": [{"word": "sobreaviso", "count": 1}],
            "shapes": [{"shape": "horas de <?>", "count": 1}],
        }
    ]
    assert await asyncio.to_thread(main, args) == 0
    text = capsys.readouterr().out
    assert "1 perguntas não entendidas" in text and "sobreaviso (1)" in text


def _request(params: dict[str, str]) -> func.HttpRequest:
    return func.HttpRequest(method="GET", url="http://localhost/review", params=params, body=b"")


async def test_the_admin_endpoint(review: ReviewLog) -> None:
    app = SimpleNamespace(settings=SimpleNamespace(timezone="America/Sao_Paulo"), review=review)
    await review.record(Miss(("glosa",), "qual a <?>"), MONDAY)
    response = await http.review(_request({"weeks": "2"}), app, today=MONDAY)  # type: ignore[arg-type]
    assert response.status_code == 200 and response.mimetype == "application/json"
    body = json.loads(response.get_body())
    assert [w["week"] for w in body["weeks"]] == ["2026-W49", "2026-W48"]
    assert body["weeks"][0]["words"] == [{"word": "glosa", "count": 1}]
    for bad in ({"weeks": "0"}, {"weeks": "27"}, {"weeks": "x"}, {"weeks": "²"}, {"top": "0"}):
        assert (await http.review(_request(bad), app, today=MONDAY)).status_code == 400  # type: ignore[arg-type]


async def test_the_rules_engine_counts_what_it_did_not_understand(small: Dataset, review: ReviewLog) -> None:
    from apontamentos.dataset import DatasetProvider
    from bot.engines import RulesEngine
    from sessions import Session

    provider = DatasetProvider("unused")
    provider.get = lambda: small  # type: ignore[method-assign]  # the dataset is not what this test is about
    engine = RulesEngine(dataset=provider, review=review)
    session = Session.new("c", "conv", "u", "Ana")
    day = date(2025, 11, 24)
    understood = await engine.answer(question="horas do 8446", session=session, user_name="", today=day)
    missed = await engine.answer(question="a Ana Paula fez sobreaviso ontem?", session=session, user_name="", today=day)
    assert understood.kind != "not_understood" and missed.kind == "not_understood"
    report = (await review.weeks(day, count=1))[0]
    assert report.questions == 1
    assert report.words == (("sobreaviso", 1),)
    assert report.shapes == (("a <nome> <nome> fez <?> ontem", 1),)
