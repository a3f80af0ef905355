"""The exported records as an ISO 28500 WARC file (resource + metadata records), with the
captured media.
"""

from __future__ import annotations

import io
import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from page_governor.archive import media as media_store
from page_governor.archive.bundle import (
    FORMAT,
    ExportResult,
    Progress,
)
from page_governor.archive.records import (
    chain_heads,
    iso_z,
    iter_versions,
    native_line,
)
from page_governor.archive.search import Filters
from page_governor.clock import iso
from page_governor.errors import InputError
from page_governor.hashing import sha256_file


def write_warc(
    conn: Connection,
    filters: Filters,
    out: Path,
    *,
    exported_by: str,
    now: datetime,
    progress: Progress | None = None,
) -> ExportResult:
    """The matching records as a gzipped ISO 28500 WARC: a warcinfo record, then per version a
    ``resource`` record (the raw platform payload as JSON) and a ``metadata`` record
    (provenance, state, hashes) that refers to it; then each captured media file as a
    ``resource`` record under the URL it was downloaded from, with its SHA-256.

    Raises:
        InputError: ``out`` exists already.
    """
    from warcio.warcwriter import WARCWriter

    if out.exists():
        raise InputError(f"{out} exists already; choose a new file name")
    tmp = out.with_name(out.name + ".part")
    items: set[int] = set()
    versions = 0
    try:
        with tmp.open("wb") as fh:
            writer = WARCWriter(fh, gzip=True)
            info = {
                "software": "page_governor",
                "format": "WARC File Format 1.1",
                "description": FORMAT,
                "exported-by": exported_by,
                "filters": json.dumps(filters.as_json()),
                "chain-heads": json.dumps(chain_heads(conn)),
            }
            writer.write_record(writer.create_warcinfo_record(out.name, info))
            for row in iter_versions(conn, filters):
                line = native_line(row)
                uri = row["permalink"] or (
                    f"urn:page-governor:{row['platform']}:{row['kind']}:{row['platform_item_id']}"
                )
                date = iso_z(row["captured_at"]) or iso(now)
                payload = line["record"]["raw"].encode("utf-8")
                resource = writer.create_warc_record(
                    uri,
                    "resource",
                    payload=io.BytesIO(payload),
                    length=len(payload),
                    warc_content_type="application/json",
                    warc_headers_dict={"WARC-Date": date},
                )
                writer.write_record(resource)
                meta = json.dumps(
                    {k: v for k, v in line.items() if k != "record"}
                    | {"record": {k: v for k, v in line["record"].items() if k != "raw"}},
                    ensure_ascii=False,
                    sort_keys=True,
                ).encode("utf-8")
                metadata = writer.create_warc_record(
                    uri,
                    "metadata",
                    payload=io.BytesIO(meta),
                    length=len(meta),
                    warc_content_type="application/json",
                    warc_headers_dict={
                        "WARC-Date": date,
                        "WARC-Refers-To": resource.rec_headers.get_header("WARC-Record-ID"),
                    },
                )
                writer.write_record(metadata)
                items.add(row["item_id"])
                versions += 1
                if progress is not None:
                    progress(1)
            _warc_media(writer, conn, sorted(items))
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return ExportResult(out, len(items), versions, sha256_file(out))


def _warc_media(writer: Any, conn: Connection, item_ids: list[int]) -> None:
    """A ``resource`` record per captured media file, under the first URL it came from."""
    first_url: dict[str, tuple[str, datetime | str]] = {}
    for row in media_store.of_items(conn, item_ids):
        if (
            row["status"] == media_store.CAPTURED
            and row["disposed_at"] is None
            and row["sha256"] not in first_url
        ):
            first_url[row["sha256"]] = (row["url"], row["fetched_at"])
    for digest, content_type, data in media_store.blobs(conn, first_url):
        url, fetched_at = first_url[digest]
        record = writer.create_warc_record(
            url,
            "resource",
            payload=io.BytesIO(data),
            length=len(data),
            warc_content_type=content_type,
            warc_headers_dict={
                "WARC-Date": iso_z(fetched_at),
                "WARC-Payload-Digest": f"sha256:{digest}",
            },
        )
        writer.write_record(record)
