"""Plain-Python domain: frameworks, scoring, canonical snapshots. No Qt, no SQL."""
