package org.redoubt.json;

/**
 * Bounds that {@link JsonParser} enforces while it reads, so that a hostile document is rejected
 * before it costs more than these amounts of memory and time.
 *
 * @param maxBytes        largest input in bytes (UTF-8 bytes also for text input); at least 1
 * @param maxDepth        deepest nesting of objects and arrays, the outermost one counting 1 (so
 *                        {@code []} has depth 1 and a scalar document depth 0); from 1 to
 *                        {@link #MAX_DEPTH}
 * @param maxStringLength longest string or member name, in UTF-16 {@code char}s after
 *                        unescaping; at least 1
 * @param maxMembers      most members of one object or elements of one array; at least 1
 * @since 1.0
 */
public record JsonLimits(int maxBytes, int maxDepth, int maxStringLength, int maxMembers) {

    /**
     * The ceiling for {@link #maxDepth()}, and the deepest nesting any {@link JsonValue} may have.
     * It keeps recursion over values far from the end of the thread stack.
     */
    public static final int MAX_DEPTH = 1000;

    /** 1 MiB, depth 32, strings up to 64 Ki chars, 10,000 members: ample for manifests and policies. */
    public static final JsonLimits DEFAULT = new JsonLimits(1 << 20, 32, 64 * 1024, 10_000);

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException if a bound is outside the range documented for it
     */
    public JsonLimits {
        requireAtLeastOne(maxBytes, "maxBytes");
        requireAtLeastOne(maxDepth, "maxDepth");
        requireAtLeastOne(maxStringLength, "maxStringLength");
        requireAtLeastOne(maxMembers, "maxMembers");
        if (maxDepth > MAX_DEPTH) {
            throw new IllegalArgumentException("maxDepth must be at most " + MAX_DEPTH + ": " + maxDepth);
        }
    }

    private static void requireAtLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
    }

    /**
     * @param maxBytes the new bound
     * @return these limits with {@code maxBytes} replaced
     * @throws IllegalArgumentException if the bound is out of range
     */
    public JsonLimits withMaxBytes(int maxBytes) {
        return new JsonLimits(maxBytes, maxDepth, maxStringLength, maxMembers);
    }

    /**
     * @param maxDepth the new bound
     * @return these limits with {@code maxDepth} replaced
     * @throws IllegalArgumentException if the bound is out of range
     */
    public JsonLimits withMaxDepth(int maxDepth) {
        return new JsonLimits(maxBytes, maxDepth, maxStringLength, maxMembers);
    }

    /**
     * @param maxStringLength the new bound
     * @return these limits with {@code maxStringLength} replaced
     * @throws IllegalArgumentException if the bound is out of range
     */
    public JsonLimits withMaxStringLength(int maxStringLength) {
        return new JsonLimits(maxBytes, maxDepth, maxStringLength, maxMembers);
    }

    /**
     * @param maxMembers the new bound
     * @return these limits with {@code maxMembers} replaced
     * @throws IllegalArgumentException if the bound is out of range
     */
    public JsonLimits withMaxMembers(int maxMembers) {
        return new JsonLimits(maxBytes, maxDepth, maxStringLength, maxMembers);
    }
}
