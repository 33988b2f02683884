"""Tests of the aids for compliance suites: strategies, the pytest plugin, the examples."""
