"""Authentication: bearer tokens stored hashed with expiry, argon2 passwords, roles."""

from prereview.auth.users import Role, UserExists, authenticate, create_user, issue_token, login

__all__ = ["Role", "UserExists", "authenticate", "create_user", "issue_token", "login"]
