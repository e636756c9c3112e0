"""The company's own words: a CSV `termo,significa` an operator maintains (setting VOCABULARY), on top of the
everyday jargon the bot ships with.

Each term is matched by the Snowball stems of its words, so one line covers every inflection ("alocado"
matches "alocados", "alocada"); what it means is written in words the engine reads. Applied while the
question is normalised (`language.prepare`), before anything else reads it: "apagar incêndio" becomes
"suporte" before the bot could take "apagar" for a request to delete.
"""

from __future__ import annotations

import csv
import io
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

from . import sources
from .dataset import normalize
from .language import forms_of, known, refusal, stem

log = logging.getLogger(__name__)

HEADER = ("termo", "significa")
MAX_ENTRIES = 2000
MAX_WORDS = 6
MAX_CHARS = 80

# Everyday jargon people use in Teams, in the same format an operator uses.
BUILTIN_CSV = """termo,significa
alocado,recurso
estourar,mais de
estourar o,mais de
estourar os,mais de
estourar a,mais de
estourar as,mais de
passou das,mais de
passou dos,mais de
ultrapassar,mais de
ultrapassar as,mais de
atender o,trabalha no
atender a,trabalha na
atender,trabalha
preencher,apontar
planilha de horas,apontamentos
timesheet,apontamentos
marcacao,apontamento
marcacoes,apontamentos
"""


@dataclass(frozen=True)
class Entry:
    """One line: the stems of the term's words and the normalised words it means."""

    stems: tuple[str, ...]
    term: str
    meaning: tuple[str, ...]


