package org.redoubt.crypto.documents;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.HashAlgorithm;
import org.redoubt.crypto.documents.internal.Detail;
import org.redoubt.crypto.documents.internal.HeaderReader;
import org.redoubt.crypto.documents.internal.JsonFailures;
import org.redoubt.crypto.documents.internal.ThresholdCounter;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

/**
 * The one verification pipeline for signed policies, releases and commands. Checks, in order,
 * stopping at the first failure:
 * <ol>
 * <li>size cap ({@link ReasonCode#TOO_LARGE})</li>
 * <li>envelope syntax ({@link ReasonCode#MALFORMED_ENVELOPE})</li>
 * <li>payload type ({@link ReasonCode#WRONG_PAYLOAD_TYPE})</li>
 * <li>threshold of the expected role under the current root ({@link ReasonCode#THRESHOLD_NOT_MET})</li>
 * <li>payload is a document with the common header ({@link ReasonCode#MALFORMED_DOCUMENT},
 * {@link ReasonCode#UNKNOWN_FIELD})</li>
 * <li>document type ({@link ReasonCode#WRONG_TYPE})</li>
 * <li>target ({@link ReasonCode#WRONG_TARGET})</li>
 * <li>version against the floor ({@link ReasonCode#ROLLBACK}, or {@link Verdict.AlreadyApplied}
 * for the same bytes again)</li>
 * <li>expiry against the time floor ({@link ReasonCode#EXPIRED})</li>
 * </ol>
 * Verifying changes nothing; {@link #commit} raises the floors after the caller applied the document.
 * {@link #authenticate} runs the checks up to and including the target only, for a caller that
 * enforces freshness by its own rule (the launcher re-checking the release it already committed).
 *
 * @since 1.0
 */
public final class DocumentVerifier {

    private final CryptoProvider provider;
    private final Optional<Executor> checks;

    /**
     * A verifier that checks a document's signatures one after the other.
     *
     * @param provider checks signatures and computes payload digests
     */
    public DocumentVerifier(CryptoProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.checks = Optional.empty();
    }

