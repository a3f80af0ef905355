"""Ed25519 signatures over the heads of the archive and audit chains, and over bundles.

A hash chain shows that nothing was changed *relative to its head*; whoever controls the
database could still rewrite a chain from some record on and recompute every hash after it. A
signed head closes that gap: once a day the worker signs the newest record of each chain (id and
hash) with the department's private key, which lives only in the worker's environment. Later,
``archive verify`` checks every signature against the department's *published* public key (from
the settings, not from the database) and that each signed record still carries the signed hash.
A rewrite of anything older than the last signature is then caught, however carefully the
hashes were recomputed.

Records-request bundles exported where the key is available carry ``manifest.sig``: a signature
over ``manifest.json``, whose file digests cover every other file of the bundle.

Keys are 32 raw bytes, written in base64 (``archive keygen`` makes a pair); PEM is accepted too.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import Connection, insert, select

from page_governor.clock import iso
from page_governor.db import schema as t
from page_governor.errors import ConfigError
from page_governor.hashing import GENESIS, canonical_json, sha256_hex

PURPOSE_HEADS = "page_governor chain heads"
PURPOSE_BUNDLE = "page_governor bundle manifest"
ALGORITHM = "Ed25519"
_RAW = serialization.Encoding.Raw
_RAW_PUBLIC = serialization.PublicFormat.Raw


def _load(value: str, what: str, *, private: bool) -> Any:
    """An Ed25519 key from base64 (32 raw bytes) or PEM text.

    Raises:
        ConfigError: not a readable Ed25519 key.
    """
    if value.lstrip().startswith("-----BEGIN"):
        try:
            key = (
                serialization.load_pem_private_key(value.encode(), password=None)
                if private
                else serialization.load_pem_public_key(value.encode())
            )
        except (ValueError, TypeError):
            raise ConfigError(f"{what} is not a readable unencrypted PEM key") from None
        if not isinstance(key, Ed25519PrivateKey if private else Ed25519PublicKey):
            raise ConfigError(f"{what} is not an Ed25519 key")
        return key
    try:
        raw = base64.b64decode(value.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise ConfigError(f"{what} is neither base64 nor PEM") from None
    if len(raw) != 32:
        raise ConfigError(f"{what} must be 32 bytes in base64 (got {len(raw)})")
    if private:
        return Ed25519PrivateKey.from_private_bytes(raw)
    return Ed25519PublicKey.from_public_bytes(raw)


def load_private_key(value: str) -> Ed25519PrivateKey:
    """The signing key from its base64 (32 raw bytes) or PEM (PKCS #8) text.

    Raises:
        ConfigError: not an Ed25519 private key.
    """
    key: Ed25519PrivateKey = _load(value, "the archive signing key", private=True)
    return key


def load_public_key(value: str) -> Ed25519PublicKey:
    """A public key from its base64 (32 raw bytes) or PEM text.

    Raises:
        ConfigError: not an Ed25519 public key.
    """
    key: Ed25519PublicKey = _load(value, "the archive signing public key", private=False)
    return key


def private_key_of(settings: Any) -> Ed25519PrivateKey | None:
    """The department's signing key from the settings (validated there), or None."""
    value = settings.archive_signing_private_key
    return load_private_key(value) if value else None


def load_public_keys(value: str) -> list[Ed25519PublicKey]:
    """Several public keys separated by commas (neither base64 nor PEM has one): the key in
    use and those it replaced, whose signatures stay valid.

    Raises:
        ConfigError: one of them is not an Ed25519 public key.
    """
    return [load_public_key(part) for part in value.split(",") if part.strip()]


def published_keys(settings: Any) -> list[Ed25519PublicKey] | None:
    """The department's published keys from the settings, or None when none is set."""
    value = settings.archive_signing_public_key
    return load_public_keys(value) if value else None


def public_text(key: Ed25519PublicKey) -> str:
    return base64.b64encode(key.public_bytes(_RAW, _RAW_PUBLIC)).decode()


def key_id(key: Ed25519PublicKey) -> str:
    """A short name for a public key: the first 16 hex digits of the SHA-256 of its bytes."""
    return sha256_hex(key.public_bytes(_RAW, _RAW_PUBLIC))[:16]


def generate() -> tuple[str, str]:
    """A new key pair as (private, public) base64 texts."""
    private = Ed25519PrivateKey.generate()
    raw = private.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    return base64.b64encode(raw).decode(), public_text(private.public_key())


def _sign(key: Ed25519PrivateKey, data: bytes) -> str:
    return base64.b64encode(key.sign(data)).decode()


def _verifies(public: Ed25519PublicKey, signature: str, data: bytes) -> bool:
    try:
        public.verify(base64.b64decode(signature, validate=True), data)
    except (InvalidSignature, binascii.Error, ValueError):
        return False
    return True


# -- chain heads --------------------------------------------------------------------------


def chain_heads(conn: Connection) -> dict[str, dict[str, Any]]:
    """The newest record of each chain: {"archive": {"id", "hash"}, "audit": {...}} (id 0 and
    the genesis hash for an empty chain)."""
    heads = {}
    for name, table in (("archive", t.archive_versions), ("audit", t.audit_log)):
        row = conn.execute(
            select(table.c.id, table.c.record_hash).order_by(table.c.id.desc()).limit(1)
        ).first()
        heads[name] = {"id": int(row.id), "hash": row.record_hash} if row else _EMPTY
    return heads


_EMPTY = {"id": 0, "hash": GENESIS}


def sign_heads(conn: Connection, key: Ed25519PrivateKey, *, now: datetime) -> dict[str, Any]:
    """Sign both chains' heads as they are now and store the signature (append-only table).

    Returns the stored row.
    """
    public = key.public_key()
    payload = canonical_json(
        {
            "purpose": PURPOSE_HEADS,
            "signed_at": iso(now),
            "key_id": key_id(public),
            "heads": chain_heads(conn),
        }
    )
    row = {
        "signed_at": now,
        "key_id": key_id(public),
        "public_key": public_text(public),
        "payload": payload,
        "signature": _sign(key, payload.encode("utf-8")),
    }
    row["id"] = conn.execute(insert(t.chain_signatures).values(**row)).inserted_primary_key[0]
    return row


@dataclass(frozen=True, slots=True)
class SignatureReport:
    signatures: int
    newest: datetime | None
    key_ids: tuple[str, ...]
    problem: str | None = None
    signature_id: int | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def verify_signed_heads(
    conn: Connection, trusted: Sequence[Ed25519PublicKey] | None
) -> SignatureReport:
    """Check every stored signature, oldest first: made by one of the ``trusted`` keys (when
    given), valid over its payload, and each signed record still in its chain with the signed
    hash."""
    tables = {"archive": t.archive_versions, "audit": t.audit_log}
    # with published keys, a signature is checked with the published key itself: the key
    # stored beside it only names which one
    trusted_by_id = {key_id(k): k for k in trusted} if trusted is not None else None
    count, newest, keys = 0, None, []
    rows = conn.execute(select(t.chain_signatures).order_by(t.chain_signatures.c.id)).mappings()

    def failed(row: Any, problem: str) -> SignatureReport:
        return SignatureReport(count, newest, tuple(keys), problem, row["id"])

    for row in rows:
        count += 1
        if trusted_by_id is not None:
            public = trusted_by_id.get(row["key_id"])
            if public is None:
                return failed(
                    row,
                    f"signature {row['id']} was made with key {row['key_id']}, not with the "
                    f"department's published key ({', '.join(sorted(trusted_by_id))})",
                )
        else:
            try:
                public = load_public_key(row["public_key"])
            except ConfigError:
                return failed(row, f"signature {row['id']} names an unreadable public key")
        if key_id(public) != row["key_id"] or not _verifies(
            public, row["signature"], row["payload"].encode("utf-8")
        ):
            return failed(row, f"signature {row['id']} does not verify over what it signed")
        signed_at, heads = _signed_heads(row["payload"])
        if heads is None:
            return failed(row, f"signature {row['id']} does not sign chain heads")
        for name, head in heads.items():
            if head["id"] == 0:
                continue
            table = tables[name]
            found = conn.execute(
                select(table.c.record_hash).where(table.c.id == head["id"])
            ).scalar_one_or_none()
            if found != head["hash"]:
                return failed(
                    row,
                    f"{name} record {head['id']} no longer has the hash signed on "
                    f"{signed_at[:10]} (signature {row['id']}): the chain was "
                    "rewritten after it was signed",
                )
        newest = row["signed_at"]
        if row["key_id"] not in keys:
            keys.append(row["key_id"])
    return SignatureReport(count, newest, tuple(keys))


def _signed_heads(payload: str) -> tuple[str, dict[str, dict[str, Any]] | None]:
    """(signed at, the heads) a payload signs; heads None when it is not a chain-heads
    document (another signed text, such as a bundle manifest, cannot stand in for one)."""
    try:
        document = json.loads(payload)
        heads = document["heads"]
        if document.get("purpose") != PURPOSE_HEADS or set(heads) != {"archive", "audit"}:
            return "", None
        return str(document["signed_at"]), {
            name: {"id": int(head["id"]), "hash": str(head["hash"])} for name, head in heads.items()
        }
    except (ValueError, KeyError, TypeError, AttributeError):
        return "", None


# -- bundles ------------------------------------------------------------------------------


def sign_manifest(key: Ed25519PrivateKey, manifest: bytes) -> str:
    """The text of ``manifest.sig``: who signed, and the signature over the manifest's bytes."""
    public = key.public_key()
    return json.dumps(
        {
            "purpose": PURPOSE_BUNDLE,
            "algorithm": ALGORITHM,
            "key_id": key_id(public),
            "public_key": public_text(public),
            "signature": _sign(key, manifest),
        },
        indent=1,
    )


def check_manifest_signature(
    signature_text: bytes, manifest: bytes, trusted: Sequence[Ed25519PublicKey] | None
) -> tuple[str | None, str | None]:
    """(key id, problem) for a bundle's ``manifest.sig``; problem is None when it verifies (and,
    with ``trusted``, was made by one of those keys, checked with that key itself)."""
    try:
        sig = json.loads(signature_text)
        public = load_public_key(sig["public_key"])
        signature = sig["signature"]
    except (ValueError, KeyError, TypeError, ConfigError):
        return None, "manifest.sig: unreadable"
    kid = key_id(public)
    if trusted is not None:
        by_id = {key_id(k): k for k in trusted}
        if kid not in by_id:
            return kid, (
                f"manifest.sig: signed with key {kid}, not the expected {', '.join(sorted(by_id))}"
            )
        public = by_id[kid]  # checked with the published key itself, not the one it carries
    if sig.get("purpose") != PURPOSE_BUNDLE:
        return kid, "manifest.sig: not a bundle signature"
    if not _verifies(public, signature, manifest):
        return kid, "manifest.sig: the signature does not match manifest.json"
    return kid, None
