package org.redoubt.shell.internal.screens;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chinese characters by pinyin, and pinyin by the keypad digits that spell it (T9: 2 abc, 3 def,
 * ..., 9 wxyz). The index is generated at build time into this bundle: the common characters of
 * GB 2312 level 1. Immutable and thread-safe.
 */
public final class PinyinIndex {

    /** A syllable and its characters, as candidates. */
    public record Syllable(String pinyin, String characters) {
    }

    private static final String RESOURCE = "pinyin.txt";
    private static final String KEYS = "22233344455566677778889999";

    private final Map<String, String> byPinyin;

    PinyinIndex(Map<String, String> byPinyin) {
        this.byPinyin = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byPinyin)); // keeps the file's order
    }

    /** @return the index in this bundle */
    public static PinyinIndex load() throws IOException {
        Map<String, String> index = new LinkedHashMap<>();
        try (InputStream in = PinyinIndex.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the pinyin index " + RESOURCE + " is missing from this bundle");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int space = line.indexOf(' ');
                if (!line.startsWith("#") && space > 0) {
                    index.put(line.substring(0, space), line.substring(space + 1).strip());
                }
            }
        }
        return new PinyinIndex(index);
    }

    /** @return the digits that spell {@code pinyin} on the keypad */
    static String digits(String pinyin) {
        StringBuilder digits = new StringBuilder(pinyin.length());
        for (char c : pinyin.toCharArray()) {
            digits.append(KEYS.charAt(c - 'a'));
        }
        return digits.toString();
    }

    /**
     * @param keys digits typed so far
     * @return the syllables they spell exactly, then those they begin, shortest first
     */
    public List<Syllable> candidates(String keys) {
        List<Syllable> exact = new ArrayList<>();
        List<Syllable> longer = new ArrayList<>();
        for (Map.Entry<String, String> entry : byPinyin.entrySet()) {
            String spelled = digits(entry.getKey());
            if (spelled.equals(keys)) {
                exact.add(new Syllable(entry.getKey(), entry.getValue()));
            } else if (spelled.startsWith(keys)) {
                longer.add(new Syllable(entry.getKey(), entry.getValue()));
            }
        }
        longer.sort((a, b) -> Integer.compare(a.pinyin().length(), b.pinyin().length()));
        exact.addAll(longer);
        return exact;
    }

    /** @return the index in this bundle, or null when it cannot be read (no Chinese text entry then) */
    static PinyinIndex loadOrNone() {
        try {
            return load();
        } catch (IOException e) {
            return null;
        }
    }

    /** @return how many syllables the index has */
    int size() {
        return byPinyin.size();
    }
}
