"""One exception family for everything that can go wrong with identities and signatures."""

from __future__ import annotations


class SigningError(Exception):
    """A signing, identity or verification problem, told in a plain sentence."""


class WrongPassphraseError(SigningError):
    """The passphrase does not open the PKCS#12 file."""


class NotPkcs12Error(SigningError):
    """The file is not a PKCS#12 keystore at all."""


class CertificateValidityError(SigningError):
    """The certificate is expired or not yet valid."""


class KeyUsageError(SigningError):
    """The certificate may not be used to sign documents."""


class MissingKeyError(SigningError):
    """The keystore holds no private key, or no certificate for it."""


class IdentityNotFoundError(SigningError):
    """No identity with that id is kept in the folder."""


class SignatureFieldError(SigningError):
    """The signature field is missing, already signed, or badly specified."""


class OutputError(SigningError):
    """A file could not be written; nothing was left half-written."""
