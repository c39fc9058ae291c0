package org.redoubt.runtime.release;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.redoubt.runtime.release.ReleaseVerifier.BundleIdentity;

/**
 * Builds a release directory from a directory of bundle jars (the resolved run bundles of a
 * {@code .bndrun}): copies each jar to {@code bundles/<bsn>-<version>.jar}, digests it, gives it the
 * start level of its {@link Tier}, and writes {@code release.json}. The output is deterministic:
 * the same jars give the same manifest bytes.
 */
public final class ReleaseBuilder {

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
     * @return the manifest written
     * @throws IOException when reading or writing fails or a jar is not a bundle
     */
    public ReleaseManifest build(Path jars, Path output, long release, String profile, Map<String, Tier> tierRules)
            throws IOException {
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
        ReleaseManifest manifest = new ReleaseManifest(release, profile, bundles);
        Files.createDirectories(output.resolve(ReleaseVerifier.BUNDLES));
        for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
            Files.write(output.resolve(entry.getKey()), entry.getValue());
        }
        Files.write(output.resolve(ReleaseVerifier.MANIFEST), codec.encode(manifest));
        return manifest;
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
     * {@code ReleaseBuilder JARS_DIR OUTPUT_DIR RELEASE PROFILE [PREFIX=TIER]...}.
     *
     * @param args the arguments above
     * @throws Exception on any failure (the build fails with it)
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            throw new IllegalArgumentException(
                    "usage: ReleaseBuilder JARS_DIR OUTPUT_DIR RELEASE PROFILE [PREFIX=TIER]...");
        }
        Map<String, Tier> rules = new LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            String[] rule = args[i].split("=", 2);
            if (rule.length != 2) {
                throw new IllegalArgumentException("tier rule must be PREFIX=TIER, got '" + args[i] + "'");
            }
            rules.put(rule[0], Tier.named(rule[1]));
        }
        Path output = Path.of(args[1]);
        deleteRecursively(output);
        ReleaseManifest manifest = new ReleaseBuilder(new ReleaseManifestCodec())
                .build(Path.of(args[0]), output, Long.parseLong(args[2]), args[3], rules);
        System.out.println("release " + manifest.release() + " (" + manifest.profile() + "): "
                + manifest.bundles().size() + " bundles -> " + output);
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
