"""Exceptions raised by the helpers.

Every error a user can cause with bad input derives from :class:`BulletinError`, so
callers (and the CLI) can catch one type and show its one-line message.
"""

from __future__ import annotations


class BulletinError(Exception):
    """Base class: the input cannot be turned into a bulletin. The message says why."""


class BulletinNotFoundError(BulletinError, FileNotFoundError):
    """The path does not exist, or is a directory rather than a file."""


class EmptyBulletinError(BulletinError):
    """The file or text holds no visible characters."""


class UndecodableBulletinError(BulletinError):
    """The bytes are binary or in an encoding we could not identify."""


class NotABulletinError(BulletinError):
    """The text decodes but is not Chinese prose we can parse (no Chinese text, or markup)."""
