package org.redoubt.json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Where a value sits in a document: the root {@code $}, or a member name or element index below a
 * parent. Nodes are immutable and shared by all children, so a path costs one small object per
 * container however long the names are; the text is only made for messages.
 */
final class JsonPath {

    /** The root of every document. */
    static final JsonPath ROOT = new JsonPath(null, null, -1);

    /** Longest part of a member name shown in a path; the rest is cut off. */
    private static final int MAX_NAME_SHOWN = 64;

    private final JsonPath parent;
    private final String name;
    private final int index;

    private JsonPath(JsonPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** @return the path of member {@code name} of the object at this path */
    JsonPath member(String name) {
        return new JsonPath(this, Objects.requireNonNull(name, "name"), -1);
    }

    /** @return the path of element {@code index} of the array at this path */
    JsonPath element(int index) {
        return new JsonPath(this, null, index);
    }

    /**
     * @return the path as text: {@code $}, then {@code .name} for member names made of ASCII
     *         letters, digits and underscores (not starting with a digit), {@code ["name"]} with
     *         JSON escapes (non-ASCII escaped too) for other names, and {@code [index]} for elements
     */
    @Override
    public String toString() {
        Deque<JsonPath> chain = new ArrayDeque<>();
        for (JsonPath p = this; p.parent != null; p = p.parent) {
            chain.push(p);
        }
        StringBuilder out = new StringBuilder("$");
        for (JsonPath p : chain) {
            if (p.name == null) {
                out.append('[').append(p.index).append(']');
            } else if (isPlainName(p.name)) {
                out.append('.').append(p.name);
            } else {
                appendQuotedName(out, p.name);
            }
        }
        return out.toString();
    }

    private static boolean isPlainName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_SHOWN || isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isDigit(c) || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void appendQuotedName(StringBuilder out, String name) {
        out.append("[\"");
        int shown = Math.min(name.length(), MAX_NAME_SHOWN);
        for (int i = 0; i < shown; i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (shown < name.length()) {
            out.append("...");
        }
        out.append("\"]");
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof JsonPath)) {
            return false;
        }
        JsonPath a = this;
        JsonPath b = (JsonPath) other;
        while (a != b) {
            if (a == null || b == null || a.index != b.index || !Objects.equals(a.name, b.name)) {
                return false;
            }
            a = a.parent;
            b = b.parent;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (JsonPath p = this; p != null; p = p.parent) {
            hash = 31 * hash + (p.name == null ? p.index : p.name.hashCode());
        }
        return hash;
    }
}
