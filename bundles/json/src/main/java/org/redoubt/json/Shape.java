package org.redoubt.json;

/** Structural facts about a value: how deeply it nests and what kind it is, for messages. */
final class Shape {

    private Shape() {
    }

    /** @return 0 for a scalar, else 1 plus the depth of the deepest member or element */
    static int depthOf(JsonValue value) {
        if (value instanceof JsonObject) {
            return ((JsonObject) value).depth();
        }
        if (value instanceof JsonArray) {
            return ((JsonArray) value).depth();
        }
        return 0;
    }

    /**
     * @param childDepth the depth of the deepest member or element (0 when there is none)
     * @return the depth of a container holding it
     * @throws IllegalArgumentException if that exceeds {@link JsonLimits#MAX_DEPTH}
     */
    static int containerDepth(int childDepth) {
        if (childDepth >= JsonLimits.MAX_DEPTH) {
            throw new IllegalArgumentException("values may not nest deeper than " + JsonLimits.MAX_DEPTH);
        }
        return childDepth + 1;
    }

    /** @return "an object", "a string", ... as used in messages */
    static String describe(JsonValue value) {
        if (value instanceof JsonObject) {
            return "an object";
        }
        if (value instanceof JsonArray) {
            return "an array";
        }
        if (value instanceof JsonString) {
            return "a string";
        }
        if (value instanceof JsonNumber) {
            return "a number";
        }
        if (value instanceof JsonBoolean) {
            return "a boolean";
        }
        return "null";
    }
}
