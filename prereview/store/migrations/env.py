"""Alembic environment: run against the connection :func:`prereview.store.db.upgrade` hands over."""

from __future__ import annotations

from alembic import context

from prereview.store.models import Base


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:  # the `alembic` command line, outside the service
        from prereview.settings import get_settings
        from prereview.store.db import make_engine

        connection = make_engine(get_settings().database_url).connect()
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if (
    getattr(context, "config", None) is not None
):  # run by alembic (not merely imported, e.g. by a doctest run)
    run_migrations()
