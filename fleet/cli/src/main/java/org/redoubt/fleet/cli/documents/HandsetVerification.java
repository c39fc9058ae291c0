package org.redoubt.fleet.cli.documents;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.crypto.documents.DocumentVerifier;
import org.redoubt.crypto.documents.Expectation;
import org.redoubt.crypto.documents.ReasonCode;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.documents.Verdict;

/**
 * What a handset would say to a signed policy or command: {@link DocumentVerifier#verify} under a
 * root, for one device identity, with no version floors (the tool cannot know what each handset
 * applied last) and a time floor of now; then the body, as the handset reads it.
 */
public final class HandsetVerification {

    private final DocumentVerifier verifier;

    /** @param provider checks signatures */
    public HandsetVerification(CryptoProvider provider) {
        this.verifier = new DocumentVerifier(Objects.requireNonNull(provider, "provider"));
    }

    /**
     * The handset's answer.
     *
     * @param reason empty when accepted, otherwise why not
     * @param detail what was accepted, or what is wrong
     */
    public record Answer(Optional<ReasonCode> reason, String detail) {

        /** @return whether the handset would apply the document */
        public boolean accepted() {
            return reason.isEmpty();
        }
    }

    /**
     * @param kind     a policy or a command
     * @param envelope the signed envelope's bytes
     * @param root     the root the handset trusts
     * @param device   the handset
     * @param now      the time floor
     * @return the answer; never throws for bad input
     */
    public Answer verify(DocumentKind kind, byte[] envelope, TrustRoot root, DeviceIdentity device, Instant now) {
        if (kind == DocumentKind.ROOT) {
            throw new IllegalArgumentException("a root is verified by RootRotation");
        }
        Verdict verdict = verifier.verify(envelope, new Expectation(kind.role(), kind.payloadType(), kind.documentType(),
                device, DocumentKind.MAX_ENVELOPE_BYTES), root, RecordedTime.NO_FLOORS, new RecordedTime(now));
        if (verdict instanceof Verdict.Rejected rejected) {
            return new Answer(Optional.of(rejected.reason()), rejected.detail());
        }
        Verdict.Accepted accepted = (Verdict.Accepted) verdict;
        Optional<BodyRules.Problem> problem = BodyRules.check(kind, accepted.body());
        if (problem.isPresent()) {
            return new Answer(Optional.of(problem.get().reason()), problem.get().detail());
        }
        return new Answer(Optional.empty(), accepted.header().type() + " v" + accepted.header().version() + " for "
                + accepted.header().target().key());
    }
}
