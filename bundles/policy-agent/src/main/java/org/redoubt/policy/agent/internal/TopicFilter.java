package org.redoubt.policy.agent.internal;

import java.util.Objects;

/**
 * MQTT topic filters (MQTT 5.0 section 4.7): {@code +} stands for exactly one level (which may be
 * empty), {@code #} as the last level for the parent level and any number below it, and a filter
 * starting with a wildcard does not match a topic starting with {@code $}. Written here rather than
 * taken from Paho 1.2.5, whose matcher lets {@code a/+} miss {@code a/} and {@code #} match
 * {@code $SYS/...}.
 */
final class TopicFilter {

    private TopicFilter() {
    }

    /**
     * @param filter a topic filter
     * @throws IllegalArgumentException when it is empty, holds a NUL, or uses a wildcard other than
     *                                  as a whole level ({@code #} only as the last)
     */
    static void validate(String filter) {
        Objects.requireNonNull(filter, "filter");
        if (filter.isEmpty() || filter.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("not an MQTT topic filter: '" + filter + "'");
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            boolean wildcard = level.equals("+") || level.equals("#");
            if (!wildcard && (level.contains("+") || level.contains("#"))) {
                throw new IllegalArgumentException("a wildcard must be a whole level: '" + filter + "'");
            }
            if (level.equals("#") && i != levels.length - 1) {
                throw new IllegalArgumentException("'#' must be the last level: '" + filter + "'");
            }
        }
    }

    /**
     * @param filter a valid topic filter
     * @param topic  a topic name (no wildcards)
     * @return whether the filter selects the topic
     */
    static boolean matches(String filter, String topic) {
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        String[] wanted = filter.split("/", -1);
        String[] levels = topic.split("/", -1);
        for (int i = 0; i < wanted.length; i++) {
            if (wanted[i].equals("#")) {
                return true;
            }
            if (i >= levels.length) {
                return false;
            }
            if (!wanted[i].equals("+") && !wanted[i].equals(levels[i])) {
                return false;
            }
        }
        return wanted.length == levels.length;
    }
}
