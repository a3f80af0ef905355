"""Named, expiring claims shared by every worker process on one database.

A lease is one row: who holds it and until when. Taking it is a single conditional UPDATE
(free, expired, or already ours), so it is atomic on SQLite and PostgreSQL alike, and a holder
that dies simply lets it expire. The worker uses leases for:

- ``poll:<page id>``: one process polls a page at a time, and not again before half its
  interval has passed (so two workers' schedules do not poll a page twice per interval);
- ``job:<name>:<date>``: a daily job runs once a day, whichever worker gets there first;
- ``telegram-bot``: Telegram allows one consumer of a bot's updates, so one process owns the
  bot (and sends the outbox) while it renews the lease; another takes over when it lapses.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import and_, or_, update

from page_governor.clock import Clock
from page_governor.db import Database, insert_new
from page_governor.db import schema as t

if TYPE_CHECKING:
    from page_governor.app import App

log = logging.getLogger(__name__)

BOT_LEASE = "telegram-bot"


def new_owner() -> str:
    """An identity for this process: host, pid and a random part (pids are reused)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


def claim(db: Database, name: str, owner: str, *, now: datetime, ttl: timedelta) -> bool:
    """Take or renew the lease ``name`` until ``now + ttl``. True when ``owner`` holds it."""
    leases = t.leases
    with db.begin() as conn:
        insert_new(conn, leases, {"name": name, "owner": "", "until": now, "updated_at": now})
        taken = conn.execute(
            update(leases)
            .where(
                leases.c.name == name,
                or_(leases.c.owner == owner, leases.c.until <= now),
            )
            .values(owner=owner, until=now + ttl, updated_at=now)
        )
        return bool(taken.rowcount)


def release(db: Database, name: str, owner: str, *, until: datetime) -> None:
    """Let the lease go at ``until`` (now, or later to keep others off for a while)."""
    leases = t.leases
    with db.begin() as conn:
        conn.execute(
            update(leases)
            .where(and_(leases.c.name == name, leases.c.owner == owner))
            .values(until=until, updated_at=until)
        )


class Held:
    """Hold a lease for the length of a ``with`` block, renewing it from a thread every third
    of its time, so a long poll keeps it while a dead process's claim lapses in ``ttl``.

    ``acquired`` says whether the lease was taken; the block should do nothing when it was not.
    On leaving, the lease is kept off others until ``keep_for`` from then (default: released).
    """

    def __init__(
        self,
        db: Database,
        name: str,
        owner: str,
        *,
        clock: Clock,
        ttl: timedelta,
        keep_for: timedelta = timedelta(0),
    ) -> None:
        self.db, self.name, self.owner, self.clock = db, name, owner, clock
        self.ttl, self.keep_for = ttl, keep_for
        self.acquired = False
        self._done = threading.Event()
        self._renewer: threading.Thread | None = None

    def __enter__(self) -> Held:
        self.acquired = claim(self.db, self.name, self.owner, now=self.clock.now(), ttl=self.ttl)
        if self.acquired:
            self._renewer = threading.Thread(
                target=self._renew, name=f"lease:{self.name}", daemon=True
            )
            self._renewer.start()
        return self

    def _renew(self) -> None:
        while not self._done.wait(self.ttl.total_seconds() / 3):
            try:
                claim(self.db, self.name, self.owner, now=self.clock.now(), ttl=self.ttl)
            except Exception:  # a database hiccup: the next renewal tries again
                log.warning("could not renew lease %s", self.name, exc_info=True)

    def __exit__(self, *_exc: object) -> None:
        self._done.set()
        if self._renewer is not None:
            self._renewer.join()
        if self.acquired:
            release(self.db, self.name, self.owner, until=self.clock.now() + self.keep_for)


def once_a_day(app: App, name: str, owner: str | None) -> bool:
    """True for the first worker to run job ``name`` today (UTC); always true without one."""
    if owner is None:
        return True
    today = app.clock.now().date().isoformat()
    return claim(app.db, f"job:{name}:{today}", owner, now=app.clock.now(), ttl=timedelta(hours=23))
