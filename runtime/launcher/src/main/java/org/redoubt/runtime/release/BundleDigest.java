package org.redoubt.runtime.release;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The digest that pins one bundle file in a release, written {@code algorithm:hex}.
 *
 * <p>Only {@code sha256} exists today; the SM suite adds {@code sm3} through the crypto bundle.
 * An unknown algorithm is a malformed manifest, never a skipped check.
 */
public final class BundleDigest {

    /** The one algorithm the launcher computes on its own. */
    public static final String SHA256 = "sha256";

    private final String algorithm;
    private final byte[] value;

    private BundleDigest(String algorithm, byte[] value) {
        this.algorithm = algorithm;
        this.value = value;
    }

    /**
     * @param content the bytes to digest
     * @return their SHA-256 digest
     */
    public static BundleDigest sha256Of(byte[] content) {
        return new BundleDigest(SHA256, sha256().digest(content));
    }

    /**
     * Parses {@code sha256:<64 lower-case hex digits>}.
     *
     * @param text the text form
     * @return the digest
     * @throws IllegalArgumentException when the text is not a supported digest
     */
    public static BundleDigest parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("digest must be written algorithm:hex, got '" + text + "'");
        }
        String algorithm = text.substring(0, colon);
        String hex = text.substring(colon + 1);
        if (!SHA256.equals(algorithm)) {
            throw new IllegalArgumentException("unsupported digest algorithm '" + algorithm + "'");
        }
        if (hex.length() != 64 || !hex.equals(hex.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("sha256 digest must be 64 lower-case hex digits");
        }
        try {
            return new BundleDigest(algorithm, HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sha256 digest is not hex: " + e.getMessage(), e);
        }
    }

    /**
     * Digests {@code content} with this digest's algorithm and compares in constant time.
     *
     * @param content the bytes to check
     * @return whether they have this digest
     */
    public boolean matches(byte[] content) {
        return MessageDigest.isEqual(value, sha256().digest(content));
    }

    /** @return the algorithm name, e.g. {@code sha256} */
    public String algorithm() {
        return algorithm;
    }

    @Override
    public String toString() {
        return algorithm + ":" + HexFormat.of().formatHex(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BundleDigest digest && algorithm.equals(digest.algorithm)
                && Arrays.equals(value, digest.value);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + Arrays.hashCode(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
