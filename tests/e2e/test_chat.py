"""`make chat` (bot.chat) against the running bot: the identity it sends, and alerts arriving in the terminal."""

from __future__ import annotations

import asyncio
import re
import sys
from typing import Any

import pytest

from .harness import BotProcess, Client, FakeConnector, repo_path, unique_table

README = repo_path("README.md").read_text(encoding="utf-8")
LOCAL = README.split("## Local chat: identity, access policy and alerts", 1)[1].split("\n## ", 1)[0]
# The README's own example, used as written: its policy, the identities its commands send, its setting.
POLICY = re.search(r"```csv\n(.*?)```", LOCAL, re.S).group(1)  # type: ignore[union-attr]
UPN = re.search(r'make chat ARGS="--upn ([^"]+)"', LOCAL).group(1)  # type: ignore[union-attr]
AAD = re.search(r'make chat ARGS="--aad ([^"]+)"', LOCAL).group(1)  # type: ignore[union-attr]
TRUSTED = re.search(r'"ACCESS_TRUSTED_CHANNELS": "([^"]+)"', LOCAL).group(1)  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def bot(make_bot: Any, tmp_path_factory: pytest.TempPathFactory, e2e_columns: dict[str, list[Any]]) -> BotProcess:
    assert len(POLICY.strip().splitlines()) == 3 and f"{UPN},gestor" in POLICY and f"{AAD},colaborador" in POLICY
    resource = POLICY.split(f"{AAD},colaborador,", 1)[1].split(",", 1)[0]
    assert resource in e2e_columns["s_id_recurso"]  # the demo data's first resource is in every generated set
    policy = tmp_path_factory.mktemp("chat") / "acesso.csv"
    policy.write_text(POLICY, encoding="utf-8")
    return make_bot(
        ACCESS_POLICY=str(policy),
        ACCESS_TRUSTED_CHANNELS=TRUSTED,
        REFERENCES_TABLE=unique_table(),
        ALERT_LOG_TABLE=unique_table(),
    )


class Chat:
    """`python -m bot.chat` in a subprocess, fed line by line."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.output: list[str] = []

    @classmethod
    async def start(cls, bot: BotProcess, *args: str) -> Chat:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.chat", "--url", f"{bot.url}/api/messages", *args,
            cwd=repo_path(), stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        )  # fmt: skip
        return cls(process)

    async def until(self, marker: str, timeout: float = 30) -> str:
        """Output up to and including the first line containing `marker`."""
        assert self.process.stdout is not None
        async with asyncio.timeout(timeout):
            while not any(marker in line for line in self.output):
                line = await self.process.stdout.readline()
                assert line, "".join(self.output)
                self.output.append(line.decode())
        return "".join(self.output)

    async def say(self, text: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(text.encode() + b"\n")
        await self.process.stdin.drain()

    async def close(self) -> int:
        assert self.process.stdin is not None
        self.process.stdin.close()
        return await self.process.wait()


async def test_the_chat_prints_the_identity_it_sends_and_the_policy_recognises_it(bot: BotProcess) -> None:
    chat = await Chat.start(bot, "--aad", AAD, "--user", "Colaboradora")
    try:
        text = await chat.until("Alertas chegam aqui")
        assert "from.id terminal-" in text and f"aadObjectId {AAD}." in text
        await chat.say("meus alertas")
        assert "Seus alertas estão ativados" in await chat.until("Seus alertas")
    finally:
        assert await chat.close() == 0
    chat = await Chat.start(bot, "--upn", UPN)
    try:
        assert f"from.id {UPN}, aadObjectId (nenhum)." in await chat.until("Alertas chegam aqui")
        await chat.say("meus alertas")
        assert "um resumo dos seus contratos" in await chat.until("Seus alertas")
    finally:
        assert await chat.close() == 0


async def test_an_alert_reaches_the_terminal_chat(bot: BotProcess, connector: FakeConnector, http: Any) -> None:
    chat = await Chat.start(bot, "--upn", UPN)
    try:
        await chat.until("Alertas chegam aqui")
        await chat.say("oi")  # the personal chat's reference, with the chat's serviceUrl, is kept for alerts
        await chat.until("bot> Olá!")
        status, _ = await Client(bot, connector, http).post(None, raw=b"", path="/admin/functions/send_alerts")
        assert status == 202
        text = await chat.until("bot (alerta)>")
        assert "bot (alerta)> Bom dia! No seu contrato 8446:" in text
    finally:
        assert await chat.close() == 0
