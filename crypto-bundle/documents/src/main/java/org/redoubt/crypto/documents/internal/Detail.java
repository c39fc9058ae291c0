package org.redoubt.crypto.documents.internal;

/** Makes untrusted text safe to put in a rejection's detail: quoted, printable ASCII, bounded. */
public final class Detail {

    private static final int MAX_CHARS = 64;

    private Detail() {
    }

    /**
     * @param untrusted text from a received document
     * @return it in double quotes, every character outside printable ASCII (and {@code "} and
     *         {@code \}) replaced by {@code ?}, cut to {@value #MAX_CHARS} characters with {@code ...}
     */
    public static String quote(String untrusted) {
        StringBuilder out = new StringBuilder(MAX_CHARS + 5).append('"');
        int length = Math.min(untrusted.length(), MAX_CHARS);
        for (int i = 0; i < length; i++) {
            char c = untrusted.charAt(i);
            out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
        }
        return out.append(untrusted.length() > MAX_CHARS ? "...\"" : "\"").toString();
    }
}
