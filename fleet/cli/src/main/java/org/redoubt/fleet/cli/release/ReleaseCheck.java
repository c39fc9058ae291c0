package org.redoubt.fleet.cli.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.crypto.documents.TrustRootWriter;
import org.redoubt.crypto.documents.Verdict;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.json.JsonException;
import org.redoubt.json.JsonLimits;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonParser;
import org.redoubt.runtime.release.ManifestAuthenticator;
import org.redoubt.runtime.release.ReleaseBundle;
import org.redoubt.runtime.release.ReleaseManifest;
import org.redoubt.runtime.release.ReleaseManifestCodec;
import org.redoubt.runtime.release.ReleaseRejected;
import org.redoubt.runtime.release.ReleaseVerifier;
import org.redoubt.runtime.release.UnverifiedRelease;
import org.redoubt.runtime.release.VerifiedRelease;

/**
 * Checks a release directory ({@value ReleaseVerifier#MANIFEST} and {@code bundles/}) with the
 * launcher's own code: {@link ManifestAuthenticator} for the signed manifest (a threshold of the
 * release role, payload and document type, header, target), {@link ReleaseManifestCodec} for the
 * body, and {@link ReleaseVerifier} for every listed file (size, digest, declared identity, nothing
 * unlisted). On top, as the release agent does for releases that arrive over the air, the manifest
 * must not have expired.
 *
 * <p>Two ways: {@link #verify} under the root a handset trusts, and {@link #checkDocument}, which
 * is everything but the signatures: the payload is signed again by a throwaway key under a
 * throwaway root, as {@link org.redoubt.fleet.cli.documents.DocumentCheck} does for policies, so
 * that a key holder never signs a release a handset would refuse for another reason.
 */
public final class ReleaseCheck {

    /** The reason code of an expired manifest (the launcher's reasons have none: it boots expired releases). */
    public static final String EXPIRED = "EXPIRED";

    private final CryptoProvider provider;
    private final ReleaseManifestCodec codec = new ReleaseManifestCodec();

