"""The exception tree of page_governor.

::

    PageGovernorError                 (exit_code, retryable as class attributes)
    ├── ConfigError                   all problems found at start-up, reported at once
    ├── InputError                    a file or value given on the command line is unusable
    ├── PlatformError                 .platform .page .vendor_code
    │   ├── AuthError · PermissionDenied · NotFoundOnPlatform · UnsupportedOperation
    │   └── RateLimited (retryable, .retry_after) · PlatformUnavailable (retryable)
    ├── ArchiveError ── ArchiveIntegrityError
    ├── WorkflowError ── InvalidTransition · NotAuthorized · UnknownObject
    └── NotificationError             never blocks archiving or review

The CLI catches :class:`PageGovernorError` once, prints one line and exits with ``exit_code``.
Anything else is a bug.
"""

from __future__ import annotations


class PageGovernorError(Exception):
    """Base of every error page_governor raises on purpose."""

    exit_code: int = 1
    retryable: bool = False

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class ConfigError(PageGovernorError):
    """The configuration is unusable. Carries every problem found, not just the first."""

    exit_code = 2

    def __init__(self, problems: list[str] | str, *, hint: str | None = None) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        if len(self.problems) == 1:
            text = f"configuration error: {self.problems[0]}"
        else:
            text = f"{len(self.problems)} configuration errors: " + "; ".join(self.problems)
        super().__init__(text, hint=hint)


class InputError(PageGovernorError):
    """A file or value given by the user cannot be used (missing, unreadable, malformed).
    ``field`` names the value at fault where a form has one field per value (the console shows
    the error beside it)."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None, field: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.field = field


class PlatformError(PageGovernorError):
    """A social platform refused or failed a request."""

    exit_code = 3

    def __init__(
        self,
        message: str,
        *,
        platform: str | None = None,
        page: str | None = None,
        vendor_code: int | str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message, hint=hint)
        self.platform = platform
        self.page = page
        self.vendor_code = vendor_code


class AuthError(PlatformError):
    """The credentials are invalid or expired (e.g. Graph error 190)."""


class PermissionDenied(PlatformError):
    """The credentials work but lack a permission for this call."""


class NotFoundOnPlatform(PlatformError):
    """The object does not exist (any more) on the platform."""


class UnsupportedOperation(PlatformError):
    """The platform (or its API) cannot do this, e.g. hiding a Telegram comment."""


class RateLimited(PlatformError):
    """The platform asked us to slow down; retry after ``retry_after`` seconds."""

    retryable = True

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: object) -> None:
        super().__init__(message, **kwargs)  # type: ignore[arg-type]
        self.retry_after = retry_after


class PlatformUnavailable(PlatformError):
    """A transient failure: 5xx, timeout, malformed response."""

    retryable = True


class ArchiveError(PageGovernorError):
    """The archive could not store or read a record."""

    exit_code = 4


class ArchiveIntegrityError(ArchiveError):
    """A hash chain does not verify: a record was changed, removed or reordered."""


class WorkflowError(PageGovernorError):
    """A review or page-lifecycle action is not allowed."""

    exit_code = 5


class InvalidTransition(WorkflowError):
    """The requested state change is not a valid transition from the current state."""


class NotAuthorized(WorkflowError):
    """The actor's role does not allow this action."""


class UnknownObject(WorkflowError):
    """A page, review item or other object named by the user does not exist."""


class NotificationError(PageGovernorError):
    """An alert could not be delivered. Never blocks archiving or review."""

    retryable = True