class Vocabulary:
    """Terms and what they mean, matched longest first by the stems of consecutive words."""

    def __init__(self, entries: list[Entry] | tuple[Entry, ...] = ()) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self._by_first: dict[str, list[Entry]] = {}
        for entry in sorted(self.entries, key=lambda e: len(e.stems), reverse=True):
            self._by_first.setdefault(entry.stems[0], []).append(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def extended(self, other: Vocabulary) -> Vocabulary:
        """This vocabulary with `other`'s entries added; `other` wins where both define a term."""
        theirs = {entry.stems for entry in other.entries}
        return Vocabulary([e for e in self.entries if e.stems not in theirs] + list(other.entries))

    def rewrite(self, words: list[str]) -> list[str]:
        """The words with every term replaced by what it means (a one-word meaning takes the term's ending)."""
        stems = [stem(word) for word in words]
        out: list[str] = []
        index = 0
        while index < len(words):
            for entry in self._by_first.get(stems[index], ()):
                size = len(entry.stems)
                if tuple(stems[index : index + size]) == entry.stems:
                    if size == 1 and len(entry.meaning) == 1:
                        out.append(_inflect(words[index], entry.meaning[0]))
                    else:
                        out.extend(entry.meaning)
                    index += size
                    break
            else:
                out.append(words[index])
                index += 1
        return out

    @classmethod
    def parse(cls, data: bytes) -> tuple[Vocabulary, list[str]]:
        """The vocabulary and one message per rejected line ("line 4: ...")."""
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return cls(), ["line 1: the file is not UTF-8 text"]
        first = text.splitlines()[0] if text.strip() else ""
        delimiter = ";" if first.count(";") > first.count(",") else ","
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        if not rows or tuple(normalize(cell) for cell in rows[0][:2]) != HEADER:
            return cls(), [f"line 1: the header must be {','.join(HEADER)}"]
        entries: dict[tuple[str, ...], Entry] = {}
        errors: list[str] = []
        for number, row in enumerate(rows[1:], start=2):
            if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
                continue
            if len(entries) >= MAX_ENTRIES:
                errors.append(f"line {number}: more than {MAX_ENTRIES} terms; the rest is ignored")
                break
            try:
                entry = _entry(row)
            except ValueError as err:
                errors.append(f"line {number}: {err}")
                continue
            if entry.stems in entries:
                errors.append(f"line {number}: “{entry.term}” is already defined above")
                continue
            entries[entry.stems] = entry
        return cls(list(entries.values())), errors


def _entry(row: list[str]) -> Entry:
    if len(row) != 2:
        raise ValueError(f"expected 2 columns (termo,significa), got {len(row)}")
    term, meaning = (normalize(cell) for cell in row)
    if not term or not meaning:
        raise ValueError("termo and significa must both be filled")
    for name, value in (("termo", term), ("significa", meaning)):
        if len(value) > MAX_CHARS or len(value.split()) > MAX_WORDS:
            raise ValueError(f"{name} is longer than {MAX_WORDS} words or {MAX_CHARS} characters")
    words = term.split()
    if all(word.isdigit() for word in words):
        raise ValueError("termo is only a number")
    if len(words) == 1:
        if forms_of(words[0]):
            # One word sharing a stem with words the bot reads would change them too ("passar" -> "passada").
            shared = ", ".join(forms_of(words[0])[:4])
            raise ValueError(f"“{term}” has the same root as words the bot already reads ({shared}); use a longer term")
        if refusal(term) is not None:
            raise ValueError(f"“{term}” alone is a request the bot refuses; write the whole expression")
    if term == meaning:
        raise ValueError("termo and significa are the same")
    return Entry(tuple(stem(word) for word in words), term, tuple(meaning.split()))


def _inflect(original: str, meaning: str) -> str:
    """The form of `meaning` that agrees with `original` in number and gender, then shares most of its ending
    ("preencheu" -> "apontou", "alocados" -> "recursos", "alocadas" -> "consultoras"); `meaning` on a tie."""
    ending = original[len(stem(original)) :]

    def agreement(word: str) -> tuple[bool, bool]:
        plural = word.endswith("s")
        return plural, (word[:-1] if plural else word).endswith("a")

    def score(candidate: str) -> tuple[bool, bool, int]:
        theirs = candidate[len(stem(candidate)) :]
        count = 0
        while count < min(len(ending), len(theirs)) and ending[-1 - count] == theirs[-1 - count]:
            count += 1
        plural, feminine = agreement(candidate)
        mine = agreement(original)
        return plural == mine[0], feminine == mine[1], count

    candidates = [meaning, *(form for form in forms_of(meaning) if form != meaning)]
    return max(candidates, key=score) if known(meaning) else meaning


BUILTIN, _builtin_errors = Vocabulary.parse(BUILTIN_CSV.encode())
assert not _builtin_errors, _builtin_errors


class VocabularyProvider:
    """The built-in vocabulary extended with the operator's file, re-read when it changes.

    Words are not access: a file that cannot be read leaves the built-in vocabulary in use (and the last
    good file, once one was read), and is tried again after `refresh_seconds`, never at every question.
    """

    def __init__(self, source: str, *, refresh_seconds: float = 300.0, credential: Any = None) -> None:
        self.source = source
        self._credential = credential
        self._refresh_seconds = refresh_seconds
        self._file = sources.Refreshing(
            source, self._load, refresh_seconds=refresh_seconds, credential=credential, what="vocabulary"
        )
        self._lock = threading.Lock()
        self._failed_at: float | None = None

    def get(self) -> Vocabulary:
        with self._lock:
            if self._failed_at is not None and time.monotonic() - self._failed_at < self._refresh_seconds:
                return BUILTIN
        try:
            vocabulary = self._file.get()
        except sources.SourceUnavailable as err:
            log.error("vocabulary never read (%s); the built-in words only", err)
            with self._lock:
                self._failed_at = time.monotonic()
            return BUILTIN
        with self._lock:
            self._failed_at = None
        return vocabulary

    def refresh(self) -> None:
        """Re-read the file now, in this thread (the bot itself re-checks it in the background)."""
        self._file.refresh()
        with self._lock:
            self._failed_at = None

    def _load(self) -> Vocabulary:
        operator, errors = Vocabulary.parse(sources.read_bytes(self.source, self._credential, limit=1 << 20))
        for error in errors:
            log.warning("vocabulary %s", error)
        log.info("vocabulary: %d terms, %d lines rejected", len(operator), len(errors))
        return BUILTIN.extended(operator)
