"""Pages of findability: key questions per theme and the scan."""

from academy.findability import bp  # noqa: F401
