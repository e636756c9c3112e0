"""Adaptive Cards for tables, rankings and the welcome, each with a plain-text fallback."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from botbuilder.core import CardFactory
from botbuilder.schema import (
    ActionTypes,
    Activity,
    ActivityTypes,
    Attachment,
    CardAction,
    Entity,
    SuggestedActions,
)
from botframework.connector import Channels
from markdown_it import MarkdownIt

from apontamentos.answers import EXAMPLES, Table

CARD_VERSION = "1.5"  # Table elements: rendered by Teams and Web Chat


def _card(body: list[dict[str, Any]], fallback: str, actions: list[dict[str, Any]] | None = None) -> Attachment:
    card: dict[str, Any] = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": CARD_VERSION,
        "fallbackText": fallback,
        "body": body,
    }
    if actions:
        card["actions"] = actions
    return CardFactory.adaptive_card(card)


_NUMBER = re.compile(r"^[−+-]?[\d.]+(?:,\d+)?(?: ?h|%)?$")
MORE = "ver mais"
IDENTIFIERS = frozenset({"Contrato"})  # digits that name something, not quantities: aligned as text
HEADER_WEIGHT = 1.3
_FACT = re.compile(r"^- ([^:\n]{1,30}): (.+)$")


def facts_card(text: str, *, lead_inside: bool = True) -> Attachment | None:
    """An answer of the shape "Lead:" then "- Label: value" lines (a contract's details, a period's summary)
    as a `FactSet`, one row per fact; None for any other text. Lines after the facts (a note) follow them."""
    lead, _, rest = text.partition("\n")
    lines = rest.split("\n")
    facts = []
    for line in lines:
        match = _FACT.match(line)
        if match is None:
            break
        facts.append({"title": match[1], "value": match[2]})
    if len(facts) < 2:
        return None
    body: list[dict[str, Any]] = [{"type": "FactSet", "facts": facts}]
    if lead_inside:
        body.insert(0, {"type": "TextBlock", "text": lead, "weight": "Bolder", "wrap": True})
    note = "\n".join(lines[len(facts) :]).strip()
    if note:
        body.append({"type": "TextBlock", "text": note, "wrap": True, "isSubtle": True, "size": "Small"})
    return _card(body, text)


def table_card(table: Table, fallback: str, lead: str = "") -> Attachment:
    """A table as an Adaptive Card `Table` (1.5) under the answer's first line (`lead`, else the table's
    title): a header row, aligned columns, numbers right-aligned, the rank column narrow; a long table
    shows one page, says how many rows there are, and offers the next."""
    numeric = [
        table.columns[i] not in IDENTIFIERS and bool(table.rows) and all(_NUMBER.match(r[i]) for r in table.rows)
        for i in range(len(table.columns))
    ]

    def width(i: int) -> int:
        # Relative widths from the content: the header's longest word must fit unbroken ("Apontamentos"),
        # and a long name should not squeeze the figures; capped so one column cannot take the card. The
        # constant stands for the cell padding, without which a two-character rank column wraps ("1 / 0");
        # header letters count more because they are bold, and a name column wraps where figures cannot.
        header = max(len(word) for word in table.columns[i].split() or [""])
        cells = max((len(row[i]) for row in table.rows), default=0)
        return 4 + max(round(header * HEADER_WEIGHT), min(cells, 24 if numeric[i] else 20))

    def cell(text: str, bold: bool = False) -> dict[str, Any]:
        block = {"type": "TextBlock", "text": text, "wrap": True, "size": "Small"}
        if bold:
            block["weight"] = "Bolder"
        return {"type": "TableCell", "items": [block]}

    body: list[dict[str, Any]] = [
        {"type": "TextBlock", "text": lead or table.title, "weight": "Bolder", "wrap": True},
        {
            "type": "Table",
            "firstRowAsHeader": True,
            "showGridLines": True,
            "gridStyle": "accent",
            "columns": [
                {"width": width(i), "horizontalCellContentAlignment": "Right" if numeric[i] else "Left"}
                for i in range(len(table.columns))
            ],
            "rows": [{"type": "TableRow", "cells": [cell(c, bold=True) for c in table.columns]}]
            + [{"type": "TableRow", "cells": [cell(v) for v in row]} for row in table.rows],
        },
    ]
    actions = []
    if table.total > len(table.rows):
        end = table.start + len(table.rows)
        body.append(
            {
                "type": "TextBlock",
                "text": f"Linhas {table.start + 1}–{end} de {table.total}. Para uma lista menor, pergunte por um "
                "contrato, uma pessoa ou um período.",
                "isSubtle": True,
                "wrap": True,
                "size": "Small",
            }
        )
        if table.omitted:
            actions.append({"type": "Action.Submit", "title": "Ver mais", "data": {"text": MORE}})
    return _card(body, fallback, actions)


def answer_attachment(text: str, table: Table | None, *, lead_inside: bool = True) -> Attachment | None:
    """The card of an answer: its table, or its facts; None for a plain text answer. With `lead_inside` the
    answer's first line heads the card (the card is the whole message), else the text above it says it."""
    lead = text.split("\n", 1)[0]
    if table is not None:
        return table_card(table, text, lead if lead_inside else "")
    return facts_card(text, lead_inside=lead_inside)


