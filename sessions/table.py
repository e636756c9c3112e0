"""A table in Azure Table Storage with the plumbing every store here shares: one client per process, the
table created on first use (and again if it disappears), bounded retries and a deadline per operation,
and storage failures translated into one error the caller can act on."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, Self, TypeVar

from azure.core.exceptions import (
    AzureError,
    HttpResponseError,
    ResourceExistsError,
    ResourceModifiedError,
    ResourceNotFoundError,
)
from azure.data.tables import TableErrorCode
from azure.data.tables.aio import TableClient

T = TypeVar("T")
log = logging.getLogger(__name__)

# Bounded SDK retries plus an overall deadline per operation: a storage outage must surface as
# SessionStoreUnavailable in seconds, so the bot can say so instead of leaving the user waiting.
CLIENT_OPTIONS: dict[str, Any] = {
    "retry_total": 2,
    "retry_backoff_factor": 0.2,
    "retry_backoff_max": 1.0,
    "connection_timeout": 3,
    "read_timeout": 5,
}
DEFAULT_OPERATION_TIMEOUT = 6.0


class SessionStoreError(Exception):
    """Base of the errors the stores raise."""


class SessionStoreUnavailable(SessionStoreError):
    """Storage did not answer, or answered with a server error, within the operation's deadline."""


def table_missing(err: ResourceNotFoundError) -> bool:
    """Whether a 404 means the table itself is gone (not just the entity)."""
    # create_entity's error carries the code only in its message.
    return getattr(err, "error_code", None) == TableErrorCode.TABLE_NOT_FOUND or "TableNotFound" in str(err)


class TableStore:
    """Base of the stores: the plumbing above, over one table."""

    def __init__(
        self, *, client_factory: Callable[[], TableClient], operation_timeout: float = DEFAULT_OPERATION_TIMEOUT
    ) -> None:
        self._client_factory = client_factory
        self._client: TableClient | None = None
        self._table_ready = False
        self._ready_lock: asyncio.Lock | None = None
        self._operation_timeout = operation_timeout

    @classmethod
    def from_connection_string(cls, connection_string: str, table: str, **kwargs: Any) -> Self:
        def factory() -> TableClient:
            return TableClient.from_connection_string(connection_string, table, **CLIENT_OPTIONS)

        return cls(client_factory=factory, **kwargs)

    @classmethod
    def from_endpoint(cls, endpoint: str, table: str, credential: Any, **kwargs: Any) -> Self:
        def factory() -> TableClient:
            return TableClient(endpoint, table, credential=credential, **CLIENT_OPTIONS)

        return cls(client_factory=factory, **kwargs)

    @contextlib.asynccontextmanager
    async def _guard(self, operation: str, timeout: float | None = None) -> AsyncIterator[None]:
        """Translate transport failures, server errors and the deadline into SessionStoreUnavailable."""
        timeout = timeout or self._operation_timeout
        try:
            async with asyncio.timeout(timeout):
                yield
        except TimeoutError as err:
            raise SessionStoreUnavailable(f"{operation}: no answer within {timeout}s") from err
        except (ResourceNotFoundError, ResourceExistsError, ResourceModifiedError):
            raise
        except HttpResponseError as err:
            raise SessionStoreUnavailable(f"{operation}: storage answered {err.status_code}") from err
        except AzureError as err:
            raise SessionStoreUnavailable(f"{operation}: {type(err).__name__}") from err

    async def _table(self) -> TableClient:
        """The table client, creating the table once per process."""
        if self._table_ready and self._client is not None:
            return self._client
        if self._ready_lock is None:
            self._ready_lock = asyncio.Lock()
        async with self._ready_lock:
            if self._client is None:
                self._client = self._client_factory()
            if not self._table_ready:
                async with self._guard("create table"):
                    with contextlib.suppress(ResourceExistsError):
                        await self._client.create_table()
                self._table_ready = True
        return self._client

    async def _run(
        self, operation: str, call: Callable[[TableClient], Awaitable[T]], timeout: float | None = None
    ) -> T:
        """Run `call` against the table, creating the table again (once) if it has disappeared.

        Storage restarted empty or a table dropped by an operator must not leave the bot believing
        every read is "absent" and every write a conflict until it restarts.
        """
        for attempt in range(2):
            table = await self._table()
            try:
                async with self._guard(operation, timeout):
                    return await call(table)
            except ResourceNotFoundError as err:
                if attempt or not table_missing(err):
                    raise
                log.warning("table is gone; creating it again (%s)", operation)
                self._table_ready = False
        raise AssertionError("unreachable")

    async def close(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None
            self._table_ready = False
