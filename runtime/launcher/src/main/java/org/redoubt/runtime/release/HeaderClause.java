package org.redoubt.runtime.release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One clause of an OSGi manifest header ({@code name;attr=value;attr:List<String>="a,b";dir:=x}),
 * read just far enough to find names and attribute values. Quoted values may hold commas and
 * semicolons. Directives are ignored; attribute types are dropped.
 *
 * @param name       the clause's first path (a package or namespace)
 * @param attributes the attributes by name, values unquoted
 */
record HeaderClause(String name, Map<String, String> attributes) {

    /** @return the clauses of a header; none for {@code null} */
    static List<HeaderClause> parse(String header) {
        List<HeaderClause> clauses = new ArrayList<>();
        if (header == null) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            if (parts.isEmpty() || parts.get(0).isBlank()) {
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String part : parts.subList(1, parts.size())) {
                int equals = part.indexOf('=');
                if (equals <= 0 || part.charAt(equals - 1) == ':') {
                    continue;
                }
                String key = part.substring(0, equals).trim();
                int type = key.indexOf(':');
                attributes.put(type < 0 ? key : key.substring(0, type).trim(), unquote(part.substring(equals + 1).trim()));
            }
            // Each further path of "a;b;attr=x" shares the attributes; only the first matters here,
            // so list the rest as clauses of their own.
            clauses.add(new HeaderClause(parts.get(0).trim(), attributes));
            for (String path : parts.subList(1, parts.size())) {
                if (path.indexOf('=') < 0 && !path.isBlank()) {
                    clauses.add(new HeaderClause(path.trim(), attributes));
                }
            }
        }
        return clauses;
    }

    /** @return the attribute's values, split at commas (a {@code List<String>} attribute) */
    List<String> listAttribute(String attribute) {
        String value = attributes.get(attribute);
        if (value == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                values.add(item.trim());
            }
        }
        return values;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }
}
