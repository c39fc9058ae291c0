package org.redoubt.crypto.bc.internal;

import java.util.HexFormat;

/** Hex helpers for test vectors. */
final class Hex {

    private Hex() {
    }

    static byte[] decode(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", "").toLowerCase());
    }

    static String encode(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
