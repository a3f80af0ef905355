"""The admin's accounts page: add an account, disable or enable it, reset its password, change
its roles. Each action goes through the same functions as ``page-governor users`` (the same
rules, the same audit entries). Mixed into :class:`page_governor.web.console.WebConsole`.

Two rules the command line does not need, since its user is at the server: an admin cannot
disable their own account or take away their own admin role here (that would lock the last
person able to undo it out of the console).
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from page_governor.errors import InputError, PageGovernorError
from page_governor.models import Role
from page_governor.web.console_base import ConsoleBase
from page_governor.web.users import (
    WebUser,
    add_user,
    disable_user,
    enable_user,
    list_users,
    set_password,
    set_roles,
)

ACTIONS = ("disable", "enable", "roles", "password")


class AccountsConsole(ConsoleBase):
    """Account routes (needs ``app``, ``render`` and ``_flash``)."""

    def _accounts_page(
        self,
        request: Request,
        user: WebUser,
        *,
        typed: dict[str, Any] | None = None,
        errors: dict[str, str] | None = None,
        status: int = 200,
    ) -> Response:
        with self.app.db.connect() as conn:
            accounts = list_users(conn)
        return self.render(
            request,
            "accounts.html",
            status=status,
            user=user,
            accounts=accounts,
            roles=[r.value for r in Role],
            typed=typed or {},
            errors=errors or {},
        )

    async def accounts(self, request: Request, user: WebUser) -> Response:
        return await run_in_threadpool(self._accounts_page, request, user)

    async def account_add(self, request: Request, user: WebUser) -> Response:
        form = await request.form()
        typed = {
            "username": str(form.get("username", "")).strip(),
            "name": str(form.get("name", "")).strip(),
            "roles": [str(r) for r in form.getlist("role")],
            "telegram_id": str(form.get("telegram_id", "")).strip(),
        }
        errors: dict[str, str] = {}
        roles: list[Role] = []
        for value in typed["roles"]:
            try:
                roles.append(Role(value))
            except ValueError:
                errors["roles"] = f"no role {value!r}"
        telegram_id = None
        if typed["telegram_id"]:
            if typed["telegram_id"].isdigit():
                telegram_id = int(typed["telegram_id"])
            else:
                errors["telegram_id"] = "a Telegram id is a number (the bot's /whoami shows it)"
        if not typed["name"]:
            errors["name"] = "give the person's full name, as the audit log will show it"
        if not errors:

            def add() -> None:
                with self.app.db.begin() as conn:
                    add_user(
                        conn,
                        username=typed["username"],
                        name=typed["name"],
                        roles=roles,
                        password=str(form.get("password", "")),
                        telegram_id=telegram_id,
                        by=user.actor,
                        now=self.app.clock.now(),
                    )

            try:
                await run_in_threadpool(add)
            except InputError as exc:
                errors[exc.field or "form"] = exc.message
            else:
                return self._flash(request, f"Account {typed['username']} added.", "/accounts")
        # the form again, with the error beside its field and what was typed (not the password)
        return await run_in_threadpool(
            lambda: self._accounts_page(request, user, typed=typed, errors=errors, status=400)
        )

    async def account_change(self, request: Request, user: WebUser) -> Response:
        username = str(request.path_params["username"])
        action = str(request.path_params["action"])
        if action not in ACTIONS:
            raise InputError(f"unknown action {action!r}")
        form = await request.form()
        now = self.app.clock.now()
        own = username == user.username

        def change() -> str:
            with self.app.db.begin() as conn:
                if action == "disable":
                    if own:
                        raise InputError("you cannot disable your own account here")
                    disable_user(conn, username, by=user.actor, now=now)
                    return f"Account {username} disabled; its sessions ended."
                if action == "enable":
                    enable_user(conn, username, by=user.actor, now=now)
                    return f"Account {username} enabled."
                if action == "password":
                    set_password(
                        conn, username, str(form.get("password", "")), by=user.actor, now=now
                    )
                    return f"Password of {username} reset; its sessions ended."
                try:
                    roles = [Role(str(r)) for r in form.getlist("role")]
                except ValueError:
                    raise InputError("choose roles from the list") from None
                if own and Role.ADMIN not in roles:
                    raise InputError("you cannot take away your own admin role here")
                after = set_roles(conn, username, roles, by=user.actor, now=now)
                return f"Roles of {username}: {', '.join(after)}."

        try:
            text = await run_in_threadpool(change)
        except PageGovernorError as exc:
            return self._flash(request, f"Not done: {exc.message}", "/accounts")
        return self._flash(request, text, "/accounts")
