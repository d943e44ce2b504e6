"""Fixtures for the documents feature: the small searchable corpus of the practice tests."""

from tests.practice.conftest import documents  # noqa: F401  (shared fixture)
