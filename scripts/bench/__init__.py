"""Benchmarks: measured by hand with `make bench-…`, never timed inside the unit tests."""
