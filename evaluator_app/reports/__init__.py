"""PDF minutes and other documents (issue 4)."""
