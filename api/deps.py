"""Typed dependencies: the service state, a database session per request, the current user by role."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from api.errors import ApiError
from api.state import ServiceState
from prereview.auth import authenticate
from prereview.store.models import User

_bearer = HTTPBearer(auto_error=False, description="Authorization: Bearer TOKEN (from `prereview user add`)")


def get_state(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.service
    return state


StateDep = Annotated[ServiceState, Depends(get_state)]


def get_session(state: StateDep) -> Iterator[Session]:
    """One session per request; committed when the handler returns, rolled back when it raises."""
    if state.store is None:
        raise ApiError(503, "unavailable", "服务正在启动，请稍后重试 (service starting)")
    with state.store.session() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def get_current_user(
    session: SessionDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> User:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(
            401,
            "unauthorized",
            "请先登录：缺少访问令牌 (missing bearer token)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    user = authenticate(session, credentials.credentials)
    if user is None:
        raise ApiError(
            401,
            "unauthorized",
            "访问令牌无效或已过期，请重新获取 (invalid or expired token)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def _require(*roles: str) -> Callable[[User], User]:
    def dependency(user: CurrentUser) -> User:
        if user.role not in roles:
            raise ApiError(403, "forbidden", f"无权执行此操作，需要角色：{'/'.join(roles)} (forbidden)")
        return user

    return dependency


ApplicantUser = Annotated[User, Depends(_require("applicant"))]
StaffUser = Annotated[User, Depends(_require("staff", "admin"))]
AdminUser = Annotated[User, Depends(_require("admin"))]
