"""Words as people type them: inflections by stem, operators never absorbed, numbers in words, shorthand."""

from __future__ import annotations

import pytest

from apontamentos.language import FILLERS, OPERATORS, VOCABULARY, known, prepare, role, stem
from apontamentos.numbers import digits, value_of


@pytest.mark.parametrize("word", ["apontaram", "apontou", "apontadas", "trabalhadas", "trabalhadores", "validadores"])
def test_an_inflection_of_a_known_word_is_known(word: str) -> None:
    assert known(word)


@pytest.mark.parametrize("word", ["reprocessado", "lento", "orcamento", "xyzabc"])
def test_a_word_with_no_known_stem_is_unknown(word: str) -> None:
    assert not known(word)


@pytest.mark.parametrize("word", ["semanais", "diariamente", "mensais", "semanalmente"])
def test_an_operator_is_not_absorbed_by_the_stem_of_a_known_word(word: str) -> None:
    # "semanais" shares "semana"'s stem but asks for a grouping: it must stay visible as not understood.
    assert word not in VOCABULARY
    assert not known(word)
    assert role(word) == "grouping"


def test_roles() -> None:
    assert role("desde") == "period" and role("cedo") == "clock" and role("porcentagem") == "share"
    assert role("por") == "grouping" and role("sem") == "negation"
    assert role("rapidinho") == "filler" and role("horas") == "known" and role("blablabla") is None
    assert not FILLERS & set(OPERATORS), "a word is a filler or an operator, never both"


def test_stems_are_snowball_portuguese() -> None:
    assert {stem(w) for w in ("apontou", "apontaram", "apontados")} == {"apont"}
    assert stem("alocados") == stem("alocado")


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("um", 1),
        ("dez", 10),
        ("quinze", 15),
        ("vinte", 20),
        ("vinte e dois", 22),
        ("trinta", 30),
        ("trinta e um", 31),
        ("noventa e nove", 99),
        ("cem", 100),
        ("cento e vinte e cinco", 125),
    ],
)
def test_value_of_written_cardinals(words: str, value: int) -> None:
    assert value_of(words) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("os cinco primeiros", "os 5 primeiros"),
        ("as tres primeiras pessoas", "as 3 primeiras pessoas"),
        ("mais de oito horas", "mais de 8 horas"),
        ("acima de doze horas", "acima de 12 horas"),
        ("mais de uma hora", "mais de 1 hora"),
        ("duas semanas", "2 semanas"),
        ("tres pessoas", "3 pessoas"),
        ("nos ultimos dez dias", "nos ultimos 10 dias"),
        ("nos ultimos vinte e um dias", "nos ultimos 21 dias"),
        ("dia dez", "dia 10"),
        ("uma duzia de pessoas", "12 pessoas"),
        ("meia duzia", "6"),
        ("duas duzias", "24"),
        ("meia hora", "0,5 horas"),
        ("oito horas e meia", "8,5 horas"),
        ("nove", "9"),
        ("entre vinte e trinta horas", "entre 20 e 30 horas"),
    ],
)
def test_written_numbers_become_digits(text: str, expected: str) -> None:
    assert digits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("horas em dez", "horas em dezembro"),
        ("de 5 de dez a 9 de dez", "de 5 de dezembro a 9 de dezembro"),
        ("dez de 2025", "dezembro de 2025"),
        ("uma pessoa", "uma pessoa"),  # an article, not a count
        ("um contrato", "um contrato"),
    ],
)
def test_words_that_are_not_numbers_where_they_stand(text: str, expected: str) -> None:
    assert digits(text) == expected


@pytest.mark.parametrize(
    ("text", "expanded"),
    [
        ("qnt hrs o 8446 teve?", "quantas horas o 8446 teve"),
        ("qdo a ana apontou", "quando a ana apontou"),
        ("horas p/ o 8446", "horas para o 8446"),
        ("horas c/ suporte", "horas com suporte"),
        ("quanto % das horas foi suporte", "quanto porcentagem das horas foi suporte"),
        ("50 por cento", "50 porcentagem"),
        ("os cinco primeiros de 1/10 a 15/10", "os 5 primeiros de 1/10 a 15/10"),
    ],
)
def test_prepare(text: str, expanded: str) -> None:
    assert prepare(text) == expanded
