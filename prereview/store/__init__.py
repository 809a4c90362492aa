"""Persistence: SQLAlchemy models, the database, content-addressed file storage, repositories."""

from prereview.store.db import make_engine, make_sessionmaker, normalise_url, ping, upgrade
from prereview.store.models import (
    Application,
    AuditEvent,
    Base,
    Blob,
    BlobRef,
    CachedExtraction,
    Correction,
    Decision,
    Job,
    Material,
    Token,
    User,
    utcnow,
)
from prereview.store.storage import LocalStorage, Storage, content_hash

__all__ = [
    "Application",
    "AuditEvent",
    "Base",
    "Blob",
    "BlobRef",
    "CachedExtraction",
    "Correction",
    "Decision",
    "Job",
    "LocalStorage",
    "Material",
    "Storage",
    "Token",
    "User",
    "content_hash",
    "make_engine",
    "make_sessionmaker",
    "normalise_url",
    "ping",
    "upgrade",
    "utcnow",
]
