package org.redoubt.runtime.release;

import java.util.Objects;

import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.crypto.documents.DocumentVerifier;
import org.redoubt.crypto.documents.Expectation;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.documents.Verdict;
import org.redoubt.runtime.release.ReleaseRejected.Reason;

/**
 * Checks a signed release manifest against the trust root with the one verification pipeline of
 * signed documents: a threshold of release-role signatures, the release payload and document
 * type, and a target that matches this handset.
 *
 * <p>It deliberately leaves out the pipeline's freshness checks. The launcher must boot the
 * release it committed even after that release expired (an offline handset would otherwise never
 * start again), and it enforces anti-rollback itself: a release replaces the committed one only
 * with a higher number, and the committed slot must hold exactly the committed number. Expiry and
 * the persisted floors apply where releases arrive from outside, in the update agent.
 */
public final class ManifestAuthenticator {

    private final DocumentVerifier verifier;
    private final TrustRoot root;
    private final Expectation expectation;

    /**
     * @param verifier the signed-document pipeline
     * @param root     the provisioned trust root
     * @param device   this handset, for the target check
     */
    public ManifestAuthenticator(DocumentVerifier verifier, TrustRoot root, DeviceIdentity device) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.root = Objects.requireNonNull(root, "root");
        this.expectation = new Expectation(Role.RELEASE, ReleaseManifestCodec.PAYLOAD_TYPE, ReleaseManifestCodec.TYPE,
                device, ReleaseManifestCodec.MAX_ENVELOPE_BYTES);
    }

    /**
     * @param envelope the bytes of {@value ReleaseVerifier#MANIFEST}
     * @return the authenticated document
     * @throws ReleaseRejected {@link Reason#UNTRUSTED_MANIFEST} with the signed-document reason code
     */
    public Verdict.Accepted authenticate(byte[] envelope) throws ReleaseRejected {
        Verdict verdict = verifier.authenticate(envelope, expectation, root);
        if (verdict instanceof Verdict.Rejected rejected) {
            throw new ReleaseRejected(Reason.UNTRUSTED_MANIFEST, ReleaseVerifier.MANIFEST,
                    rejected.reason() + ": " + rejected.detail() + " (trust root v" + root.version() + ")", null);
        }
        return (Verdict.Accepted) verdict;
    }

    /**
     * @param envelope an envelope that passed {@link #authenticate}
     * @return the hex key ids of the release keys that signed it validly
     */
    public java.util.Set<String> signers(byte[] envelope) {
        java.util.Set<String> signers = new java.util.TreeSet<>();
        verifier.signers(envelope, Role.RELEASE, root).forEach(keyId -> signers.add(keyId.hex()));
        return signers;
    }
}
