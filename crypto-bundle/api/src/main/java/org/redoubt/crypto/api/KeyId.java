package org.redoubt.crypto.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A key's identifier: the lower-case hex SHA-256 of its DER SubjectPublicKeyInfo, whatever the
 * key's suite (so that one root can list keys of both suites under one kind of identifier).
 *
 * @param hex 64 lower-case hex digits
 * @since 1.0
 */
public record KeyId(String hex) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * @throws IllegalArgumentException when {@code hex} is not 64 lower-case hex digits
     */
    public KeyId {
        Objects.requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a key id is 64 lower-case hex digits");
        }
    }

    /**
     * @param subjectPublicKeyInfo the DER encoding of the public key
     * @return its key id
     */
    public static KeyId of(byte[] subjectPublicKeyInfo) {
        try {
            return new KeyId(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(subjectPublicKeyInfo)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
