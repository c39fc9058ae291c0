package org.redoubt.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An unmodifiable JSON array.
 *
 * <p>Paths, typed access and errors work as described for {@link JsonObject}: an element that
 * does not exist is reported as {@link JsonException.Reason#MISSING_MEMBER} at
 * {@code path[index]}. Equality is that of {@link List}: equal elements in the same order; the
 * path plays no part.
 *
 * @since 1.0
 */
public final class JsonArray implements JsonValue {

    private static final JsonArray EMPTY = new JsonArray(List.of(), JsonPath.ROOT, 1);

    private final List<JsonValue> elements;
    private final JsonPath path;
    private final int depth;

    /** @param elements unmodifiable and not shared with anyone who could change it */
    JsonArray(List<JsonValue> elements, JsonPath path, int depth) {
        this.elements = elements;
        this.path = path;
        this.depth = depth;
    }

    /**
     * @param values the elements, in order
     * @return a new root array holding them
     * @throws NullPointerException     if an element is {@code null}
     * @throws IllegalArgumentException if it would nest deeper than {@link JsonLimits#MAX_DEPTH}
     */
    public static JsonArray of(JsonValue... values) {
        return of(Arrays.asList(values));
    }

    /**
     * @param values the elements, in order
     * @return a new root array holding them
     * @throws NullPointerException     if an element is {@code null}
     * @throws IllegalArgumentException if it would nest deeper than {@link JsonLimits#MAX_DEPTH}
     */
    public static JsonArray of(List<? extends JsonValue> values) {
        List<JsonValue> copy = List.copyOf(values);
        if (copy.isEmpty()) {
            return EMPTY;
        }
        int childDepth = 0;
        for (JsonValue value : copy) {
            childDepth = Math.max(childDepth, Shape.depthOf(value));
        }
        return new JsonArray(copy, JsonPath.ROOT, Shape.containerDepth(childDepth));
    }

    /** @return a builder for a new array */
    public static Builder builder() {
        return new Builder();
    }

    /** @return this array at {@code at}, sharing its elements */
    JsonArray at(JsonPath at) {
        return path.equals(at) ? this : new JsonArray(elements, at, depth);
    }

    int depth() {
        return depth;
    }

    /** @return where this array is, such as {@code $.bundles} */
    public String path() {
        return path.toString();
    }

    /** @return the number of elements */
    public int size() {
        return elements.size();
    }

    /** @return whether there are no elements */
    public boolean isEmpty() {
        return elements.isEmpty();
    }

    /** @return the elements in order, unmodifiable; see {@link JsonObject} on paths */
    public List<JsonValue> elements() {
        return elements;
    }

    /**
     * @param index an element index
     * @return the element of any type, located at its path
     * @throws JsonException {@link JsonException.Reason#MISSING_MEMBER} if there is no such element
     */
    public JsonValue require(int index) throws JsonException {
        return Expect.located(present(index), path.element(index));
    }

    /**
     * @param index an element index
     * @return the element's string value
     * @throws JsonException if there is no such element or it is not a string
     */
    public String requireString(int index) throws JsonException {
        return Expect.string(present(index), path.element(index));
    }

    /**
     * @param index an element index
     * @return the element's number value
     * @throws JsonException if there is no such element or it is not a number
     */
    public JsonNumber requireNumber(int index) throws JsonException {
        return Expect.number(present(index), path.element(index));
    }

    /**
     * @param index an element index
     * @return the element as a long
     * @throws JsonException if there is no such element or it is not an integer in the range of long
     */
    public long requireLong(int index) throws JsonException {
        return Expect.longValue(present(index), path.element(index));
    }

    /**
     * @param index an element index
     * @return the element as an int
     * @throws JsonException if there is no such element or it is not an integer in the range of int
     */
    public int requireInt(int index) throws JsonException {
        return Expect.intValue(present(index), path.element(index));
    }

    /**
     * @param index an element index
     * @return the element's boolean value
     * @throws JsonException if there is no such element or it is not a boolean
     */
    public boolean requireBoolean(int index) throws JsonException {
        return Expect.bool(present(index), path.element(index));
    }

    /**
     * @param index an element index
     * @return the element's object value, located at its path
     * @throws JsonException if there is no such element or it is not an object
     */
    public JsonObject requireObject(int index) throws JsonException {
        return Expect.object(present(index), path.element(index));
    }

    /**
     * @param index an element index
     * @return the element's array value, located at its path
     * @throws JsonException if there is no such element or it is not an array
     */
    public JsonArray requireArray(int index) throws JsonException {
        return Expect.array(present(index), path.element(index));
    }

    /**
     * @return every element as an object located at its path, in order, unmodifiable
     * @throws JsonException {@link JsonException.Reason#WRONG_TYPE} naming the first element that
     *                       is not an object
     */
    public List<JsonObject> requireObjects() throws JsonException {
        List<JsonObject> objects = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            objects.add(Expect.object(elements.get(i), path.element(i)));
        }
        return Collections.unmodifiableList(objects);
    }

    /**
     * @return every element as a string, in order, unmodifiable
     * @throws JsonException {@link JsonException.Reason#WRONG_TYPE} naming the first element that
     *                       is not a string
     */
    public List<String> requireStrings() throws JsonException {
        List<String> strings = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            strings.add(Expect.string(elements.get(i), path.element(i)));
        }
        return Collections.unmodifiableList(strings);
    }

    /**
     * Makes the error for an element that has the right type but a value the document's rules do
     * not allow.
     *
     * @param index  the element's index
     * @param detail what is wrong, for people; must not contain secrets or raw input
     * @return a {@link JsonException.Reason#INVALID_VALUE} exception naming the element's path, to throw
     */
    public JsonException invalid(int index, String detail) {
        return Expect.invalid(path.element(index), Objects.requireNonNull(detail, "detail"));
    }

    private JsonValue present(int index) throws JsonException {
        if (index < 0 || index >= elements.size()) {
            throw Expect.missing(path.element(index));
        }
        return elements.get(index);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonArray && elements.equals(((JsonArray) other).elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    /** @return the compact JSON text of this array */
    @Override
    public String toString() {
        return JsonWriter.compact().write(this);
    }

    /**
     * Collects elements for a new root array. Not thread-safe; each {@link #build()} makes an
     * independent array, so a builder may be reused.
     *
     * @since 1.0
     */
    public static final class Builder {

        private final List<JsonValue> elements = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param value the next element
         * @return this builder
         * @throws NullPointerException if {@code value} is {@code null}
         */
        public Builder add(JsonValue value) {
            elements.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds a string; see {@link JsonString#of}. */
        public Builder add(String value) {
            return add(JsonString.of(value));
        }

        /** Adds a number. */
        public Builder add(long value) {
            return add(JsonNumber.of(value));
        }

        /** Adds a boolean. */
        public Builder add(boolean value) {
            return add(JsonBoolean.of(value));
        }

        /** Adds {@code null}. */
        public Builder addNull() {
            return add(JsonNull.INSTANCE);
        }

        /**
         * @return a new array with the elements added so far, in order
         * @throws IllegalArgumentException if it would nest deeper than {@link JsonLimits#MAX_DEPTH}
         */
        public JsonArray build() {
            return of(elements);
        }
    }
}
