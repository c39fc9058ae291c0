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

    /**
     * A character to offer.
     *
     * @param pinyin    the syllable it is under
     * @param character the character
     * @param score     how common it is (higher first)
     */
    public record Candidate(String pinyin, char character, long score) {
    }

    private static final String RESOURCE = "pinyin.txt";
    private static final String KEYS = "22233344455566677778889999";

    private final Map<String, List<Candidate>> byPinyin;
    /** Each syllable's keypad digits, spelled once here rather than on every key. */
    private final Map<String, String> spelled;

    PinyinIndex(Map<String, List<Candidate>> byPinyin) {
        this.byPinyin = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byPinyin)); // keeps the file's order
        Map<String, String> digits = new LinkedHashMap<>();
        byPinyin.keySet().forEach(pinyin -> digits.put(pinyin, digits(pinyin)));
        this.spelled = java.util.Collections.unmodifiableMap(digits);
    }

    /** @return the index in this bundle */
    public static PinyinIndex load() throws IOException {
        Map<String, List<Candidate>> index = new LinkedHashMap<>();
        try (InputStream in = PinyinIndex.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the pinyin index " + RESOURCE + " is missing from this bundle");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split(" ");
                if (line.startsWith("#") || fields.length < 3 || fields.length % 2 == 0) {
                    continue;
                }
                List<Candidate> characters = new ArrayList<>();
                for (int i = 1; i + 1 < fields.length; i += 2) {
                    characters.add(new Candidate(fields[0], fields[i].charAt(0), Long.parseLong(fields[i + 1])));
                }
                index.put(fields[0], List.copyOf(characters));
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
     * @return the characters of the syllables they spell exactly, most common first across those
     *         syllables; then those of the syllables they begin, shorter syllables first
     */
    public List<Candidate> candidates(String keys) {
        List<Candidate> exact = new ArrayList<>();
        List<Candidate> longer = new ArrayList<>();
        for (Map.Entry<String, List<Candidate>> syllable : byPinyin.entrySet()) {
            String digits = spelled.get(syllable.getKey());
            if (digits.equals(keys)) {
                exact.addAll(syllable.getValue());
            } else if (digits.startsWith(keys)) {
                longer.addAll(syllable.getValue());
            }
        }
        exact.sort(java.util.Comparator.comparingLong(Candidate::score).reversed());
        longer.sort(java.util.Comparator.comparingInt((Candidate c) -> c.pinyin().length())
                .thenComparing(java.util.Comparator.comparingLong(Candidate::score).reversed()));
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
