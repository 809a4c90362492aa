"""``prereview user add NAME --role ROLE``: create a user; its bearer token alone on the last line."""

from __future__ import annotations

import argparse
import getpass
import sys

from prereview.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("user", help="manage service users")
    actions = parser.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="create a user and print a bearer token")
    add.add_argument("name", help="login name")
    add.add_argument("--role", required=True, choices=["applicant", "staff", "admin"])
    add.add_argument("--password", action="store_true", help="also set a password (asked for, argon2-hashed)")
    add.set_defaults(run=run_add)
    token = actions.add_parser("token", help="issue another bearer token for an existing user")
    token.add_argument("name")
    token.set_defaults(run=run_token)


def _password() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("密码 (password): ")
    return sys.stdin.readline().rstrip("\n")


def run_add(args: argparse.Namespace, settings: Settings) -> int:
    from prereview.auth import UserExists, create_user, issue_token
    from prereview.cli.main import UsageError
    from prereview.store.context import open_store

    password = _password() if args.password else None
    store = open_store(settings)
    try:
        with store.session() as session:
            user = create_user(session, name=args.name, role=args.role, password=password)
            token = issue_token(session, user, ttl_days=settings.service.token_ttl_days)
    except UserExists as error:
        raise UsageError(error.reason_zh, error.reason_en) from None
    finally:
        store.close()
    print(
        f"已创建用户 {args.name}（{args.role}），访问令牌有效期 {settings.service.token_ttl_days:g} 天：",
        file=sys.stderr,
    )
    print(token)
    return 0


def run_token(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy import select

    from prereview.auth import issue_token
    from prereview.cli.main import UsageError
    from prereview.store.context import open_store
    from prereview.store.models import User

    store = open_store(settings)
    try:
        with store.session() as session:
            user = session.scalar(select(User).where(User.name == args.name))
            if user is None:
                raise UsageError(f"用户“{args.name}”不存在", f"no user '{args.name}'")
            token = issue_token(session, user, ttl_days=settings.service.token_ttl_days)
    finally:
        store.close()
    print(token)
    return 0
