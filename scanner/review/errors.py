"""Why the review queue refused something: a decision it will not take (exit 2 at the CLI), or
a file it cannot use (exit 1)."""
from __future__ import annotations

from scanner.errors import ShareGuardError


class ReviewError(ShareGuardError):
    """A decision or change the review queue refused: no written reason, a role that may not
    decide the item, an item already decided, no redacted copy to release, an unknown item.
    The message says what is wrong and what would be accepted."""

    code = "E600"


class ReviewFileError(ReviewError):
    """The review file, or a file in the share folder, cannot be used; nothing the user typed
    is wrong."""

    code = "E601"