def welcome_card(user_name: str, note: str = "") -> Attachment:
    greeting = f"Olá, {user_name}!" if user_name else "Olá!"
    body = [
        {"type": "TextBlock", "text": greeting, "weight": "Bolder", "size": "Medium"},
        {
            "type": "TextBlock",
            "wrap": True,
            "text": "Eu respondo perguntas sobre os apontamentos de horas dos contratos de outsourcing. "
            "Toque em um exemplo ou escreva sua pergunta.",
        },
    ]
    if note:
        body.append({"type": "TextBlock", "wrap": True, "isSubtle": True, "size": "Small", "text": note})
    actions = [{"type": "Action.Submit", "title": example, "data": {"text": example}} for example in EXAMPLES[:6]]
    fallback = greeting + " Pergunte, por exemplo: " + "; ".join(EXAMPLES[:4])
    return _card(body, fallback, actions)


def answer_card(replies: list[Activity]) -> dict[str, Any]:
    """One Adaptive Card holding a turn's replies: the answer to a Universal Action (`Action.Execute`)."""
    body: list[dict[str, Any]] = []
    fallback: list[str] = []
    for reply in replies:
        if reply.text:
            body.append({"type": "TextBlock", "text": reply.text, "wrap": True})
            fallback.append(reply.text)
        for attachment in reply.attachments or []:
            if attachment.content_type == CardFactory.content_types.adaptive_card and isinstance(
                attachment.content, dict
            ):
                body.extend(attachment.content.get("body", []))
                fallback.append(str(attachment.content.get("fallbackText", "")))
    return _card(body, "\n".join(f for f in fallback if f)).content


def alert_card(
    title: str, lines: list[str], questions: list[str], lists: list[list[tuple[str, str]]] | None = None
) -> Attachment:
    """A proactive alert: the title, one line per item, and follow-up questions as buttons. A line with a
    list (person, detail) gets a "Ver todos" that opens that whole list in the card, one row per person."""
    body: list[dict[str, Any]] = [{"type": "TextBlock", "text": title, "weight": "Bolder", "wrap": True}]
    for line, people in zip(lines, [*(lists or []), *[[]] * len(lines)], strict=False):
        body.append({"type": "TextBlock", "text": f"• {line}", "wrap": True, "spacing": "Small"})
        if people:
            facts = [{"title": name, "value": detail} for name, detail in people]
            shown = {"type": "AdaptiveCard", "body": [{"type": "FactSet", "facts": facts}]}
            body.append(
                {"type": "ActionSet", "actions": [{"type": "Action.ShowCard", "title": "Ver todos", "card": shown}]}
            )
    actions = [{"type": "Action.Submit", "title": q, "data": {"text": q}} for q in questions]
    return _card(body, "\n".join([title, *lines]), actions)


class AIGenerated(Entity):
    """The entity Teams shows as the "AI generated" label: a schema.org Message with AIGeneratedContent."""

    _attribute_map = {
        **Entity._attribute_map,
        "schema_type": {"key": "@type", "type": "str"},
        "context": {"key": "@context", "type": "str"},
        "additional_type": {"key": "additionalType", "type": "[str]"},
    }

    def __init__(self) -> None:
        super().__init__(type="https://schema.org/Message")
        self.schema_type = "Message"
        self.context = "https://schema.org"
        self.additional_type = ["AIGeneratedContent"]


# Channels that show suggested actions (Teams only in personal chats); elsewhere they become card buttons.
SUGGESTED_ACTION_CHANNELS = frozenset({"webchat", "directline", "emulator", "test", "terminal"})
# Teams lays suggested actions out in one row that does not wrap, each title on one line: the titles shown
# together must fit the chat column (the Agents Playground's, at its default width, holds about 80 characters).
TEAMS_SUGGESTION_CHARS = 80


def _fitting(questions: tuple[str, ...], budget: int) -> tuple[str, ...]:
    """The first questions whose titles fit `budget` characters together (always at least one)."""
    shown: list[str] = []
    for question in questions:
        if shown and sum(map(len, shown)) + len(question) > budget:
            break
        shown.append(question)
    return tuple(shown)


def with_suggestions(activity: Activity, questions: tuple[str, ...], *, personal_teams: bool) -> Activity:
    """Offer follow-up questions as suggested actions where the channel shows them, else as card buttons.

    In Teams an answer with a card carries them as the card's buttons, so the answer stays one message."""
    if not questions:
        return activity
    teams = activity.channel_id == Channels.ms_teams
    has_card = any(a.content_type == CardFactory.content_types.adaptive_card for a in activity.attachments or [])
    if activity.channel_id in SUGGESTED_ACTION_CHANNELS or (personal_teams and not has_card):
        shown = _fitting(questions[:3], TEAMS_SUGGESTION_CHARS) if teams else questions[:3]
        actions = [CardAction(type=ActionTypes.im_back, title=q, value=q) for q in shown]
        activity.suggested_actions = SuggestedActions(actions=actions)
        return activity
    buttons = [{"type": "Action.Submit", "title": q, "data": {"text": q}} for q in questions[:3]]
    cards = [a for a in activity.attachments or [] if a.content_type == CardFactory.content_types.adaptive_card]
    if cards:
        cards[0].content.setdefault("actions", []).extend(buttons)
    else:
        activity.attachments = [*(activity.attachments or []), _card([], activity.text or "", buttons)]
    return activity


