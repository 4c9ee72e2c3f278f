"""Session bundles and merge between laptops (issue 5)."""
