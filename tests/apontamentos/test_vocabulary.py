"""The company's vocabulary: parsing with line-numbered errors, stem matching, loading from a file or over
HTTP, and what it changes in answers."""

from __future__ import annotations

import asyncio
import os
from datetime import date
from pathlib import Path

import pytest
from aiohttp import web

from apontamentos.dataset import Dataset
from apontamentos.engine import answer
from apontamentos.language import prepare
from apontamentos.vocabulary import BUILTIN, BUILTIN_CSV, Vocabulary, VocabularyProvider

from ..local_server import LocalServer
from .conftest import SMALL_ROWS

TODAY = date(2025, 11, 24)  # the Monday after the small dataset's week
COMPANY = "termo,significa\napagar incêndio,suporte\nestouro,mais de\nsquad,equipe\n"


def parsed(text: str) -> tuple[Vocabulary, list[str]]:
    return Vocabulary.parse(text.encode("utf-8"))


def test_the_built_in_vocabulary_is_a_valid_file() -> None:
    vocabulary, errors = parsed(BUILTIN_CSV)
    assert errors == [] and len(vocabulary) == len(BUILTIN_CSV.strip().splitlines()) - 1


def test_bad_lines_are_reported_with_their_numbers_and_skipped() -> None:
    vocabulary, errors = parsed(
        "termo,significa\n"
        "alocado,recurso\n"  # 2: fine
        "passar,mais de\n"  # 3: same root as passada/passado
        "apagar,suporte\n"  # 4: alone, a request the bot refuses
        "só uma coluna\n"  # 5
        ",suporte\n"  # 6
        "alocados,pessoas\n"  # 7: "alocado" again (same stems)
        "# a comment,ignored\n"  # 8
        "\n"  # 9: blank
        "1234,contrato\n"  # 10: only a number
        "a,b,c\n"  # 11
        "apagar incêndio,suporte\n"  # 12: fine
    )
    assert [e.split(":")[0] for e in errors] == ["line 3", "line 4", "line 5", "line 6", "line 7", "line 10", "line 11"]
    assert "passada" in errors[0] and "refuses" in errors[1]
    assert {e.term for e in vocabulary.entries} == {"alocado", "apagar incendio"}


@pytest.mark.parametrize(
    "header", ["termo,significa", "Termo,Significa", "\ufefftermo,significa", "termo;significa", "TERMO;SIGNIFICA"]
)
def test_header_and_delimiter(header: str) -> None:
    separator = ";" if ";" in header else ","
    vocabulary, errors = parsed(f"{header}\nsquad{separator}equipe\n")
    assert errors == [] and [e.term for e in vocabulary.entries] == ["squad"]


@pytest.mark.parametrize("text", ["termo,meaning\nsquad,equipe\n", "", "squad,equipe\n"])
def test_a_file_without_the_header_is_rejected_whole(text: str) -> None:
    vocabulary, errors = parsed(text)
    assert len(vocabulary) == 0 and errors == ["line 1: the header must be termo,significa"]


def test_not_utf8_is_reported() -> None:
    vocabulary, errors = Vocabulary.parse("termo,significa\nincêndio,suporte\n".encode("cp1252"))
    assert len(vocabulary) == 0 and errors and "UTF-8" in errors[0]


@pytest.mark.parametrize(
    ("text", "rewritten"),
    [
        ("quantos alocados tem o 8446", "quantos recursos tem o 8446"),
        ("quem esta alocada no 8446", "quem esta recurso no 8446"),
        ("quem nao preencheu ontem", "quem nao apontou ontem"),
        ("horas preenchidas em outubro", "horas apontadas em outubro"),
        ("quem passou das 8h ontem", "quem mais de 8 horas ontem"),
        ("quem estourou as 8 horas", "quem mais de 8 horas"),
        ("quem atende o 8446", "quem trabalha no 8446"),
        ("quantas pessoas atendem a e0000001", "quantas pessoas trabalha na e0000001"),
    ],
)
def test_built_in_jargon_in_any_inflection(text: str, rewritten: str) -> None:
    assert prepare(text, BUILTIN) == rewritten


