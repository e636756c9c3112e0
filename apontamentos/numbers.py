"""Cardinal numbers written as words ("cinco", "vinte e dois", "uma dúzia"), turned into digits.

Works on normalised text (lower case, no accents). The digits then take their role from their place in
the sentence, as typed digits do: a count ("os 5 primeiros"), hours ("mais de 8 horas"), a day of the
month ("dia 10"), a number of days or weeks ("2 semanas"). Words that are also something else keep that
meaning where their place says so: "dez" is December in "em dez" or "5 de dez", "um"/"uma" are articles
unless they count ("uma dúzia", "mais de uma hora").
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "um": 1,
    "uma": 1,
    "dois": 2,
    "duas": 2,
    "tres": 3,
    "quatro": 4,
    "cinco": 5,
    "seis": 6,
    "sete": 7,
    "oito": 8,
    "nove": 9,
}
TEENS = {
    "dez": 10,
    "onze": 11,
    "doze": 12,
    "treze": 13,
    "catorze": 14,
    "quatorze": 14,
    "quinze": 15,
    "dezesseis": 16,
    "dezasseis": 16,
    "dezessete": 17,
    "dezasete": 17,
    "dezoito": 18,
    "dezenove": 19,
    "dezanove": 19,
}
TENS = {
    "vinte": 20,
    "trinta": 30,
    "quarenta": 40,
    "cinquenta": 50,
    "sessenta": 60,
    "setenta": 70,
    "oitenta": 80,
    "noventa": 90,
}
HUNDREDS = {"cem": 100, "cento": 100, "duzentos": 200, "duzentas": 200, "trezentos": 300, "trezentas": 300}
HUNDREDS |= {  # a contract dictated: "oito mil quatrocentos e quarenta e seis"
    "quatrocentos": 400,
    "quinhentos": 500,
    "seiscentos": 600,
    "setecentos": 700,
    "oitocentos": 800,
    "novecentos": 900,
}
# Every word a written number is made of (the understanding treats them as known words).
NUMBER_WORDS = frozenset(UNITS) | frozenset(TEENS) | frozenset(TENS) | frozenset(HUNDREDS) | {"duzia", "duzias"}

_UNIT = "|".join(UNITS)
_TEEN = "|".join(TEENS)
_TEN = "|".join(TENS)
_HUNDRED = "|".join(HUNDREDS)
_BELOW_HUNDRED = rf"(?:(?:{_TEN})(?:\s+e\s+(?:{_UNIT}))?|{_TEEN}|{_UNIT})"
_CARDINAL = re.compile(rf"\b(?:(?:{_HUNDRED})(?:\s+e\s+{_BELOW_HUNDRED})?|{_BELOW_HUNDRED})\b")
# "uma dúzia", "meia dúzia", "duas dúzias", "3 duzias" (after the cardinals became digits).
_DOZEN = re.compile(r"\b(meia|uma|um|\d{1,3})\s+duzias?(?:\s+de\b)?")
# "um"/"uma" count only after a comparison or before a dozen: elsewhere they are articles.
_ONE = re.compile(r"\b((?:mais|menos|acima|abaixo|alem|superior|inferior)\s+(?:de|que|a)\s+)(?:um|uma)\b")
# "dez" names December after "em", "de" following a day ("5 de dez"), "mes de", or before a year.
_DECEMBER = re.compile(r"(?:\b(?:em|mes de|\d{1,2} de)\s+dez\b|\bdez\s+(?:de\s+)?\d{4}\b)")
_DECEMBER_MARK = "dezembro"
# "meia hora", "uma hora e meia", "8 horas e meia"
_HALF_HOUR = re.compile(r"\bmeia hora\b")
_AND_A_HALF = re.compile(r"\b(\d{1,3})\s+(horas?)\s+e\s+meia\b")


def value_of(words: str) -> int:
    """The value of one written cardinal ("vinte e dois" -> 22)."""
    total = 0
    for word in words.split():
        if word == "e":
            continue
        total += UNITS.get(word) or TEENS.get(word) or TENS.get(word) or HUNDREDS.get(word) or 0
    return total


def digits(text: str) -> str:
    """`text` with written cardinals replaced by digits, where their place makes them numbers."""
    text = _DECEMBER.sub(lambda m: m.group(0).replace("dez", _DECEMBER_MARK), text)
    text = _ONE.sub(lambda m: f"{m.group(1)}1", text)
    text = _HALF_HOUR.sub("0,5 horas", text)
    text = _DOZEN.sub(_dozens, text)  # "uma duzia" before "uma" is left as an article
    text = _CARDINAL.sub(lambda m: m.group(0) if m.group(0) in ("um", "uma") else str(value_of(m.group(0))), text)
    text = _DOZEN.sub(_dozens, text)  # "duas duzias", now "2 duzias"
    return _AND_A_HALF.sub(lambda m: f"{m.group(1)},5 horas", text)


def _dozens(match: re.Match[str]) -> str:
    count = match.group(1)
    if count == "meia":
        return "6"
    return str(12 * (1 if count in ("um", "uma") else int(count)))
