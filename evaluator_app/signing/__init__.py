"""PAdES signatures and signing identities (issue 4); Qt-free.

Identities live in a folder the caller gives (``<data dir>/identities/``);
see ``identities.py`` for its layout and ``issuer.py`` for the local issuer.
"""

from evaluator_app.signing.errors import (
    CertificateValidityError,
    IdentityNotFoundError,
    KeyUsageError,
    MissingKeyError,
    NotPkcs12Error,
    OutputError,
    SignatureFieldError,
    SigningError,
    WrongPassphraseError,
)
from evaluator_app.signing.identities import (
    IdentityInfo,
    LoadedSigner,
    create_identity,
    export_identity,
    import_identity,
    list_identities,
    load_signer,
)
from evaluator_app.signing.issuer import Issuer, ensure_local_issuer, local_issuer_certificate
from evaluator_app.signing.pdf import prepare_for_signing, sign_pdf
from evaluator_app.signing.verify import (
    SNAPSHOT_NAME,
    SignatureCheck,
    VerificationReport,
    verify_pdf,
)

__all__ = [
    "SNAPSHOT_NAME",
    "CertificateValidityError",
    "IdentityInfo",
    "IdentityNotFoundError",
    "Issuer",
    "KeyUsageError",
    "LoadedSigner",
    "MissingKeyError",
    "NotPkcs12Error",
    "OutputError",
    "SignatureCheck",
    "SignatureFieldError",
    "SigningError",
    "VerificationReport",
    "WrongPassphraseError",
    "create_identity",
    "ensure_local_issuer",
    "export_identity",
    "import_identity",
    "list_identities",
    "load_signer",
    "local_issuer_certificate",
    "prepare_for_signing",
    "sign_pdf",
    "verify_pdf",
]
