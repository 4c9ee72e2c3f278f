"""Benchmark workloads for ``tests/benchmarks/run.py`` (not collected by pytest)."""
