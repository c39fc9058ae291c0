package org.redoubt.fleet.cli.documents;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.DeviceIdentity;
import org.redoubt.crypto.documents.DocumentException;
import org.redoubt.crypto.documents.DocumentHeader;
import org.redoubt.crypto.documents.DocumentVerifier;
import org.redoubt.crypto.documents.EnvelopeCodec;
import org.redoubt.crypto.documents.EnvelopeSigner;
import org.redoubt.crypto.documents.Expectation;
import org.redoubt.crypto.documents.ReasonCode;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.documents.TrustRootWriter;
import org.redoubt.crypto.documents.Verdict;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;

/**
 * Checks an unsigned document as strictly as a handset will, before anyone signs it: the header
 * and its target, then the body (a policy with {@link org.redoubt.policy.PolicyReader}, a command with
 * {@link org.redoubt.policy.CommandReader#read}), a root with {@link TrustRoot#parse}, and that it has not expired.
 *
 * <p>The header is checked by the handset's own pipeline, {@link DocumentVerifier#authenticate},
 * on the document signed by a throwaway key under a throwaway root that trusts that key for every
 * role, with the device identity the document's own target names. The documents bundle keeps its
 * header reader private, and checking the header a second way here could disagree with the
 * handset; this way the verdict is the handset's by construction.
 */
public final class DocumentCheck {

    private static final Pattern PATH = Pattern.compile(" at (\\$\\S*)$");

    private final CryptoProvider provider;

    /** @param provider signs and verifies the throwaway envelope, parses roots */
    public DocumentCheck(CryptoProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** The outcome of a check. */
    public sealed interface Outcome permits Valid, Invalid {
    }

    /**
     * A document a handset would take (signatures, target and version floor aside).
     *
     * @param kind    what it is
     * @param version its version
     * @param summary one line naming type, version, target and expiry
     */
    public record Valid(DocumentKind kind, long version, String summary) implements Outcome {
    }

    /**
     * A document a handset would refuse.
     *
     * @param reason the reason code the handset would ack
     * @param path   where in the document, when known (e.g. {@code $.body.radios.nfc})
     * @param detail what is wrong
     */
    public record Invalid(ReasonCode reason, Optional<String> path, String detail) implements Outcome {
    }

    /**
     * @param kind     what the document should be
     * @param document the document's bytes (a payload, not an envelope)
     * @param now      the current time; a document expiring at or before it is {@code EXPIRED}
     * @return the outcome; never throws for bad input
     */
    public Outcome check(DocumentKind kind, byte[] document, Instant now) {
        if (kind == DocumentKind.ROOT) {
            return checkRoot(document, now);
        }
        Verdict verdict;
        try (SigningKey throwaway = provider.generateSigningKey(SignatureScheme.ED25519, DistinguishingId.NONE)) {
            byte[] envelope = EnvelopeCodec.encode(EnvelopeSigner.sign(kind.payloadType(), document, List.of(throwaway)));
            Expectation expectation = new Expectation(kind.role(), kind.payloadType(), kind.documentType(),
                    targetedIdentity(document), DocumentKind.MAX_ENVELOPE_BYTES);
            verdict = new DocumentVerifier(provider).authenticate(envelope, expectation, rootTrusting(throwaway, now));
        }
        if (verdict instanceof Verdict.Rejected rejected) {
            return invalid(rejected.reason(), rejected.detail());
        }
        Verdict.Accepted accepted = (Verdict.Accepted) verdict;
        Optional<BodyRules.Problem> problem = BodyRules.check(kind, accepted.body());
        if (problem.isPresent()) {
            return new Invalid(problem.get().reason(), problem.get().path(), problem.get().detail());
        }
        DocumentHeader header = accepted.header();
        if (!header.expires().isAfter(now)) {
            return new Invalid(ReasonCode.EXPIRED, Optional.of("$.expires"), "expired at " + header.expires());
        }
        return new Valid(kind, header.version(), header.type() + " v" + header.version() + " for "
                + header.target().key() + ", issued " + header.issuedAt() + ", expires " + header.expires());
    }

    private Outcome checkRoot(byte[] document, Instant now) {
        try {
            TrustRoot root = TrustRoot.parse(document, provider);
            if (!root.expires().isAfter(now)) {
                return new Invalid(ReasonCode.EXPIRED, Optional.of("$.expires"), "expired at " + root.expires());
            }
            return new Valid(DocumentKind.ROOT, root.version(), TrustRoot.DOCUMENT_TYPE + " v" + root.version()
                    + " with " + root.keys().size() + " keys, issued " + root.issuedAt() + ", expires " + root.expires());
        } catch (DocumentException e) {
            return invalid(e.reason(), e.getMessage());
        }
    }

    private static Invalid invalid(ReasonCode reason, String detail) {
        Matcher path = PATH.matcher(detail);
        return new Invalid(reason, path.find() ? Optional.of(path.group(1)) : Optional.empty(), detail);
    }

    /** The identity whose every part equals what the target names, so that only a malformed target fails. */
    private static DeviceIdentity targetedIdentity(byte[] document) {
        String device = "";
        String group = "";
        String model = "";
        try {
            Optional<JsonObject> target = JsonParser.parseObject(document, JsonLimits.DEFAULT).optionalObject("target");
            if (target.isPresent()) {
                device = target.get().optionalString("device").orElse("");
                group = target.get().optionalString("group").orElse("");
                model = target.get().optionalString("model").orElse("");
            }
        } catch (JsonException malformed) {
            // The pipeline reports it, with its reason and path.
        }
        return new DeviceIdentity(device, group, model);
    }

    private TrustRoot rootTrusting(SigningKey key, Instant now) {
        Map<Role, TrustRootWriter.RoleEntry> roles = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            roles.put(role, new TrustRootWriter.RoleEntry(1, List.of(key.verificationKey())));
        }
        try {
            return TrustRoot.parse(TrustRootWriter.write(1, now, now, roles), provider);
        } catch (DocumentException e) {
            throw new IllegalStateException("a root written by TrustRootWriter did not parse", e);
        }
    }
}
