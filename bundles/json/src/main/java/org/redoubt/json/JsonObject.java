package org.redoubt.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An unmodifiable JSON object whose members keep the order in which they were read or put.
 *
 * <p><b>Paths.</b> An object knows its {@link #path()} in the document, {@code $} for the root.
 * Objects and arrays reached through {@link #get}, the {@code require*} and the
 * {@code optional*} methods carry their own path ({@code $.a}, {@code $.a[2]}), so that errors
 * deep in a document name where they are. Values made by a {@link Builder} are roots; they take
 * their path from where they are reached, not from where they were built. Values seen directly
 * through {@link #members()} keep the path they were made with.
 *
 * <p><b>Typed access.</b> The {@code require*} methods throw {@link JsonException} with reason
 * {@link JsonException.Reason#MISSING_MEMBER} when the member is absent,
 * {@link JsonException.Reason#WRONG_TYPE} when it has another type (a {@code null} value is a
 * value of the wrong type, not an absent member) and {@link JsonException.Reason#OUT_OF_RANGE}
 * when a number does not fit. The {@code optional*} methods return empty only when the member is
 * absent and otherwise behave as their {@code require*} twins.
 *
 * <p><b>Equality</b> is that of {@link Map}: the same names with equal values, in any order; the
 * path plays no part.
 *
 * @since 1.0
 */
public final class JsonObject implements JsonValue {

    private static final JsonObject EMPTY = new JsonObject(Map.of(), JsonPath.ROOT, 1);

    private final Map<String, JsonValue> members;
    private final JsonPath path;
    private final int depth;

    /** @param members unmodifiable and not shared with anyone who could change it */
    JsonObject(Map<String, JsonValue> members, JsonPath path, int depth) {
        this.members = members;
        this.path = path;
        this.depth = depth;
    }

    /** @return a builder for a new object */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the object without members, {@code {}} */
    public static JsonObject empty() {
        return EMPTY;
    }

    /** @return this object at {@code at}, sharing its members */
    JsonObject at(JsonPath at) {
        return path.equals(at) ? this : new JsonObject(members, at, depth);
    }

    int depth() {
        return depth;
    }

    /** @return where this object is, such as {@code $} or {@code $.bundles[3]} */
    public String path() {
        return path.toString();
    }

    /** @return the number of members */
    public int size() {
        return members.size();
    }

    /** @return whether there are no members */
    public boolean isEmpty() {
        return members.isEmpty();
    }

    /**
     * @param name a member name
     * @return whether the member is present, whatever its value (also {@code null})
     */
    public boolean has(String name) {
        return members.containsKey(name);
    }

    /** @return the member names in order, unmodifiable */
    public Set<String> names() {
        return members.keySet();
    }

    /** @return the members in order, unmodifiable; see the class comment on paths */
    public Map<String, JsonValue> members() {
        return members;
    }

    /**
     * @param name a member name
     * @return the member's value, located at its path, or empty if absent
     */
    public Optional<JsonValue> get(String name) {
        JsonValue value = members.get(name);
        return value == null ? Optional.empty() : Optional.of(Expect.located(value, path.member(name)));
    }

    /**
     * @param name a member name
     * @return the member's value of any type, located at its path
     * @throws JsonException {@link JsonException.Reason#MISSING_MEMBER} if it is absent
     */
    public JsonValue require(String name) throws JsonException {
        return Expect.located(present(name), path.member(name));
    }

    /**
     * @param name a member name
     * @return the member's string value
     * @throws JsonException if it is absent or not a string
     */
    public String requireString(String name) throws JsonException {
        return Expect.string(present(name), path.member(name));
    }

    /**
     * @param name a member name
     * @return the member's number value
     * @throws JsonException if it is absent or not a number
     */
    public JsonNumber requireNumber(String name) throws JsonException {
        return Expect.number(present(name), path.member(name));
    }

    /**
     * @param name a member name
     * @return the member's value as a long
     * @throws JsonException if it is absent, not a number, or not an integer in the range of long
     */
    public long requireLong(String name) throws JsonException {
        return Expect.longValue(present(name), path.member(name));
    }

    /**
     * @param name a member name
     * @return the member's value as an int
     * @throws JsonException if it is absent, not a number, or not an integer in the range of int
     */
    public int requireInt(String name) throws JsonException {
        return Expect.intValue(present(name), path.member(name));
    }

    /**
     * @param name a member name
     * @return the member's boolean value
     * @throws JsonException if it is absent or not {@code true} or {@code false}
     */
    public boolean requireBoolean(String name) throws JsonException {
        return Expect.bool(present(name), path.member(name));
    }

    /**
     * @param name a member name
     * @return the member's object value, located at its path
     * @throws JsonException if it is absent or not an object
     */
    public JsonObject requireObject(String name) throws JsonException {
        return Expect.object(present(name), path.member(name));
    }

    /**
     * @param name a member name
     * @return the member's array value, located at its path
     * @throws JsonException if it is absent or not an array
     */
    public JsonArray requireArray(String name) throws JsonException {
        return Expect.array(present(name), path.member(name));
    }

    /**
     * @param name a member name
     * @return the member's string value, or empty if absent
     * @throws JsonException if it is present but not a string
     */
    public Optional<String> optionalString(String name) throws JsonException {
        return has(name) ? Optional.of(requireString(name)) : Optional.empty();
    }

    /**
     * @param name a member name
     * @return the member's value as a long, or empty if absent
     * @throws JsonException if it is present but not an integer in the range of long
     */
    public OptionalLong optionalLong(String name) throws JsonException {
        return has(name) ? OptionalLong.of(requireLong(name)) : OptionalLong.empty();
    }

    /**
     * @param name a member name
     * @return the member's value as an int, or empty if absent
     * @throws JsonException if it is present but not an integer in the range of int
     */
    public OptionalInt optionalInt(String name) throws JsonException {
        return has(name) ? OptionalInt.of(requireInt(name)) : OptionalInt.empty();
    }

    /**
     * @param name a member name
     * @return the member's boolean value, or empty if absent
     * @throws JsonException if it is present but not a boolean
     */
    public Optional<Boolean> optionalBoolean(String name) throws JsonException {
        return has(name) ? Optional.of(requireBoolean(name)) : Optional.empty();
    }

    /**
     * @param name a member name
     * @return the member's object value located at its path, or empty if absent
     * @throws JsonException if it is present but not an object
     */
    public Optional<JsonObject> optionalObject(String name) throws JsonException {
        return has(name) ? Optional.of(requireObject(name)) : Optional.empty();
    }

    /**
     * @param name a member name
     * @return the member's array value located at its path, or empty if absent
     * @throws JsonException if it is present but not an array
     */
    public Optional<JsonArray> optionalArray(String name) throws JsonException {
        return has(name) ? Optional.of(requireArray(name)) : Optional.empty();
    }

    /**
     * Rejects members that the document's schema does not know.
     *
     * @param allowed the names a member may have
     * @return this object, for chaining
     * @throws JsonException {@link JsonException.Reason#UNKNOWN_MEMBER} with the path of the first
     *                       member (in order) whose name is not in {@code allowed}
     */
    public JsonObject requireOnly(Set<String> allowed) throws JsonException {
        Objects.requireNonNull(allowed, "allowed");
        for (String name : members.keySet()) {
            if (!allowed.contains(name)) {
                throw new JsonException(JsonException.Reason.UNKNOWN_MEMBER, path.member(name), "unknown member");
            }
        }
        return this;
    }

    /**
     * Makes the error for a member that has the right type but a value the document's rules do
     * not allow, for example a digest that is not 64 hex digits.
     *
     * @param name   the member's name
     * @param detail what is wrong, for people; must not contain secrets or raw input
     * @return a {@link JsonException.Reason#INVALID_VALUE} exception naming the member's path, to throw
     */
    public JsonException invalid(String name, String detail) {
        return Expect.invalid(path.member(name), Objects.requireNonNull(detail, "detail"));
    }

    private JsonValue present(String name) throws JsonException {
        JsonValue value = members.get(Objects.requireNonNull(name, "name"));
        if (value == null) {
            throw Expect.missing(path.member(name));
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonObject && members.equals(((JsonObject) other).members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    /** @return the compact JSON text of this object */
    @Override
    public String toString() {
        return JsonWriter.compact().write(this);
    }

    /**
     * Collects members for a new root object. Not thread-safe; each {@link #build()} makes an
     * independent object, so a builder may be reused.
     *
     * @since 1.0
     */
    public static final class Builder {

        private final Map<String, JsonValue> members = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param name  the member name, well-formed Unicode
         * @param value the value
         * @return this builder
         * @throws NullPointerException     if an argument is {@code null}
         * @throws IllegalArgumentException if the name has an unpaired surrogate or is already put
         */
        public Builder put(String name, JsonValue value) {
            JsonString.requireWellFormed(name, "member name");
            Objects.requireNonNull(value, "value");
            if (members.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("duplicate member " + JsonPath.ROOT.member(name));
            }
            return this;
        }

        /** Puts a string member; see {@link #put(String, JsonValue)} and {@link JsonString#of}. */
        public Builder put(String name, String value) {
            return put(name, JsonString.of(value));
        }

        /** Puts a number member; see {@link #put(String, JsonValue)}. */
        public Builder put(String name, long value) {
            return put(name, JsonNumber.of(value));
        }

        /** Puts a boolean member; see {@link #put(String, JsonValue)}. */
        public Builder put(String name, boolean value) {
            return put(name, JsonBoolean.of(value));
        }

        /** Puts a member whose value is {@code null}; see {@link #put(String, JsonValue)}. */
        public Builder putNull(String name) {
            return put(name, JsonNull.INSTANCE);
        }

        /**
         * @return a new object with the members put so far, in order
         * @throws IllegalArgumentException if it would nest deeper than {@link JsonLimits#MAX_DEPTH}
         */
        public JsonObject build() {
            int childDepth = 0;
            for (JsonValue value : members.values()) {
                childDepth = Math.max(childDepth, Shape.depthOf(value));
            }
            return new JsonObject(Collections.unmodifiableMap(new LinkedHashMap<>(members)), JsonPath.ROOT,
                    Shape.containerDepth(childDepth));
        }
    }
}
