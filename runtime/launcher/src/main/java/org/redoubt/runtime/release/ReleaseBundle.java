package org.redoubt.runtime.release;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One bundle as a release lists it.
 *
 * @param symbolicName the Bundle-SymbolicName the file must declare
 * @param version      the Bundle-Version the file must declare
 * @param file         the file, relative to the release directory: {@code bundles/<name>.jar}
 * @param digest       the digest of the whole file
 * @param size         the file's length in bytes
 * @param startLevel   the start level it gets (see {@link Tier})
 */
public record ReleaseBundle(String symbolicName, String version, String file, BundleDigest digest, long size,
        int startLevel) {

    /** The largest bundle file a release may list. */
    public static final long MAX_SIZE = 64L * 1024 * 1024;

    private static final Pattern FILE = Pattern.compile("bundles/[A-Za-z0-9][A-Za-z0-9._-]{0,127}\\.jar");
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    /** Validates every field; a violation is a malformed manifest. */
    public ReleaseBundle {
        Objects.requireNonNull(digest, "digest");
        if (symbolicName == null || !SYMBOLIC_NAME.matcher(symbolicName).matches()) {
            throw new IllegalArgumentException("invalid bundle symbolic name '" + symbolicName + "'");
        }
        if (version == null || version.isEmpty()) {
            throw new IllegalArgumentException(symbolicName + ": version is missing");
        }
        if (file == null || !FILE.matcher(file).matches() || file.contains("..")) {
            throw new IllegalArgumentException(symbolicName + ": file must be bundles/<name>.jar, got '" + file + "'");
        }
        if (size <= 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException(symbolicName + ": size " + size + " is outside 1.." + MAX_SIZE);
        }
        if (startLevel < 1 || startLevel > Tier.highestStartLevel()) {
            throw new IllegalArgumentException(symbolicName + ": start level " + startLevel + " is outside 1.."
                    + Tier.highestStartLevel());
        }
    }

    /** @return {@code bsn version}, how messages name the bundle */
    public String displayName() {
        return symbolicName + " " + version;
    }
}
