"""The content-security policy, spelled one way by every process that sends it.

django-csp joins directives in the order of a set, which changes from one
process to the next. nginx sends the header of cached pages from a config
written by another process than the app's, so both spell the policy in one
canonical order: the same policy is then the same bytes wherever it comes from.
"""

from __future__ import annotations

from csp.utils import build_policy


def canonical(policy: str) -> str:
    """The policy's directives sorted by name (no directive value may contain a semicolon)."""
    return "; ".join(sorted(part.strip() for part in policy.split(";") if part.strip()))


def reader_policy() -> str:
    """The header a reader's page carries (settings.CONTENT_SECURITY_POLICY, no per-view changes)."""
    return canonical(build_policy())
