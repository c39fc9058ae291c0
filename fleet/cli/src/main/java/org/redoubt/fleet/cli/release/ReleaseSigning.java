package org.redoubt.fleet.cli.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.DocumentException;
import org.redoubt.crypto.documents.Envelope;
import org.redoubt.crypto.documents.EnvelopeCodec;
import org.redoubt.crypto.documents.EnvelopeSignature;
import org.redoubt.crypto.documents.EnvelopeSigner;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.documents.DocumentFiles;
import org.redoubt.runtime.release.ReleaseBuilder;
import org.redoubt.runtime.release.ReleaseRules;
import org.redoubt.runtime.release.ReleaseBundle;
import org.redoubt.runtime.release.ReleaseManifestCodec;
import org.redoubt.runtime.release.ReleaseStamp;
import org.redoubt.runtime.release.ReleaseVerifier;
import org.redoubt.runtime.release.Tier;

/**
 * Builds and signs releases so that a k-of-n release role is signed by separate key holders, each
 * with only their own key file, the way policies are: the first holder builds the release
 * directory with {@link ReleaseBuilder} (which signs the manifest with that holder's key), each
 * next holder adds a signature to {@value ReleaseVerifier#MANIFEST}; the bundle files are never
 * touched after the build. Every step checks the whole directory first ({@link ReleaseCheck}), so
 * nobody signs a release a handset would refuse for anything but missing signatures.
 */
public final class ReleaseSigning {

    private final ReleaseCheck check;

    /** @param provider checks releases */
    public ReleaseSigning(CryptoProvider provider) {
        this.check = new ReleaseCheck(Objects.requireNonNull(provider, "provider"));
    }

    /**
     * A signed release directory.
     *
     * @param release    the checked release
     * @param signatures how many signatures its manifest carries now
     * @param keyIds     the key ids of the signatures just added
     */
    public record Signed(ReleaseCheck.Accepted release, int signatures, List<String> keyIds) {
        /** Copies the list. */
        public Signed {
            keyIds = List.copyOf(keyIds);
        }
    }

    /**
     * What to build.
     *
     * @param release   the release number
     * @param profile   the profile, {@code production} or {@code engineering}
     * @param tierRules tiers of bundles that declare none, by symbolic-name prefix
     * @param stamp     issue time, expiry and target
     * @param rules     the service rules the release carries (which bundle may use which driver)
     */
    public record Plan(long release, String profile, Map<String, Tier> tierRules, ReleaseStamp stamp,
            ReleaseRules rules) {
        /** Copies the rules. */
        public Plan {
            tierRules = Map.copyOf(tierRules);
            java.util.Objects.requireNonNull(rules, "rules");
        }

        /** Without service rules of its own: the driver APIs guarded, no bundle granted them. */
        public Plan(long release, String profile, Map<String, Tier> tierRules, ReleaseStamp stamp) {
            this(release, profile, tierRules, stamp, ReleaseRules.NONE);
        }
    }

