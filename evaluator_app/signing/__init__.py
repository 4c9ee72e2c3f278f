"""PAdES signatures and signing identities (issue 4)."""
