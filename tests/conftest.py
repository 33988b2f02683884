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
# A quicker run while developing (HYPOTHESIS_PROFILE=quick): fewer examples, same laws. CI
# and `.ci/run` always use the full profile.
settings.register_profile("quick", parent=settings.get_profile("protocol-share"), max_examples=10)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "protocol-share"))
