"""The built-in engine behind the bot: a question it fails on costs that answer, never the turn."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from apontamentos.dataset import DatasetProvider
from bot import engines
from bot.engines import FAILED, RulesEngine
from sessions import Session

TODAY = date(2026, 11, 25)


async def test_a_question_the_engine_fails_on_gets_a_reply_and_keeps_the_talk(
    provider: DatasetProvider, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    engine = RulesEngine(dataset=provider)
    session = Session.new("msteams", "c", "u", datetime.now(UTC))
    first = await engine.answer(question="horas do 8446 em outubro", session=session, user_name="", today=TODAY)
    session = replace(session, context=first.context)

    def broken(*args: object, **kwargs: object) -> None:
        raise TypeError("a bug in understanding")

    monkeypatch.setattr(engines, "answer", broken)
    with caplog.at_level(logging.ERROR, logger="bot.engines"):
        reply = await engine.answer(question="e a parte dela?", session=session, user_name="", today=TODAY)
    assert reply.text == FAILED and reply.kind == "failed"
    assert reply.context == first.context  # the talk goes on from the last question answered
    assert [m.content for m in reply.history] == ["e a parte dela?", FAILED]
    assert "a bug in understanding" in caplog.text and "e a parte dela" not in caplog.text  # never the text