def test_the_operator_wins_over_the_built_in_and_longest_terms_first() -> None:
    company, errors = parsed("termo,significa\nalocado,consultor\napagar incêndio,suporte\n")
    assert errors == []
    vocabulary = BUILTIN.extended(company)
    assert prepare("quantos alocados", vocabulary) == "quantos consultores"
    assert prepare("horas apagando incêndios", vocabulary) == "horas suporte"
    assert prepare("horas apagando incêndios", BUILTIN) == "horas apagando incendios"


def test_apagar_incendio_is_a_question_with_the_vocabulary_and_a_refusal_without(small: Dataset) -> None:
    question = "quantas horas de apagar incêndio o 8446 teve?"
    without = answer(small, question, {}, TODAY)
    assert without.intent == "write"
    vocabulary = BUILTIN.extended(parsed(COMPANY)[0])
    with_it = answer(small, question, {}, TODAY, vocabulary=vocabulary)
    assert with_it.intent != "write"


@pytest.mark.parametrize(
    ("question", "contract"),
    [
        ("quantos alocados tem o 8446?", "8446"),
        ("quantas pessoas atendem o 8446?", "8446"),
        ("quem está alocado no 8447?", "8447"),
        ("quem atende o 8447?", "8447"),
    ],
)
def test_jargon_answers_the_question_it_means(small: Dataset, question: str, contract: str) -> None:
    people = {row["s_id_recurso"] for row in SMALL_ROWS if row["s_ds_cargo"].startswith(f"{contract}-")}
    reply = answer(small, question, {}, TODAY)
    assert reply.intent == "contract_resources", reply.text
    assert f"{len(people)} recursos" in reply.text


def test_provider_reads_a_file_and_rereads_it_when_it_changes(tmp_path: Path) -> None:
    source = tmp_path / "vocabulario.csv"
    source.write_text(COMPANY, encoding="utf-8")
    provider = VocabularyProvider(str(source), refresh_seconds=3600)
    assert prepare("horas da squad", provider.get()) == "horas da equipe"
    source.write_text("termo,significa\ntropa,equipe\n", encoding="utf-8")
    os.utime(source, ns=(1, 1))
    provider.refresh()  # the bot re-checks in the background; the test does it now
    vocabulary = provider.get()
    assert prepare("horas da tropa", vocabulary) == "horas da equipe"
    assert prepare("horas da squad", vocabulary) == "horas da squad"
    assert prepare("quantos alocados", vocabulary) == "quantos recursos"  # the built-in words stay


def test_a_missing_file_leaves_the_built_in_words(tmp_path: Path) -> None:
    provider = VocabularyProvider(str(tmp_path / "absent.csv"), refresh_seconds=300)
    assert provider.get() is BUILTIN
    assert provider.get() is BUILTIN  # not tried again before refresh_seconds


class VocabularyServer(LocalServer):
    def __init__(self, body: bytes) -> None:
        super().__init__()
        self.body, self.etag, self.gets = body, '"1"', 0

    def routes(self, app: web.Application) -> None:
        app.router.add_route("HEAD", "/vocabulario.csv", self._head)
        app.router.add_get("/vocabulario.csv", self._get, allow_head=False)

    async def _head(self, request: web.Request) -> web.Response:
        return web.Response(headers={"ETag": self.etag})

    async def _get(self, request: web.Request) -> web.Response:
        self.gets += 1
        return web.Response(body=self.body, headers={"ETag": self.etag}, content_type="text/csv")


async def test_provider_reads_over_http_and_follows_the_etag() -> None:
    server = await VocabularyServer(COMPANY.encode()).start()
    try:
        # No background re-check falls due during the test: the explicit refresh below is the only one.
        provider = VocabularyProvider(f"http://127.0.0.1:{server.port}/vocabulario.csv", refresh_seconds=3600)
        first = await asyncio.to_thread(provider.get)
        assert prepare("horas da squad", first) == "horas da equipe"
        again = await asyncio.to_thread(provider.get)
        assert again is first and server.gets == 1  # same ETag: not downloaded again
        server.body, server.etag = b"termo,significa\ntropa,equipe\n", '"2"'
        await asyncio.to_thread(provider.refresh)  # the bot re-checks in the background; the test does it now
        changed = await asyncio.to_thread(provider.get)
        assert prepare("horas da tropa", changed) == "horas da equipe" and server.gets == 2
    finally:
        await server.stop()
