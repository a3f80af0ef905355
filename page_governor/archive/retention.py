"""Retention schedules, legal holds and disposition.

* A **schedule** (``config/retention.yaml``) gives each record class (posts, comments, profiles)
  its period and the authority (the schedule item) it comes from.
* The **sweep** lists items past retention and proposes a disposition list per class. Nothing is
  disposed of until a records clerk other than the proposer **approves** the list.
* A **legal hold** is a saved archive search (page, dates, author, words …). Everything it matches
  is frozen: it is never proposed, and a list that contains a held item cannot be approved.
* **Disposition** replaces a version's text and raw payload by a stub and keeps every hash, so
  the archive chain still verifies; the list of disposed record hashes is kept with the
  disposition and its approval is in the (chained) audit log. It is the one change the database
  triggers allow on archived versions. The media those versions showed go with them: their
  references are marked disposed, and a file's bytes are emptied (its SHA-256 kept) once no
  undisposed reference to it is left, so a photo another live item still shows stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from page_governor.archive import audit
from page_governor.archive.search import Filters, matching_items
from page_governor.config import load_yaml_file
from page_governor.db import chunked
from page_governor.db import schema as t
from page_governor.errors import ConfigError, InvalidTransition, UnknownObject, WorkflowError
from page_governor.hashing import canonical_json, sha256_hex
from page_governor.models import same_person

CLASS_KINDS = {"posts": ("post",), "comments": ("comment", "reply"), "profiles": ("profile",)}
DISPOSED_TEXT = "[disposed under retention schedule]"


@dataclass(frozen=True, slots=True)
class RecordClass:
    name: str
    authority: str
    period: timedelta

    @property
    def period_days(self) -> int:
        return self.period.days


def load_schedule(config_dir: Path) -> dict[str, RecordClass]:
    """Raises ConfigError listing every problem in ``retention.yaml``."""
    path = config_dir / "retention.yaml"
    data = load_yaml_file(path) or {}
    classes = data.get("classes") if isinstance(data, dict) else None
    if not isinstance(classes, dict):
        raise ConfigError(f"{path}: needs a 'classes' mapping")
    problems, schedule = [], {}
    for name, spec in classes.items():
        if name not in CLASS_KINDS:
            problems.append(f"{path}: unknown record class {name!r}; known: {sorted(CLASS_KINDS)}")
            continue
        if not isinstance(spec, dict) or not str(spec.get("authority") or "").strip():
            problems.append(f"{path}: {name}: needs an authority")
            continue
        days = int(spec.get("days") or 0) + 365 * int(spec.get("years") or 0)
        if days < 1:
            problems.append(f"{path}: {name}: needs a period (years: or days:)")
            continue
        schedule[name] = RecordClass(name, str(spec["authority"]), timedelta(days=days))
    if problems:
        raise ConfigError(problems)
    return schedule


# -- holds ------------------------------------------------------------------------------------


def add_hold(
    conn: Connection, *, name: str, reason: str, filters: Filters, by: str, now: datetime
) -> int:
    if filters.empty:
        raise WorkflowError(
            "a legal hold needs at least one filter (page, dates, author, words …)",
            hint="a hold on everything would be `--since 1970-01-01`",
        )
    if not reason.strip():
        raise WorkflowError("a legal hold needs a reason (the matter it preserves records for)")
    hold_id = int(
        conn.execute(
            insert(t.legal_holds).values(
                name=name, reason=reason, criteria=filters.as_json(), created_by=by, created_at=now
            )
        ).inserted_primary_key[0]
    )
    audit.record(
        conn,
        at=now,
        actor=by,
        action="hold.place",
        subject_type="legal_hold",
        subject_id=hold_id,
        details={"name": name, "reason": reason, "criteria": filters.as_json()},
    )
    return hold_id


def release_hold(conn: Connection, hold_id: int, *, by: str, reason: str, now: datetime) -> None:
    hold = _hold(conn, hold_id)
    if hold["released_at"] is not None:
        raise InvalidTransition(f"legal hold {hold_id} was already released")
    conn.execute(
        update(t.legal_holds)
        .where(t.legal_holds.c.id == hold_id)
        .values(released_by=by, released_at=now)
    )
    audit.record(
        conn,
        at=now,
        actor=by,
        action="hold.release",
        subject_type="legal_hold",
        subject_id=hold_id,
        details={"name": hold["name"], "reason": reason},
    )


def _hold(conn: Connection, hold_id: int) -> dict[str, Any]:
    row = (
        conn.execute(select(t.legal_holds).where(t.legal_holds.c.id == hold_id)).mappings().first()
    )
    if row is None:
        raise UnknownObject(f"no legal hold {hold_id}", hint="see `archive hold list`")
    return dict(row)


def holds(conn: Connection, *, active_only: bool = False) -> list[dict[str, Any]]:
    query = select(t.legal_holds).order_by(t.legal_holds.c.id)
    if active_only:
        query = query.where(t.legal_holds.c.released_at.is_(None))
    return [dict(r) for r in conn.execute(query).mappings()]


def held_items(conn: Connection, item_ids: list[int] | None = None) -> set[int]:
    """Items matched by an active hold (restricted to ``item_ids`` when given)."""
    held: set[int] = set()
    for hold in holds(conn, active_only=True):
        query = matching_items(conn, Filters.from_json(hold["criteria"]))
        if item_ids is not None:
            for chunk in chunked(item_ids):
                held.update(conn.execute(query.where(t.archive_items.c.id.in_(chunk))).scalars())
        else:
            held.update(conn.execute(query).scalars())
    return held


# -- sweep and disposition --------------------------------------------------------------------


def due(conn: Connection, record_class: RecordClass, now: datetime) -> tuple[list[int], int]:
    """Items of a class past retention and not yet disposed: (not held, number held back)."""
    items = t.archive_items
    cutoff = now - record_class.period
    created = func.coalesce(items.c.created_at, items.c.first_captured_at)
    not_disposed = (
        select(t.archive_versions.c.item_id)
        .where(t.archive_versions.c.disposed_at.is_(None))
        .distinct()
    )
    candidates = list(
        conn.execute(
            select(items.c.id)
            .where(
                items.c.kind.in_(CLASS_KINDS[record_class.name]),
                created < cutoff,
                items.c.id.in_(not_disposed),
            )
            .order_by(items.c.id)
        ).scalars()
    )
    held = held_items(conn, candidates) if candidates else set()
    return [i for i in candidates if i not in held], len(held)


def propose(conn: Connection, record_class: RecordClass, *, by: str, now: datetime) -> int | None:
    """Propose the items due in a class for disposition. None when nothing is due."""
    item_ids, held_back = due(conn, record_class, now)
    if not item_ids:
        return None
    hashes = _record_hashes(conn, item_ids)
    disposition_id = int(
        conn.execute(
            insert(t.dispositions).values(
                record_class=record_class.name,
                authority=record_class.authority,
                period_days=record_class.period_days,
                cutoff=now - record_class.period,
                status="proposed",
                item_ids=item_ids,
                record_hashes=hashes,
                proposed_by=by,
                proposed_at=now,
            )
        ).inserted_primary_key[0]
    )
    audit.record(
        conn,
        at=now,
        actor=by,
        action="retention.propose",
        subject_type="disposition",
        subject_id=disposition_id,
        details={
            "record_class": record_class.name,
            "authority": record_class.authority,
            "items": len(item_ids),
            "versions": len(hashes),
            "held_back": held_back,
            "record_hashes_sha256": sha256_hex(canonical_json(hashes)),
        },
    )
    return disposition_id


def _record_hashes(conn: Connection, item_ids: list[int]) -> list[str]:
    hashes: list[str] = []
    for chunk in chunked(item_ids):
        hashes.extend(
            conn.execute(
                select(t.archive_versions.c.record_hash)
                .where(
                    t.archive_versions.c.item_id.in_(chunk),
                    t.archive_versions.c.disposed_at.is_(None),
                )
                .order_by(t.archive_versions.c.id)
            ).scalars()
        )
    return hashes


def disposition(conn: Connection, disposition_id: int) -> dict[str, Any]:
    row = (
        conn.execute(select(t.dispositions).where(t.dispositions.c.id == disposition_id))
        .mappings()
        .first()
    )
    if row is None:
        raise UnknownObject(
            f"no disposition list {disposition_id}", hint="see `archive retention list`"
        )
    return dict(row)


def dispositions(conn: Connection) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in conn.execute(select(t.dispositions).order_by(t.dispositions.c.id)).mappings()
    ]


def approve(conn: Connection, disposition_id: int, *, by: str, now: datetime) -> int:
    """Approve a proposed list and dispose of its versions. Returns the versions disposed.

    Raises:
        InvalidTransition: the list is not proposed any more.
        WorkflowError: the approver proposed it, or an item is now under legal hold.
    """
    record = disposition(conn, disposition_id)
    if record["status"] != "proposed":
        raise InvalidTransition(f"disposition list {disposition_id} is {record['status']}")
    if same_person(record["proposed_by"], by):
        raise WorkflowError(
            f"{by} proposed list {disposition_id}; another records clerk must approve it"
        )
    item_ids = [int(i) for i in record["item_ids"]]
    held = held_items(conn, item_ids)
    if held:
        raise WorkflowError(
            f"refused: {len(held)} item(s) of list {disposition_id} are under legal hold "
            f"(e.g. item {min(held)}); nothing was disposed of",
            hint="reject this list and run the sweep again: held items are left out",
        )
    expected = set(record["record_hashes"])
    conn.execute(
        update(t.dispositions)
        .where(t.dispositions.c.id == disposition_id)
        .values(status="approved", decided_by=by, decided_at=now)
    )
    stub = disposal_stub(disposition_id)
    versions = t.archive_versions
    disposed = 0
    disposed_ids: list[int] = []
    for chunk in chunked(item_ids):
        rows = conn.execute(
            select(versions.c.id, versions.c.record_hash).where(
                versions.c.item_id.in_(chunk), versions.c.disposed_at.is_(None)
            )
        ).all()
        for version_id, record_hash in rows:
            if record_hash not in expected:  # captured after the list was proposed: keep it
                continue
            conn.execute(
                update(versions)
                .where(versions.c.id == version_id)
                .values(
                    text=DISPOSED_TEXT, raw=stub, disposition_id=disposition_id, disposed_at=now
                )
            )
            disposed += 1
            disposed_ids.append(version_id)
    references, files = dispose_media(conn, disposed_ids, disposition_id, now=now)
    audit.record(
        conn,
        at=now,
        actor=by,
        action="retention.approve",
        subject_type="disposition",
        subject_id=disposition_id,
        details={
            "record_class": record["record_class"],
            "authority": record["authority"],
            "items": len(item_ids),
            "versions_disposed": disposed,
            "media_references_disposed": references,
            "media_files_disposed": files,
            "record_hashes_sha256": sha256_hex(canonical_json(record["record_hashes"])),
        },
    )
    return disposed


def dispose_media(
    conn: Connection, version_ids: list[int], disposition_id: int, *, now: datetime
) -> tuple[int, int]:
    """Dispose of the media shown by these (just disposed) versions: mark their references,
    then empty each file no undisposed reference still shows. Returns (references, files)."""
    media, blobs = t.archive_media, t.media_blobs
    references = 0
    digests: set[str] = set()
    for chunk in chunked(version_ids):
        digests.update(
            d
            for (d,) in conn.execute(
                select(media.c.sha256).where(
                    media.c.version_id.in_(chunk),
                    media.c.disposed_at.is_(None),
                    media.c.sha256.is_not(None),
                )
            )
        )
        references += conn.execute(
            update(media)
            .where(media.c.version_id.in_(chunk), media.c.disposed_at.is_(None))
            .values(disposition_id=disposition_id, disposed_at=now)
        ).rowcount
    files = 0
    for chunk in chunked(sorted(digests)):
        still_shown = select(media.c.id).where(
            media.c.sha256 == blobs.c.sha256, media.c.disposed_at.is_(None)
        )
        files += conn.execute(
            update(blobs)
            .where(
                blobs.c.sha256.in_(chunk),
                blobs.c.disposed_at.is_(None),
                ~still_shown.exists(),
            )
            .values(data=b"", disposed_at=now)
        ).rowcount
    return references, files


def reject(conn: Connection, disposition_id: int, *, by: str, reason: str, now: datetime) -> None:
    record = disposition(conn, disposition_id)
    if record["status"] != "proposed":
        raise InvalidTransition(f"disposition list {disposition_id} is {record['status']}")
    conn.execute(
        update(t.dispositions)
        .where(t.dispositions.c.id == disposition_id)
        .values(status="rejected", decided_by=by, decided_at=now, note=reason)
    )
    audit.record(
        conn,
        at=now,
        actor=by,
        action="retention.reject",
        subject_type="disposition",
        subject_id=disposition_id,
        details={"reason": reason},
    )


def disposal_stub(disposition_id: int) -> str:
    """The raw payload a disposed version keeps (its text becomes DISPOSED_TEXT)."""
    return canonical_json({"disposed": True, "disposition": int(disposition_id)})
