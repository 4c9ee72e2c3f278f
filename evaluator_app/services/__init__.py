"""Operations: one function per user intent, each one audited transaction."""
