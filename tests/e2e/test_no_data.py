"""Before any data is configured the bot still greets, helps and manages alerts; data questions say why not."""

from __future__ import annotations

import uuid
from typing import Any

from apontamentos.answers import GREETING, HELP
from devhost.azurite import free_port

from .harness import Client, FakeConnector

NOT_CONFIGURED_LOG = "APONTAMENTOS_SOURCE is not set"


async def test_without_a_data_source_the_bot_still_talks(make_bot: Any, connector: FakeConnector, http: Any) -> None:
    bot = make_bot(APONTAMENTOS_SOURCE="")
    c = Client(bot, connector, http)
    chat, user = f"sem-dados-{uuid.uuid4().hex[:6]}", "nadia"
    assert await c.say(chat, user, "oi") == GREETING
    assert await c.say(chat, user, "ajuda") == HELP
    assert (await c.say(chat, user, "parar alertas")).startswith("Pronto: você não vai mais receber alertas.")
    assert (await c.say(chat, user, "meus alertas")).startswith("Você não recebe alertas")  # open access: no role
    assert (await c.say(chat, user, "ativar alertas")).startswith("Pronto: alertas ativados.")
    for question in ("Mostre o contrato 8446", "Quantas horas eu trabalhei esta semana?"):
        reply = await c.say(chat, user, question)
        assert "fonte de dados" in reply and "configur" in reply
        assert "alguns minutos" not in reply
    status, _ = await c.post(None, raw=b"", path="/admin/functions/send_alerts")
    assert status == 202
    assert len(connector.messages(chat)) == 7  # the alerts run found nothing to compute and sent nothing
    output = "".join(bot.output)
    assert output.count(NOT_CONFIGURED_LOG) == 1  # told once, when the app was built, not per message
    assert "Traceback" not in output


async def test_an_unreachable_source_is_temporary_and_greetings_still_work(
    make_bot: Any, connector: FakeConnector, http: Any
) -> None:
    bot = make_bot(APONTAMENTOS_SOURCE=f"http://127.0.0.1:{free_port()}/apontamentos.parquet")
    c = Client(bot, connector, http)
    chat = f"fora-do-ar-{uuid.uuid4().hex[:6]}"
    assert await c.say(chat, "otto", "oi") == GREETING
    reply = await c.say(chat, "otto", "Mostre o contrato 8446")
    assert "Tente novamente em alguns minutos" in reply and "configur" not in reply
    assert NOT_CONFIGURED_LOG not in "".join(bot.output)
