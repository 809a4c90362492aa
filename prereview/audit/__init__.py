"""Audit trail: every decision, override, upload, status change and staff read, append-only."""

from prereview.audit.guard import AuditImmutable, install
from prereview.audit.log import record

__all__ = ["AuditImmutable", "install", "record"]
