package org.redoubt.runtime.release;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import org.redoubt.crypto.api.CryptoProvider;
import org.redoubt.crypto.api.SigningKey;
import org.redoubt.crypto.documents.EnvelopeCodec;
import org.redoubt.crypto.documents.EnvelopeSigner;
import org.redoubt.crypto.documents.Role;
import org.redoubt.crypto.documents.Target;
import org.redoubt.runtime.release.ReleaseVerifier.BundleIdentity;

/**
 * Builds a release directory from a directory of bundle jars (the resolved run bundles of a
 * {@code .bndrun}): copies each jar to {@code bundles/<bsn>-<version>.jar}, digests it, gives it the
 * start level of its {@link Tier}, and writes the signed manifest {@value ReleaseVerifier#MANIFEST}.
 * The same jars give the same release document; the envelope's signatures depend on the keys.
 */
public final class ReleaseBuilder {

    /** How long a development release stays valid for the update agent. */
    private static final Duration RELEASE_LIFETIME = Duration.ofDays(365);

    private final ReleaseManifestCodec codec;

    /** @param codec writes the manifest */
    public ReleaseBuilder(ReleaseManifestCodec codec) {
        this.codec = codec;
    }

    /**
     * @param jars      directory with the bundle jars (nothing else is read)
     * @param output    the release directory to create; must not exist or be empty
     * @param release   the release number
     * @param profile   the profile name
     * @param tierRules tiers for bundles that do not declare {@value Tier#HEADER}, by symbolic-name
     *                  prefix (e.g. {@code org.apache.felix.gogo.} -> TOOLS); the rest are CORE
     * @param stamp     issue time, expiry and target of the release document
     * @param signers   the release-role keys that sign it
     * @return the manifest written
     * @throws IOException when reading or writing fails or a jar is not a bundle
     */
    public ReleaseManifest build(Path jars, Path output, long release, String profile, Map<String, Tier> tierRules,
            ReleaseStamp stamp, List<? extends SigningKey> signers) throws IOException {
        return build(jars, output, release, profile, tierRules, ReleaseRules.NONE, stamp, signers);
    }