    /**
     * Builds the release directory {@code output} from the jars in {@code jars}, signed by
     * {@code keys}. It is built next to {@code output} and moved there only once it passed the
     * check, so a refused build leaves nothing behind.
     *
     * @param jars   a directory of bundle jars (nothing else in it is read)
     * @param output the release directory; must not exist or be empty
     * @param plan   what to build
     * @param keys   the first key holder's release key(s)
     * @param now    the current time
     * @return the signed release
     * @throws FleetException when the jars are not bundles, the output is in use, or a handset
     *                        would refuse the release (a production release with engineering tools too)
     */
    public Signed build(Path jars, Path output, Plan plan, List<? extends SigningKey> keys, Instant now)
            throws FleetException {
        if (!Files.isDirectory(jars)) {
            throw new FleetException(jars + " is not a directory of bundle jars");
        }
        Path target = output.toAbsolutePath();
        requireEmpty(target);
        Path staging;
        try {
            Files.createDirectories(target.getParent());
            staging = Files.createTempDirectory(target.getParent(), ".fleet-release-");
        } catch (IOException e) {
            throw new FleetException("cannot create the release directory next to " + output + ": " + e.getMessage(), e);
        }
        try {
            new ReleaseBuilder(new ReleaseManifestCodec()).build(jars, staging, plan.release(), plan.profile(),
                    plan.tierRules(), plan.rules(), plan.stamp(), keys);
            ReleaseCheck.Accepted accepted = requireValid(staging, ReleaseCheck.readEnvelope(staging), now);
            requireProfileFits(accepted);
            Files.deleteIfExists(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return new Signed(accepted, keys.size(),
                    keys.stream().map(key -> key.verificationKey().keyId().hex()).toList());
        } catch (IOException e) {
            throw new FleetException("cannot build a release from " + jars + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new FleetException("cannot build a release from " + jars + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(staging);
        }
    }

    /**
     * Adds one key holder's signature to the manifest of a release directory, in place.
     *
     * @param directory the release directory other holders signed
     * @param key       this holder's release key
     * @param now       the current time
     * @return the release with the signature added at the end
     * @throws FleetException when the directory is not a release a handset would take (signatures
     *                        aside), or this key signed it already
     */
    public Signed addSignature(Path directory, SigningKey key, Instant now) throws FleetException {
        byte[] bytes = ReleaseCheck.readEnvelope(directory);
        Envelope envelope;
        try {
            envelope = EnvelopeCodec.decode(bytes, ReleaseManifestCodec.MAX_ENVELOPE_BYTES);
        } catch (DocumentException e) {
            throw new FleetException("not a valid envelope: " + e.reason() + " " + e.getMessage(), e);
        }
        if (!envelope.payloadType().equals(ReleaseManifestCodec.PAYLOAD_TYPE)) {
            throw new FleetException("the envelope holds " + envelope.payloadType() + ", not a release");
        }
        String keyId = key.verificationKey().keyId().hex();
        for (EnvelopeSignature signature : envelope.signatures()) {
            if (signature.keyId().equals(keyId)) {
                throw new FleetException("key " + keyId + " has signed this release already");
            }
        }
        if (envelope.signatures().size() >= EnvelopeCodec.MAX_SIGNATURES) {
            throw new FleetException("the manifest has the most signatures one may carry");
        }
        requireValid(directory, bytes, now);
        List<EnvelopeSignature> signatures = new ArrayList<>(envelope.signatures());
        signatures.addAll(EnvelopeSigner.sign(envelope.payloadType(), envelope.payload(), List.of(key)).signatures());
        byte[] signed = EnvelopeCodec.encode(Envelope.of(envelope.payloadType(), envelope.payload(), signatures));
        if (signed.length > ReleaseManifestCodec.MAX_ENVELOPE_BYTES) {
            throw new FleetException("the manifest would be " + signed.length + " bytes, over the cap of "
                    + ReleaseManifestCodec.MAX_ENVELOPE_BYTES);
        }
        DocumentFiles.write(directory.resolve(ReleaseVerifier.MANIFEST), signed);
        return new Signed(requireValid(directory, signed, now), signatures.size(), List.of(keyId));
    }

    private ReleaseCheck.Accepted requireValid(Path directory, byte[] envelope, Instant now) throws FleetException {
        ReleaseCheck.Outcome outcome = check.checkDocument(directory, envelope, now);
        if (outcome instanceof ReleaseCheck.Refused refused) {
            throw new FleetException("refusing to sign: " + refused.describe());
        }
        return (ReleaseCheck.Accepted) outcome;
    }

    /** Engineering tools (the Gogo shell) never go into a production release ({@link Tier#TOOLS}). */
    private static void requireProfileFits(ReleaseCheck.Accepted release) throws FleetException {
        if (!"production".equals(release.manifest().profile())) {
            return;
        }
        for (ReleaseBundle bundle : release.manifest().bundles()) {
            if (bundle.startLevel() == Tier.TOOLS.startLevel()) {
                throw new FleetException("refusing to build: " + bundle.displayName()
                        + " is an engineering tool (tier tools), never part of a production release");
            }
        }
    }

    private static void requireEmpty(Path directory) throws FleetException {
        if (!Files.exists(directory)) {
            return;
        }
        if (!Files.isDirectory(directory)) {
            throw new FleetException(directory + " exists and is not a directory");
        }
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isPresent()) {
                throw new FleetException(directory + " is not empty: a release is built into a new directory");
            }
        } catch (IOException e) {
            throw new FleetException("cannot read " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException leftOver) {
            // A staging directory that could not be removed is a hidden .fleet-release-* left next to the output.
        }
    }
}
