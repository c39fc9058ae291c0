package org.redoubt.fleet.cli.documents;

import java.nio.file.Path;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.documents.RootRotation;
import org.redoubt.crypto.documents.RotationVerdict;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.fleet.cli.FleetException;

/** Reads a signed root file (a DSSE envelope) the way a handset takes its provisioned root. */
public final class TrustedRoots {

    private TrustedRoots() {
    }

    /**
     * @param file     the root envelope
     * @param provider checks it
     * @return the root, signed by a threshold of its own root keys
     * @throws FleetException when the file is missing or the root is not valid
     */
    public static TrustRoot load(Path file, CryptoProvider provider) throws FleetException {
        RotationVerdict verdict = new RootRotation(provider).verifyProvisioned(DocumentFiles.read(file),
                DocumentKind.MAX_ENVELOPE_BYTES);
        if (verdict instanceof RotationVerdict.Rejected rejected) {
            throw new FleetException(file + " is not a valid root: " + rejected.reason() + " " + rejected.detail());
        }
        return ((RotationVerdict.Rotated) verdict).root();
    }
}