    /**
     * As {@link #build(Path, Path, long, String, Map, ReleaseStamp, List)}, with service rules.
     *
     * @param rules the service rules the release carries
     * @return the manifest written
     * @throws IOException when reading or writing fails or a jar is not a bundle
     */
    public ReleaseManifest build(Path jars, Path output, long release, String profile, Map<String, Tier> tierRules,
            ReleaseRules rules, ReleaseStamp stamp, List<? extends SigningKey> signers) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        List<ReleaseBundle> bundles = new ArrayList<>();
        for (Path jar : sortedJars(jars)) {
            byte[] content = Files.readAllBytes(jar);
            BundleIdentity identity = BundleIdentity.read(content);
            Tier tier = identity.tier() != null ? Tier.named(identity.tier()) : ruleTier(identity, tierRules);
            String file = ReleaseVerifier.BUNDLES + "/" + identity.symbolicName() + "-" + identity.version() + ".jar";
            bundles.add(new ReleaseBundle(identity.symbolicName(), identity.version(), file,
                    BundleDigest.sha256Of(content), content.length, tier.startLevel()));
            contents.put(file, content);
        }
        bundles.sort(Comparator.comparingInt(ReleaseBundle::startLevel).thenComparing(ReleaseBundle::symbolicName));
        ReleaseManifest manifest = new ReleaseManifest(release, profile, bundles, rules);
        Files.createDirectories(output.resolve(ReleaseVerifier.BUNDLES));
        for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
            Files.write(output.resolve(entry.getKey()), entry.getValue());
        }
        Files.write(output.resolve(ReleaseVerifier.MANIFEST), sign(manifest, stamp, signers));
        return manifest;
    }

    /**
     * @param manifest a manifest
     * @param stamp    its header
     * @param signers  the release-role keys
     * @return the DSSE envelope over the release document
     */
    public byte[] sign(ReleaseManifest manifest, ReleaseStamp stamp, List<? extends SigningKey> signers) {
        return EnvelopeCodec.encode(EnvelopeSigner.sign(ReleaseManifestCodec.PAYLOAD_TYPE,
                codec.encode(manifest, stamp), signers));
    }

    private static Tier ruleTier(BundleIdentity identity, Map<String, Tier> rules) {
        return rules.entrySet().stream()
                .filter(rule -> identity.symbolicName().startsWith(rule.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(Tier.CORE);
    }

    private static List<Path> sortedJars(Path directory) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.jar")) {
            stream.forEach(jars::add);
        }
        if (jars.isEmpty()) {
            throw new IOException("no bundle jars in " + directory);
        }
        jars.sort(Comparator.comparing(Path::toString));
        return jars;
    }

    /**
     * Build-time entry point:
     * {@code ReleaseBuilder JARS_DIR OUTPUT_DIR RELEASE PROFILE KEYS_DIR MODEL [--rules=FILE] [PREFIX=TIER]...}.
     * Signs with the development keys in {@code KEYS_DIR} (created there on first use), targets
     * the hardware model {@code MODEL}, and puts the signed development root next to the manifest
     * as {@code root.json}, where the launcher finds the factory root. {@code --rules=FILE} is a JSON
     * file holding the body's {@code services} object (the reviewed service rules).
     *
     * @param args the arguments above
     * @throws Exception on any failure (the build fails with it)
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            throw new IllegalArgumentException(
                    "usage: ReleaseBuilder JARS_DIR OUTPUT_DIR RELEASE PROFILE KEYS_DIR MODEL [--rules=FILE] [PREFIX=TIER]...");
        }
        Map<String, Tier> rules = new LinkedHashMap<>();
        ReleaseRules serviceRules = ReleaseRules.NONE;
        for (int i = 6; i < args.length; i++) {
            if (args[i].startsWith(RULES_OPTION)) {
                serviceRules = readRules(Path.of(args[i].substring(RULES_OPTION.length())));
                continue;
            }
            String[] rule = args[i].split("=", 2);
            if (rule.length != 2) {
                throw new IllegalArgumentException("tier rule must be PREFIX=TIER, got '" + args[i] + "'");
            }
            rules.put(rule[0], Tier.named(rule[1]));
        }
        CryptoProvider provider = ServiceLoader.load(CryptoProvider.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no CryptoProvider on the class path"));
        Path output = Path.of(args[1]);
        deleteRecursively(output);
        Instant now = Instant.now();
        try (DevelopmentKeys keys = DevelopmentKeys.loadOrCreate(Path.of(args[4]), provider, now)) {
            ReleaseStamp stamp = new ReleaseStamp(now, now.plus(RELEASE_LIFETIME),
                    new Target(Optional.empty(), Optional.empty(), Optional.of(args[5])));
            ReleaseManifest manifest = new ReleaseBuilder(new ReleaseManifestCodec())
                    .build(Path.of(args[0]), output, Long.parseLong(args[2]), args[3], rules, serviceRules, stamp,
                            List.of(keys.key(Role.RELEASE)));
            Files.write(output.resolve(DevelopmentKeys.ROOT_FILE), keys.rootEnvelope());
            System.out.println("release " + manifest.release() + " (" + manifest.profile() + "): "
                    + manifest.bundles().size() + " bundles, signed with the development release key -> " + output);
        }
    }

    private static final String RULES_OPTION = "--rules=";

    /**
     * @param file a JSON file holding a release body's {@code services} object
     * @return the service rules in it, read as strictly as a manifest
     * @throws IOException when it cannot be read or is not valid rules; the message names the problem
     */
    public static ReleaseRules readRules(Path file) throws IOException {
        byte[] bytes = BoundedFiles.read(file, ReleaseManifestCodec.MAX_MANIFEST_BYTES);
        try {
            return new ReleaseManifestCodec().decodeRules(
                    org.redoubt.json.JsonParser.parseObject(bytes, org.redoubt.json.JsonLimits.DEFAULT));
        } catch (org.redoubt.json.JsonException | ReleaseRejected e) {
            throw new IOException("invalid service rules in " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
