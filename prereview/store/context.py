"""``open_store(settings)``: the database engine, its sessions and the file storage, migrated to head."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from prereview.settings import Settings
from prereview.store.db import make_engine, make_sessionmaker, upgrade
from prereview.store.storage import LocalStorage, Storage


@dataclass
class Store:
    engine: Engine
    sessions: sessionmaker[Session]
    storage: Storage

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        with self.sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()


def open_store(settings: Settings, *, migrate: bool = True) -> Store:
    """Connect to ``settings.database_url`` and run ``upgrade head`` (unless ``migrate`` is False)."""
    engine = make_engine(settings.database_url)
    if migrate:
        upgrade(engine)
    return Store(
        engine=engine, sessions=make_sessionmaker(engine), storage=LocalStorage(settings.data_dir / "files")
    )
