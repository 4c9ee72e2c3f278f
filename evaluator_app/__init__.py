"""Evaluator: offline maturity-evaluation meetings."""

__version__ = "0.1.0"