    /** @param provider checks signatures */
    public ReleaseCheck(CryptoProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** The outcome of a check. */
    public sealed interface Outcome permits Accepted, Refused {
    }

    /**
     * A release a handset would take (under the root it was checked with).
     *
     * @param header   the signed document's header
     * @param release  the manifest and the verified bytes of every bundle
     * @param envelope the exact envelope bytes of {@value ReleaseVerifier#MANIFEST}
     */
    public record Accepted(DocumentHeader header, VerifiedRelease release, byte[] envelope) implements Outcome {

        /** @return the manifest */
        public ReleaseManifest manifest() {
            return release.manifest();
        }

        /** @return the total length of the listed files */
        public long bytes() {
            return manifest().bundles().stream().mapToLong(ReleaseBundle::size).sum();
        }

        /** @return one line naming the release, its profile, size, target and expiry */
        public String summary() {
            return ReleaseManifestCodec.TYPE + " v" + header.version() + " (" + manifest().profile() + ", "
                    + manifest().bundles().size() + " bundles, " + bytes() + " bytes) for " + header.target().key()
                    + ", issued " + header.issuedAt() + ", expires " + header.expires();
        }
    }

    /**
     * A release a handset would refuse.
     *
     * @param problems every problem found, at least one
     */
    public record Refused(List<Problem> problems) implements Outcome {

        /** Copies the list. */
        public Refused {
            problems = List.copyOf(problems);
        }

        /** @return every problem on one line */
        public String describe() {
            return String.join("; ", problems.stream().map(Problem::toString).toList());
        }
    }

    /**
     * One problem.
     *
     * @param reason  a {@link ReleaseRejected.Reason} name or {@value #EXPIRED}
     * @param subject the file or bundle concerned
     * @param detail  what exactly is wrong; for {@code UNTRUSTED_MANIFEST} it starts with the
     *                signed-document reason code (e.g. {@code THRESHOLD_NOT_MET})
     */
    public record Problem(String reason, String subject, String detail) {
        @Override
        public String toString() {
            return reason + " " + subject + ": " + detail;
        }
    }

    /**
     * @param directory a release directory
     * @return the bytes of its manifest envelope
     * @throws FleetException when it is missing, unreadable or over the release envelope cap
     */
    public static byte[] readEnvelope(Path directory) throws FleetException {
        Path file = directory.resolve(ReleaseVerifier.MANIFEST);
        try {
            if (!Files.isDirectory(directory)) {
                throw new FleetException(directory + " is not a release directory");
            }
            if (Files.size(file) > ReleaseManifestCodec.MAX_ENVELOPE_BYTES) {
                throw new FleetException(file + " is over the cap of " + ReleaseManifestCodec.MAX_ENVELOPE_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new FleetException(directory + " has no " + ReleaseVerifier.MANIFEST + ": not a release directory", e);
        } catch (IOException e) {
            throw new FleetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * What a handset trusting {@code root} would say to the release in {@code directory}.
     *
     * @param directory the release directory
     * @param envelope  its manifest envelope's bytes
     * @param root      the root the handset trusts
     * @param device    the handset; empty parts are taken from the release's own target
     * @param now       the time: a manifest expiring at or before it is refused
     * @return the outcome; never throws for bad input
     */
    public Outcome verify(Path directory, byte[] envelope, TrustRoot root, DeviceIdentity device, Instant now) {
        DeviceIdentity targeted = targetedIdentity(payloadOf(envelope));
        DeviceIdentity identity = new DeviceIdentity(
                device.deviceId().isEmpty() ? targeted.deviceId() : device.deviceId(),
                device.group().isEmpty() ? targeted.group() : device.group(),
                device.hardwareModel().isEmpty() ? targeted.hardwareModel() : device.hardwareModel());
        return check(directory, envelope, envelope, new ManifestAuthenticator(new DocumentVerifier(provider), root,
                identity), now);
    }

    /**
     * Everything a handset the release targets checks except the signatures: the document under a
     * throwaway key and root, the files, the expiry.
     *
     * @param directory the release directory
     * @param envelope  its manifest envelope's bytes, whose payload is checked
     * @param now       the time: a manifest expiring at or before it is refused
     * @return the outcome; never throws for bad input
     */
    public Outcome checkDocument(Path directory, byte[] envelope, Instant now) {
        Optional<byte[]> payload = payloadOf(envelope);
        if (payload.isEmpty()) {
            return check(directory, envelope, envelope, new ManifestAuthenticator(new DocumentVerifier(provider),
                    rootTrusting(null, now), new DeviceIdentity("", "", "")), now);
        }
        try (SigningKey throwaway = provider.generateSigningKey(SignatureScheme.ED25519, DistinguishingId.NONE)) {
            byte[] resigned = EnvelopeCodec.encode(EnvelopeSigner.sign(ReleaseManifestCodec.PAYLOAD_TYPE, payload.get(),
                    List.of(throwaway)));
            return check(directory, resigned, envelope, new ManifestAuthenticator(new DocumentVerifier(provider),
                    rootTrusting(throwaway, now), targetedIdentity(payload)), now);
        }
    }

    private Outcome check(Path directory, byte[] authenticated, byte[] envelope, ManifestAuthenticator authenticator,
            Instant now) {
        Verdict.Accepted document;
        ReleaseManifest manifest;
        try {
            document = authenticator.authenticate(authenticated);
            manifest = codec.decode(document.header().version(), document.body());
        } catch (ReleaseRejected e) {
            return refused(e, List.of());
        }
        List<Problem> problems = new ArrayList<>();
        if (!document.header().expires().isAfter(now)) {
            problems.add(new Problem(EXPIRED, ReleaseVerifier.MANIFEST, "expired at " + document.header().expires()
                    + " (now " + now + ")"));
        }
        VerifiedRelease release;
        try {
            release = new ReleaseVerifier(codec, authenticator).verify(new UnverifiedRelease(directory, envelope,
                    manifest));
        } catch (ReleaseRejected e) {
            return refused(e, problems);
        }
        return problems.isEmpty() ? new Accepted(document.header(), release, envelope.clone()) : new Refused(problems);
    }

    private static Refused refused(ReleaseRejected rejected, List<Problem> earlier) {
        List<Problem> problems = new ArrayList<>(earlier);
        rejected.problems().forEach(problem -> problems.add(new Problem(problem.reason().name(), problem.subject(),
                problem.detail())));
        return new Refused(problems);
    }

    private static Optional<byte[]> payloadOf(byte[] envelope) {
        try {
            return Optional.of(EnvelopeCodec.decode(envelope, ReleaseManifestCodec.MAX_ENVELOPE_BYTES).payload());
        } catch (DocumentException malformed) {
            return Optional.empty(); // the authenticator reports it, with its reason
        }
    }

    /** The identity whose every part equals what the target names, so that only a malformed target fails. */
    private static DeviceIdentity targetedIdentity(Optional<byte[]> payload) {
        String device = "";
        String group = "";
        String model = "";
        try {
            Optional<JsonObject> target = payload.isEmpty() ? Optional.empty()
                    : JsonParser.parseObject(payload.get(), JsonLimits.DEFAULT.withMaxBytes(
                            ReleaseManifestCodec.MAX_MANIFEST_BYTES)).optionalObject("target");
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
        try (SigningKey spare = key == null ? provider.generateSigningKey(SignatureScheme.ED25519, DistinguishingId.NONE)
                : null) {
            SigningKey trusted = key == null ? spare : key;
            EnumMap<Role, TrustRootWriter.RoleEntry> roles = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                roles.put(role, new TrustRootWriter.RoleEntry(1, List.of(trusted.verificationKey())));
            }
            return TrustRoot.parse(TrustRootWriter.write(1, now, now, roles), provider);
        } catch (DocumentException e) {
            throw new IllegalStateException("a root written by TrustRootWriter did not parse", e);
        }
    }
}