def message(text: str | None, attachment: Attachment | None = None, *, ai_generated: bool = False) -> Activity:
    activity = Activity(type=ActivityTypes.message, text=text, text_format="markdown", locale="pt-BR")
    if attachment is not None:
        activity.attachments = [attachment]
    if ai_generated:
        activity.entities = [AIGenerated()]
    return activity


_MARKDOWN = MarkdownIt("commonmark", {"breaks": True, "html": False})


def for_teams(activity: Activity) -> Activity:
    """The activity as Teams draws it: a text of several lines goes as HTML (`xml`), since Teams joins
    Markdown lines and lists into one paragraph where suggested actions are shown. Other channels unchanged."""
    text = activity.text or ""
    if activity.channel_id != Channels.ms_teams or "\n" not in text or activity.text_format != "markdown":
        return activity
    html = _MARKDOWN.render(text).strip().replace(">\n<", "><")
    teams = copy.copy(activity)  # the committed reply keeps its Markdown
    teams.text, teams.text_format = html, "xml"
    return teams


def card_as_text(card: dict[str, Any]) -> str:
    """Readable text for an Adaptive Card (the terminal chat has no renderer)."""
    lines: list[str] = []

    def walk(elements: list[dict[str, Any]]) -> None:
        for element in elements:
            kind = element.get("type")
            if kind == "TextBlock":
                lines.append(str(element.get("text", "")))
            elif kind == "ColumnSet":
                cells = [" ".join(str(i.get("text", "")) for i in c.get("items", [])) for c in element["columns"]]
                lines.append(" | ".join(cells))
            elif kind == "Table":
                for row in element.get("rows", []):
                    cells = [" ".join(str(i.get("text", "")) for i in c.get("items", [])) for c in row["cells"]]
                    lines.append(" | ".join(cells))
            elif kind == "FactSet":
                lines.extend(f"{f.get('title', '')}: {f.get('value', '')}" for f in element.get("facts", []))
            elif kind == "Container":
                walk(element.get("items", []))

    walk(card.get("body", []))
    for action in card.get("actions", []):
        lines.append(f"[{action.get('title', '')}]")
    return "\n".join(lines)


# Every reply stays under this size, measured as its serialized activity with every non-ASCII character
# escaped (\uXXXX, the largest any encoding of it can be). Teams refuses messages over about 100 KB and
# recommends 80 KB; the budget leaves more than half of that for what the channel adds (ids, channelData,
# the conversation envelope), so no re-encoding and no envelope can push a reply past the limit. It also
# keeps the compressed outbox of several replies inside one 32,000-character storage property.
MAX_ACTIVITY_BYTES = 32_000
SUMMARY_NOTE = "… e mais {more} linhas. Para uma lista menor, pergunte por um contrato, uma pessoa ou um período."
TOO_BIG = (
    "A resposta ficou grande demais para esta conversa. Para uma lista menor, pergunte por um contrato, uma "
    "pessoa ou um período."
)


def activity_size(activity: Activity) -> int:
    """The serialized activity's size in bytes, non-ASCII characters counted as their JSON escapes."""
    return len(json.dumps(activity.serialize(), ensure_ascii=True, separators=(",", ":")))


def _summarised(text: str, limit: int) -> str:
    """The first lines of `text` that fit `limit` escaped characters, then how many lines were left out."""
    if len(json.dumps(text, ensure_ascii=True)) <= limit:
        return text
    lines = text.split("\n")
    kept: list[str] = []
    used = 0
    for line in lines:
        size = len(json.dumps(line, ensure_ascii=True))
        if kept and used + size > limit:
            break
        kept.append(line if size <= limit else line[: limit // 6])
        used += size
    return "\n".join([*kept, SUMMARY_NOTE.format(more=len(lines) - len(kept))])


def within_budget(activity: Activity, budget: int = MAX_ACTIVITY_BYTES) -> Activity:
    """The activity under `budget` bytes: its text and the cards' fallback texts summarised (a table card
    already shows one page), and as a last resort the cards left out in favour of the summary."""
    if activity_size(activity) <= budget:
        return activity
    cards = [a for a in activity.attachments or [] if isinstance(a.content, dict)]
    text = activity.text or ""
    fallbacks = [str(card.content.get("fallbackText", "")) for card in cards]
    limit = budget // 2
    while activity_size(activity) > budget and limit >= 256:
        activity.text = _summarised(text, limit)
        for card, fallback in zip(cards, fallbacks, strict=True):
            card.content["fallbackText"] = _summarised(fallback, limit // 2)
        limit //= 2
    if activity_size(activity) > budget:
        activity.attachments = [a for a in activity.attachments or [] if a not in cards]
        activity.text = _summarised(fallbacks[0] if fallbacks and not text.strip() else text, budget // 4)
    return activity