    /**
     * A verifier that checks the signatures of a k-of-n document at the same time: the first on
     * the caller's thread, the others on {@code checks}, so that on a multi-core handset a
     * co-signed document costs about one signature check of wall time. The verdicts are the same
     * as those of {@link #DocumentVerifier(CryptoProvider)}; an executor that refuses work (shut
     * down) leaves the checks to the caller's thread.
     *
     * @param provider checks signatures and computes payload digests
     * @param checks   runs the signature checks besides the first
     * @since 1.1
     */
    public DocumentVerifier(CryptoProvider provider, Executor checks) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.checks = Optional.of(Objects.requireNonNull(checks, "checks"));
    }

    /**
     * @param envelopeBytes the received envelope
     * @param expectation   what this channel accepts
     * @param root          the current trust root
     * @param floors        the anti-rollback floors (read only)
     * @param time          the time floor (read only)
     * @return the verdict; never throws for bad input
     */
    public Verdict verify(byte[] envelopeBytes, Expectation expectation, TrustRoot root, VersionFloors floors,
            TimeFloor time) {
        Objects.requireNonNull(envelopeBytes, "envelopeBytes");
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(floors, "floors");
        Objects.requireNonNull(time, "time");
        try {
            return check(envelopeBytes, expectation, root, floors, time);
        } catch (DocumentException e) {
            return new Verdict.Rejected(e.reason(), e.getMessage());
        }
    }

    /**
     * Which keys of a role signed an envelope validly: for a rule that names the signer, such as a
     * policy's {@code bundles.allow}. Use it only on an envelope that passed {@link #verify} or
     * {@link #authenticate}; it checks nothing else.
     *
     * @param envelopeBytes the envelope
     * @param role          the role whose keys count
     * @param root          the current trust root
     * @return the role's keys with a valid signature (empty for an envelope that cannot be read)
     * @since 1.1
     */
    public java.util.Set<org.redoubt.crypto.api.KeyId> signers(byte[] envelopeBytes, Role role, TrustRoot root) {
        try {
            Envelope envelope = EnvelopeCodec.decode(envelopeBytes, envelopeBytes.length);
            return ThresholdCounter.validSigners(envelope, root.keysOf(role), provider);
        } catch (DocumentException e) {
            return java.util.Set.of();
        }
    }

    /**
     * Checks that a document is authentic and meant for this device, without the freshness checks
     * (version floor and expiry): size cap, envelope, payload type, threshold, header, document
     * type and target. Use it only where the caller decides freshness itself and documents why.
     *
     * @param envelopeBytes the envelope
     * @param expectation   what this channel accepts
     * @param root          the current trust root
     * @return {@link Verdict.Accepted} or {@link Verdict.Rejected}; never throws for bad input
     */
    public Verdict authenticate(byte[] envelopeBytes, Expectation expectation, TrustRoot root) {
        Objects.requireNonNull(envelopeBytes, "envelopeBytes");
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(root, "root");
        try {
            return authentic(envelopeBytes, expectation, root);
        } catch (DocumentException e) {
            return new Verdict.Rejected(e.reason(), e.getMessage());
        }
    }

    /**
     * Raises the floors after the caller applied an accepted document: the anti-rollback floor of
     * its {@link FloorKey} to its version and digest, and the time floor to its issuedAt.
     *
     * @param accepted the verdict of the applied document
     * @param floors   the anti-rollback floors
     * @param time     the time floor
     */
    public void commit(Verdict.Accepted accepted, VersionFloors floors, TimeFloor time) {
        floors.raise(accepted.floorKey(), new VersionFloor(accepted.header().version(), accepted.payloadDigest()));
        if (accepted.header().issuedAt().isAfter(time.notEarlierThan())) {
            time.raiseTo(accepted.header().issuedAt());
        }
    }

    private Verdict check(byte[] envelopeBytes, Expectation expectation, TrustRoot root, VersionFloors floors,
            TimeFloor time) throws DocumentException {
        Verdict authentic = authentic(envelopeBytes, expectation, root);
        if (!(authentic instanceof Verdict.Accepted accepted)) {
            return authentic;
        }
        DocumentHeader header = accepted.header();
        Optional<VersionFloor> floor = floors.floor(accepted.floorKey());
        if (floor.isPresent()) {
            long highest = floor.get().version();
            if (header.version() < highest) {
                return reject(ReasonCode.ROLLBACK, "version " + header.version() + " is below " + highest);
            }
            if (header.version() == highest) {
                return floor.get().sameBytes(accepted.payloadDigest()) ? new Verdict.AlreadyApplied(header)
                        : reject(ReasonCode.ROLLBACK, "version " + highest + " again with different bytes");
            }
        }
        if (!header.expires().isAfter(time.notEarlierThan())) {
            return reject(ReasonCode.EXPIRED, "expired at " + header.expires());
        }
        return accepted;
    }

    private Verdict authentic(byte[] envelopeBytes, Expectation expectation, TrustRoot root) throws DocumentException {
        Envelope envelope = EnvelopeCodec.decode(envelopeBytes, expectation.maxBytes());
        if (!envelope.payloadType().equals(expectation.payloadType())) {
            return reject(ReasonCode.WRONG_PAYLOAD_TYPE, "payload type " + Detail.quote(envelope.payloadType()));
        }
        boolean met = checks.isPresent()
                ? ThresholdCounter.meets(envelope, root, expectation.role(), provider, checks.get())
                : ThresholdCounter.meets(envelope, root, expectation.role(), provider);
        if (!met) {
            return reject(ReasonCode.THRESHOLD_NOT_MET, "fewer than " + root.role(expectation.role()).threshold()
                    + " valid signatures by distinct " + expectation.role().id() + " keys");
        }
        byte[] payload = envelope.payload();
        JsonObject document;
        DocumentHeader header;
        try {
            document = JsonParser.parseObject(payload, JsonLimits.DEFAULT.withMaxBytes(expectation.maxBytes()))
                    .requireOnly(HeaderReader.DOCUMENT_MEMBERS);
            header = HeaderReader.read(document);
            if (!header.type().equals(expectation.documentType())) {
                return reject(ReasonCode.WRONG_TYPE, "document type " + Detail.quote(header.type()));
            }
            if (!header.target().matches(expectation.device())) {
                return reject(ReasonCode.WRONG_TARGET, "target " + Detail.quote(header.target().key()) + " is not this device");
            }
            document = document.requireObject("body");
        } catch (JsonException e) {
            throw JsonFailures.ofDocument(e);
        }
        byte[] digest = provider.digest(HashAlgorithm.SHA256, payload);
        FloorKey floorKey = new FloorKey(expectation.role(), header.type(), header.target().key());
        return new Verdict.Accepted(header, document, payload, digest, floorKey);
    }

    private static Verdict reject(ReasonCode reason, String detail) {
        return new Verdict.Rejected(reason, detail);
    }
}
