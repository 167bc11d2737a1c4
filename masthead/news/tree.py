"""Subtree lookups that use the index on the tree path, on every database.

Django turns ``path__startswith`` into ``LIKE 'prefix%'``, which SQLite
answers by reading the whole page table (its LIKE is case-insensitive, so
the index on ``path`` cannot serve it), and which PostgreSQL can only serve
from an index built for pattern matching. Treebeard's paths use the
alphabet 0-9A-Z, so everything below a node sorts between its path and the
next path of the same length: a plain range, which every B-tree answers.
"""

from __future__ import annotations

from django.db.models import Q

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def next_path(path: str) -> str | None:
    """The first path of the same length after ``path`` in tree order; None after the last one."""
    digits = list(path)
    for position in range(len(digits) - 1, -1, -1):
        index = ALPHABET.index(digits[position])
        if index + 1 < len(ALPHABET):
            digits[position] = ALPHABET[index + 1]
            return "".join(digits[: position + 1]) + ALPHABET[0] * (len(digits) - position - 1)
        digits[position] = ALPHABET[0]
    return None


def under(path: str, field: str = "path") -> Q:
    """The node at ``path`` and everything below it, as an index range on ``field``."""
    return _range(path, field, "gte")


def below(path: str, field: str = "path") -> Q:
    """Everything strictly below the node at ``path``."""
    return _range(path, field, "gt")


def _range(path: str, field: str, lower: str) -> Q:
    condition = Q(**{f"{field}__{lower}": path})
    upper = next_path(path)
    if upper is not None:
        condition &= Q(**{f"{field}__lt": upper})
    return condition
