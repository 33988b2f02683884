"""Test settings: hypothesis without per-example deadlines (CI machines are shared and slow,
and speed is measured in benchmarks/, never in tests); derandomised under CI for
reproducible runs."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "protocol-share",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=bool(os.environ.get("CI")),
    print_blob=True,
)
settings.load_profile("protocol-share")
