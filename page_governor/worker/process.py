"""The long-running worker (Procfile ``worker``).

One process holds:

- an APScheduler ``BackgroundScheduler`` that times the plain functions of :mod:`jobs` in its
  threads: a poll per active page (its own interval), and the daily compliance check, retention
  sweep, token health check and digest. The set of poll jobs follows the registry (a page that
  is approved or retired while the worker runs is picked up within a minute);
- on the asyncio loop, python-telegram-bot's ``Application`` for commands and button presses,
  fed by our own ``getUpdates`` loop, which stores every update (``telegram_updates``) before
  the next call acknowledges it, and the outbox :class:`~page_governor.alerts.sender.Sender`.

Any number of workers may share one database. Each poll and daily job is claimed through a
lease (:mod:`page_governor.db.leases`), and only the worker holding the ``telegram-bot`` lease runs
the bot and the sender (Telegram allows one reader of a bot's updates); another takes over
within ``lease_seconds`` when it dies. SIGTERM stops everything within 10 seconds: the bot's
long poll is cancelled and running jobs get what is left of the time. A poll cut short loses
nothing, because each poll writes in one transaction.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler
from telegram import Update
from telegram import error as tg_error
from telegram.ext import Application, ApplicationBuilder

from page_governor.alerts.bot import BotHandlers
from page_governor.alerts.sender import Sender
from page_governor.app import App
from page_governor.capture import polling
from page_governor.capture.telegram_inbox import next_offset, store_updates
from page_governor.compliance.service import latest_results
from page_governor.db import leases
from page_governor.governance import pages
from page_governor.governance.registry import all_pages
from page_governor.governance.roles import RoleBook
from page_governor.models import PageState
from page_governor.platforms.telegram import ALLOWED_UPDATES, bot_urls
from page_governor.worker import jobs

log = logging.getLogger(__name__)

SHUTDOWN_SECONDS = 8.0  # hosting platforms kill 10 s after SIGTERM
REFRESH_SECONDS = 60
MEDIA_SECONDS = 60  # media downloads due (signed CDN links expire within days)
X_TOKEN_SECONDS = 600  # X OAuth 2.0 user tokens due for refresh (they live two hours)


class Worker:
    """The scheduler, and the bot while this process holds the bot lease."""

    def __init__(
        self, app: App, *, roles: RoleBook | None = None, owner: str | None = None
    ) -> None:
        self.app = app
        self.roles = roles or RoleBook.from_config_dir(app.settings.config_dir)
        self.owner = owner or leases.new_owner()
        self.lease = timedelta(seconds=app.settings.lease_seconds)
        self.scheduler = BackgroundScheduler(
            timezone="UTC",
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
        )
        self.loop: asyncio.AbstractEventLoop | None = None
        self.wake: asyncio.Event | None = None
        self.bot_running = False

    # -- scheduling ----------------------------------------------------------------------

    def schedule(self) -> None:
        s, owner = self.app.settings, self.owner
        hour, minute = (int(x) for x in s.compliance_time.split(":"))
        self.scheduler.add_job(
            jobs.compliance_job,
            "cron",
            hour=hour,
            minute=minute,
            args=(self.app,),
            kwargs={"owner": owner},
            id="compliance",
        )
        hour, minute = (int(x) for x in s.digest_time.split(":"))
        self.scheduler.add_job(
            self._then_wake(jobs.digest_job),
            "cron",
            hour=hour,
            minute=minute,
            id="digest",
        )
        self.scheduler.add_job(
            jobs.retention_job,
            "cron",
            hour=3,
            args=(self.app,),
            kwargs={"owner": owner},
            id="retention",
        )
        self.scheduler.add_job(
            jobs.media_job,
            "interval",
            seconds=MEDIA_SECONDS,
            args=(self.app,),
            kwargs={"owner": owner},
            id="media",
        )
        self.scheduler.add_job(
            jobs.signing_job,
            "cron",
            hour=0,
            minute=10,
            args=(self.app,),
            kwargs={"owner": owner},
            id="sign_heads",
        )
        self.scheduler.add_job(
            self._then_wake(jobs.token_health_job), "cron", hour=5, id="token_health"
        )
        self.scheduler.add_job(
            self._then_wake(jobs.x_token_job),
            "interval",
            seconds=X_TOKEN_SECONDS,
            id="x_tokens",
            next_run_time=datetime.now(UTC),  # at start-up too: a token may be due already
        )
        self.scheduler.add_job(
            self._then_wake(pages.unregistered_job), "cron", hour=5, minute=15, id="unregistered"
        )
        self.scheduler.add_job(
            self._then_wake(pages.recertification_job), "cron", hour=8, id="recertification"
        )
        self.scheduler.add_job(
            self.refresh_poll_jobs, "interval", seconds=REFRESH_SECONDS, id="refresh"
        )
        self.refresh_poll_jobs()

    def _then_wake(self, job: Any) -> Any:
        """``job`` run with the app (and this worker as owner, for daily jobs), then the sender
        woken for whatever it queued."""

        def run(*args: Any) -> Any:
            try:
                if args:
                    return job(self.app, *args)
                return job(self.app, owner=self.owner)
            finally:
                self.wake_sender()

        run.__name__ = job.__name__
        return run

    def refresh_poll_jobs(self) -> None:
        """One poll job per active live page, at its interval; others removed."""
        with self.app.db.connect() as conn:
            pages = [
                p for p in all_pages(conn, states=(PageState.ACTIVE,)) if p["source"] == "live"
            ]
        with self.app.db.connect() as conn:
            checked = set(latest_results(conn))
        for page in pages:  # a page never checked is checked now, not at the next daily run
            if page["id"] not in checked and self.scheduler.get_job(f"check:{page['key']}") is None:
                self.scheduler.add_job(
                    self._then_wake(jobs.check_page_job),
                    args=(page["key"],),
                    id=f"check:{page['key']}",
                    next_run_time=datetime.now(UTC),
                )
        wanted = {f"poll:{p['key']}": p for p in pages}
        for job in self.scheduler.get_jobs():
            if job.id.startswith("poll:") and job.id not in wanted:
                job.remove()
                log.info("stopped polling %s", job.id[5:])
        for job_id, page in wanted.items():
            interval = int(page["poll_interval_seconds"])
            existing = self.scheduler.get_job(job_id)
            if existing is not None and existing.trigger.interval.total_seconds() == interval:
                continue
            self.scheduler.add_job(
                self.poll,
                "interval",
                seconds=interval,
                args=(page["key"],),
                id=job_id,
                replace_existing=True,
                jitter=min(5, interval // 10),
                next_run_time=datetime.now(UTC),
            )
            log.info("polling %s every %d s", page["key"], interval)

    def poll(self, page_key: str) -> polling.PollOutcome:
        outcome = polling.poll_job(self.app, page_key, owner=self.owner, receive_telegram=False)
        if outcome.stats is not None and (outcome.stats.flags or outcome.stats.alerts):
            self.wake_sender()
        return outcome

    def wake_sender(self) -> None:
        if self.loop is not None and self.wake is not None:
            with contextlib.suppress(RuntimeError):  # the loop has closed
                self.loop.call_soon_threadsafe(self.wake.set)

    # -- running -------------------------------------------------------------------------

    async def main(self, stop: asyncio.Event | None = None) -> bool:
        """Run until ``stop`` is set (SIGTERM, SIGINT). True when everything ended in time."""
        self.loop = asyncio.get_running_loop()
        self.wake = asyncio.Event()
        stop = stop or asyncio.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                self.loop.add_signal_handler(signum, stop.set)
        self.schedule()
        self.scheduler.start()
        log.info("worker %s started: %d jobs", self.owner, len(self.scheduler.get_jobs()))
        supervisor = asyncio.create_task(self._bot_supervisor(stop))
        await stop.wait()
        started = time.monotonic()
        log.info("stopping")
        await supervisor
        remaining = max(0.5, SHUTDOWN_SECONDS - (time.monotonic() - started))
        stopping = asyncio.create_task(asyncio.to_thread(self.scheduler.shutdown, True))
        done, _ = await asyncio.wait({stopping}, timeout=remaining)
        if not done:
            log.warning(
                "jobs still running after %.0f s; leaving them (nothing is lost)", remaining
            )
        return bool(done)

    async def _bot_supervisor(self, stop: asyncio.Event) -> None:
        """Hold the bot lease and run the bot while held; hand it over when stopping."""
        bot_stop: asyncio.Event | None = None
        bot_task: asyncio.Task[None] | None = None
        while not stop.is_set():
            try:
                held = await asyncio.to_thread(
                    leases.claim,
                    self.app.db,
                    leases.BOT_LEASE,
                    self.owner,
                    now=self.app.clock.now(),
                    ttl=self.lease,
                )
            except Exception:
                log.exception("could not renew the bot lease")
                held = False
            if held and bot_task is None:
                bot_stop = asyncio.Event()
                bot_task = asyncio.create_task(self._run_bot(bot_stop))
            elif not held and bot_task is not None and bot_stop is not None:
                log.warning("lost the bot lease to another worker; stopping the bot here")
                bot_stop.set()
                await bot_task
                bot_task = None
            if bot_task is not None and bot_task.done():
                bot_task = None  # it failed to start; try again on the next round
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.lease.total_seconds() / 3)
        if bot_task is not None and bot_stop is not None:
            bot_stop.set()
            await bot_task
            await asyncio.to_thread(
                leases.release,
                self.app.db,
                leases.BOT_LEASE,
                self.owner,
                until=self.app.clock.now(),
            )

    def build_application(self) -> Application:
        s = self.app.settings
        assert s.telegram_bot_token is not None
        base, file_base = bot_urls(s.telegram_api_url)
        timeout = s.http_timeout_seconds
        return (
            ApplicationBuilder()
            .token(s.telegram_bot_token)
            .base_url(base)
            .base_file_url(file_base)
            .connect_timeout(timeout)
            .read_timeout(timeout)
            .write_timeout(timeout)
            .get_updates_connect_timeout(timeout)
            .get_updates_read_timeout(timeout)
            .updater(None)
            .build()
        )

    async def _run_bot(self, bot_stop: asyncio.Event) -> None:
        assert self.wake is not None
        application = self.build_application()
        handlers = BotHandlers(
            self.app,
            self.roles,
            wake_sender=self.wake_sender,
            on_registry_change=self.refresh_poll_jobs,
        )
        sender = Sender(self.app, application.bot, self.owner)
        handlers.register(application)
        try:
            await application.initialize()
        except tg_error.TelegramError as exc:
            log.error("the Telegram bot could not start: %s; trying again shortly", exc)
            return
        self.bot_running = True
        try:
            await application.start()
            sending = asyncio.create_task(sender.run(bot_stop, self.wake))
            reading = asyncio.create_task(self._read_updates(application, bot_stop))
            await bot_stop.wait()
            reading.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reading
            await sending
        finally:
            self.bot_running = False
            with contextlib.suppress(Exception):
                await application.stop()
            with contextlib.suppress(Exception):
                await application.shutdown()

    async def _read_updates(self, application: Application, bot_stop: asyncio.Event) -> None:
        """getUpdates → store → handle, forever. An update is acknowledged (by asking for the
        next offset) only once it is stored, so a crash loses none."""
        timeout = self.app.settings.telegram_poll_timeout_seconds
        failures = 0
        offset = await asyncio.to_thread(next_offset, self.app.db)
        while not bot_stop.is_set():
            try:
                updates = await application.bot.get_updates(
                    offset=offset, timeout=timeout, allowed_updates=list(ALLOWED_UPDATES)
                )
                failures = 0
            except tg_error.RetryAfter as exc:
                retry = exc.retry_after
                await asyncio.sleep(
                    retry.total_seconds() if isinstance(retry, timedelta) else float(retry)
                )
                continue
            except tg_error.TelegramError as exc:
                failures += 1
                wait = min(60.0, 2.0**failures)
                log.warning("getUpdates failed (%s); again in %.0f s", exc, wait)
                await asyncio.sleep(wait)
                continue
            if not updates:
                continue
            raw = [u.to_dict() for u in updates]
            await asyncio.to_thread(store_updates, self.app.db, raw, now=self.app.clock.now())
            offset = max(u.update_id for u in updates) + 1
            for update in updates:
                await self._handle(application, update)

    async def _handle(self, application: Application, update: Update) -> None:
        try:
            await application.process_update(update)
        except Exception:  # one bad update must not stop the bot
            log.exception("update %s could not be handled", update.update_id)


def run_worker(app: App) -> bool:
    """Run the worker until SIGTERM or SIGINT. True when it stopped cleanly in time."""
    return asyncio.run(Worker(app).main())
