"""The company's vocabulary and the not-understood review through the running bot: VOCABULARY read from a
file, a question it did not understand counted in REVIEW_TABLE and shown by GET /review, with no text."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from azure.data.tables.aio import TableClient

from .harness import Client, FakeConnector, unique_table

REFUSED_WRITE = "Eu só consulto os apontamentos"


async def test_vocabulary_and_review_through_the_bot(
    make_bot: Any, connector: FakeConnector, http: Any, azurite: Any, tmp_path: Path
) -> None:
    vocabulary = tmp_path / "vocabulario.csv"
    vocabulary.write_text("termo,significa\napagar incêndio,suporte\nsó isso\n", encoding="utf-8")
    table = unique_table()
    bot = make_bot(VOCABULARY=str(vocabulary), REVIEW_TABLE=table)
    c = Client(bot, connector, http)
    conversation = f"a:{uuid.uuid4().hex[:8]}"

    jargon = await c.say(conversation, "u1", "quantas horas de apagar incêndio o 8446 teve?")
    assert not jargon.startswith(REFUSED_WRITE), jargon
    assert (await c.say(conversation, "u1", "apague o apontamento de ontem")).startswith(REFUSED_WRITE)
    missed = await c.say(conversation, "u1", "o 8446 teve sobreaviso?")
    assert "sobreaviso" in missed
    assert any("vocabulary line 3" in line for line in bot.output)  # the bad line, by number

    async with http.get(bot.url + "/review", params={"weeks": "1"}) as response:
        assert response.status == 200
        body = await response.json()
    (week,) = body["weeks"]
    assert week["questions"] == 1
    assert week["words"] == [{"word": "sobreaviso", "count": 1}]
    assert week["shapes"] == [{"shape": "o <n> teve <?>", "count": 1}]
    async with TableClient.from_connection_string(azurite.connection_string, table) as client:
        stored = str([dict(e) async for e in client.list_entities()])
    assert "8446" not in stored and "teve sobreaviso?" not in stored
    async with http.get(bot.url + "/review", params={"weeks": "99"}) as response:
        assert response.status == 400
