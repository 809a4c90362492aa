"""Users, roles and tokens: create, issue, authenticate."""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from prereview.auth.passwords import hash_password, verify_password
from prereview.auth.tokens import hash_token, new_token
from prereview.errors import PrereviewError
from prereview.store.models import Token, User, utcnow


class Role(StrEnum):
    applicant = "applicant"
    staff = "staff"
    admin = "admin"


class UserExists(PrereviewError):
    default_zh = "用户已存在"
    default_en = "user exists"


def create_user(session: Session, *, name: str, role: Role | str, password: str | None = None) -> User:
    role = Role(role)
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise UserExists(
            f"用户“{name}”已存在，请换一个名字", f"user '{name}' already exists", code="user_exists"
        )
    user = User(name=name, role=role.value, password_hash=hash_password(password) if password else None)
    session.add(user)
    session.flush()
    return user


def issue_token(session: Session, user: User, *, ttl_days: float) -> str:
    """A new bearer token for ``user``; only its hash is stored."""
    token = new_token()
    session.add(
        Token(user_id=user.id, token_hash=hash_token(token), expires_at=utcnow() + timedelta(days=ttl_days))
    )
    session.flush()
    return token


def authenticate(session: Session, token: str) -> User | None:
    """The user a live token belongs to, else None (unknown or expired)."""
    row = session.scalar(select(Token).where(Token.token_hash == hash_token(token)))
    if row is None or row.expires_at <= utcnow():
        return None
    return row.user


def login(session: Session, *, name: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.name == name))
    if user is None or user.password_hash is None:
        hash_password(password)  # the same work whether or not the user exists
        return None
    return user if verify_password(user.password_hash, password) else None
