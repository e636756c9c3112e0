"""The HTTP surfaces: /api/messages, /sessions and /review, turning Functions requests into bot calls and back."""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import azure.functions as func

from apontamentos.review import ReviewUnavailable
from sessions import InvalidContinuation, SessionStoreUnavailable

from .activity import InvalidActivity, clean, decode_body, parse_activity
from .adapter import SigningKeysUnavailable, Unauthorized
from .handler import ReplyNotDelivered

if TYPE_CHECKING:
    from .app import App

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024
MAX_LIMIT = 1000
_LIMIT = re.compile(r"[0-9]{1,4}")  # ASCII digits only: str.isdigit accepts "²" and "①", int() does not


def _json(status: int, body: Any) -> func.HttpResponse:
    """A JSON response that always encodes: models serialised, lone surrogates replaced."""
    if hasattr(body, "serialize"):
        body = body.serialize()
    return func.HttpResponse(
        json.dumps(clean(body), ensure_ascii=False), status_code=status, mimetype="application/json", charset="utf-8"
    )


def _error(status: int, message: str) -> func.HttpResponse:
    return _json(status, {"error": message})


async def messages(req: func.HttpRequest, app: App) -> func.HttpResponse:
    """POST /api/messages: a Bot Framework activity in, 200/201/202 or the invoke/expectReplies body out."""
    body = req.get_body() or b""
    if len(body) > MAX_BODY_BYTES:
        return _error(413, f"body larger than {MAX_BODY_BYTES // 1024} KB")
    content_type = (req.headers.get("content-type") or "").split(";")[0].strip().lower()
    if content_type != "application/json":
        return _error(415, "content type must be application/json")
    try:
        activity = parse_activity(decode_body(body), bot_id=app.settings.app_id or "bot")
    except (ValueError, UnicodeDecodeError) as err:  # InvalidActivity is a ValueError too
        return _error(400, str(err) if isinstance(err, InvalidActivity) else "the body is not valid JSON")
    if not app.settings.app_id and not app.settings.anonymous:
        log.warning("refusing message: MicrosoftAppId is empty and BOT_ALLOW_ANONYMOUS is not true")
        return _error(401, "unauthorized")
    auth_header = None if app.settings.anonymous else req.headers.get("authorization", "")
    try:
        response = await app.adapter.process(auth_header, activity, app.bot.on_turn)
    except Unauthorized as err:
        log.warning("refusing message: authentication failed (%s)", err)
        return _error(401, "unauthorized")
    except SigningKeysUnavailable:
        return _error(503, "token signing keys temporarily unavailable")
    except SessionStoreUnavailable:
        return _error(503, "session storage temporarily unavailable")
    except ReplyNotDelivered:
        return _error(503, "the reply could not be delivered; send the activity again")
    except Exception:
        log.exception("turn failed for activity %s", (activity.id or "-")[:64])
        return _error(500, "internal error")
    if response is None:
        return func.HttpResponse(status_code=200)
    return _json(int(response.status), response.body)


async def sessions(req: func.HttpRequest, app: App) -> func.HttpResponse:
    """GET /sessions: the active sessions, paged, without any message text."""
    raw_limit = req.params.get("limit", "100")
    if not _LIMIT.fullmatch(raw_limit) or not 1 <= int(raw_limit) <= MAX_LIMIT:
        return _error(400, f"limit must be a whole number from 1 to {MAX_LIMIT}")
    continuation = req.params.get("continuation") or None
    if continuation is not None and len(continuation) > 4096:
        return _error(400, "continuation token is not valid")
    now = datetime.now(UTC)
    try:
        page = await app.store.list(limit=int(raw_limit), continuation=continuation, now=now)
        total = await app.store.count(now=now)
    except InvalidContinuation:
        return _error(400, "continuation token is not valid")
    except SessionStoreUnavailable:
        return _error(503, "session storage temporarily unavailable")
    listed = [
        {
            "conversation_id": s.conversation_id,
            "channel_id": s.channel_id,
            "user_name": s.user_name,
            "messages_total": s.message_count,
            "messages_kept": s.messages_kept,
            "created_at": s.created_at.isoformat(),
            "last_activity": s.last_activity.isoformat(),
            "idle_minutes": round((now - s.last_activity).total_seconds() / 60, 1),
        }
        for s in page.sessions
    ]
    return _json(
        200,
        {
            "total_sessions": total,
            "order": "last_activity, newest first",
            "timeout_minutes": app.store.timeout.total_seconds() / 60,
            "max_messages": app.store.max_messages,
            "sessions": listed,
            "continuation": page.continuation,
        },
    )


MAX_REVIEW_WEEKS = 26
_WEEKS = re.compile(r"[0-9]{1,2}")


async def review(req: func.HttpRequest, app: App, today: date | None = None) -> func.HttpResponse:
    """GET /review: per ISO week, the words and shapes of the questions not understood (no text, no names)."""
    raw_weeks = req.params.get("weeks", "4")
    if not _WEEKS.fullmatch(raw_weeks) or not 1 <= int(raw_weeks) <= MAX_REVIEW_WEEKS:
        return _error(400, f"weeks must be a whole number from 1 to {MAX_REVIEW_WEEKS}")
    raw_top = req.params.get("top", "20")
    if not _LIMIT.fullmatch(raw_top) or not 1 <= int(raw_top) <= MAX_LIMIT:
        return _error(400, f"top must be a whole number from 1 to {MAX_LIMIT}")
    day = today or app.today()
    try:
        reports = await app.review.weeks(day, count=int(raw_weeks), top=int(raw_top))
    except ReviewUnavailable:
        return _error(503, "review storage temporarily unavailable")
    return _json(200, {"weeks": [r.to_json() for r in reports]})


async def sweep(app: App) -> None:
    result = await app.store.sweep()
    log.info("sweep scanned=%d deleted=%d kept=%d", result.scanned, result.deleted, result.kept)


async def send_alerts(app: App) -> None:
    await app.alerts.run()
