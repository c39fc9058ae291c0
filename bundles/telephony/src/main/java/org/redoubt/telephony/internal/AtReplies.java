package org.redoubt.telephony.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits 27.007 result lines into their parameters: {@code +CLCC: 1,0,3,0,0,"+4930123",145} becomes
 * {@code [1, 0, 3, 0, 0, +4930123, 145]}. Quoted values keep their commas; quotes are removed.
 */
final class AtReplies {

    private AtReplies() {
    }

    /**
     * @param line   a result line
     * @param prefix its prefix, e.g. {@code +CLCC:}
     * @return the parameters, or an empty list when the line has another prefix
     */
    static List<String> parameters(String line, String prefix) {
        if (!line.startsWith(prefix)) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (char c : line.substring(prefix.length()).strip().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                values.add(value.toString().strip());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        values.add(value.toString().strip());
        return values;
    }

    /**
     * @param text a parameter
     * @return its integer value, or -1 when it is not one
     */
    static int integer(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
