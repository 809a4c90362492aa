"""``POST /api/auth/token``: a bearer token for a user who has a password (argon2-hashed)."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import SessionDep, StateDep
from api.errors import ApiError
from api.schemas import TokenCreate, TokenPublic
from prereview.auth import issue_token, login

router = APIRouter(prefix="/api/auth", tags=["auth"])


@router.post("/token", operation_id="create_token")
def create_token(body: TokenCreate, session: SessionDep, state: StateDep) -> TokenPublic:
    user = login(session, name=body.name, password=body.password)
    if user is None:
        raise ApiError(401, "unauthorized", "用户名或密码错误 (wrong name or password)")
    token = issue_token(session, user, ttl_days=state.settings.service.token_ttl_days)
    session.commit()
    return TokenPublic(token=token)
