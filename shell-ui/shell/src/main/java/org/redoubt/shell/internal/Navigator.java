package org.redoubt.shell.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;

/**
 * The stack of open screens, by name. The bottom is the base: the lock screen while the handset
 * is locked, else the home menu. Shell thread only.
 */
final class Navigator {

    static final String LOCK = "lock";
    static final String HOME = "home";

    /** An open screen and what it was opened with. */
    record Entry(String screen, Map<String, String> arguments) {
        Entry {
            Objects.requireNonNull(screen, "screen");
            arguments = Map.copyOf(arguments);
        }
    }

    private final Deque<Entry> stack = new ArrayDeque<>();

    Navigator(String base) {
        stack.push(new Entry(base, Map.of()));
    }

    Entry top() {
        return stack.peek();
    }

    void open(String screen, Map<String, String> arguments) {
        stack.push(new Entry(screen, arguments));
    }

    /** Closes the top screen; the base stays. */
    void back() {
        if (stack.size() > 1) {
            stack.pop();
        }
    }

    /** Closes everything down to a new base. */
    void reset(String base) {
        stack.clear();
        stack.push(new Entry(base, Map.of()));
    }

    /** @return whether a screen of that name is open */
    boolean contains(String screen) {
        return stack.stream().anyMatch(entry -> entry.screen().equals(screen));
    }

    /** Closes every screen of that name, wherever it is (not the base). */
    void remove(String screen) {
        Entry base = stack.peekLast();
        stack.removeIf(entry -> entry != base && entry.screen().equals(screen));
    }

    /** @return the base's name */
    String base() {
        return stack.peekLast().screen();
    }
}
