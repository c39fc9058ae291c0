package org.redoubt.shell.internal.screens;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.ibm.icu.text.Transliterator;

/**
 * Writes the shell's pinyin index at build time (pom: process-test-classes, into the bundle): the
 * 3,755 characters of GB 2312 level 1 (the common characters of Simplified Chinese), each under its
 * toneless pinyin as ICU's Han-Latin transliteration gives it. Within a syllable the characters are
 * ranked most common first by a score from HanLP's core dictionary (Apache-2.0): the character's
 * frequency as a word of its own, plus {@value #PER_WORD} for every dictionary word it is part of
 * (so that 十 or 明, common inside words, rank well); GB 2312 order breaks ties. Each line carries
 * each character's score, so that candidates of different syllables spelled by the same digits
 * interleave by how common they are. Nothing of it is
 * committed; ICU4J and HanLP are build dependencies only.
 *
 * <p>Usage: {@code PinyinIndexGenerator <output file>}.
 */
public final class PinyinIndexGenerator {

    static final int PER_WORD = 50;

    private PinyinIndexGenerator() {
    }

    /** @return how many words of HanLP's word-to-pinyin list each character is part of */
    private static Map<Character, Integer> wordCounts() throws IOException {
        Map<Character, Integer> counts = new java.util.HashMap<>();
        try (java.io.InputStream in = CoreDictionary.class.getResourceAsStream("/data/dictionary/pinyin/pinyin.txt")) {
            if (in == null) {
                throw new IOException("HanLP's data/dictionary/pinyin/pinyin.txt is missing");
            }
            java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(in,
                    StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int equals = line.indexOf('=');
                for (char c : line.substring(0, Math.max(0, equals)).toCharArray()) {
                    counts.merge(c, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static long score(char character, Map<Character, Integer> words) {
        CoreDictionary.Attribute alone = CoreDictionary.get(String.valueOf(character));
        return (alone == null ? 0 : alone.totalFrequency) + (long) PER_WORD * words.getOrDefault(character, 0);
    }

    public static void main(String[] args) throws IOException {
        Transliterator toPinyin = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
        Charset gb2312 = Charset.forName("GB2312");
        Map<Character, Integer> words = wordCounts();
        Map<String, java.util.List<Character>> index = new TreeMap<>();
        int characters = 0;
        for (int row = 0xB0; row <= 0xD7; row++) {
            for (int cell = 0xA1; cell <= 0xFE; cell++) {
                if (row == 0xD7 && cell > 0xF9) {
                    continue; // level 1 ends at D7F9
                }
                String character = new String(new byte[] {(byte) row, (byte) cell}, gb2312);
                String pinyin = toPinyin.transliterate(character).strip();
                if (!pinyin.matches("[a-z]{1,6}")) {
                    throw new IllegalStateException("no pinyin for " + character + ": '" + pinyin + "'");
                }
                index.computeIfAbsent(pinyin, p -> new java.util.ArrayList<>()).add(character.charAt(0));
                characters++;
            }
        }
        StringBuilder out = new StringBuilder("# Generated at build time by PinyinIndexGenerator: pinyin, then its"
                + " characters (GB 2312 level 1, " + characters + " in all), then each character and its score, most common first.\n");
        Map<String, java.util.List<Character>> ordered = new LinkedHashMap<>(index);
        ordered.forEach((pinyin, chars) -> {
            java.util.List<Character> ranked = new java.util.ArrayList<>(chars);
            ranked.sort(java.util.Comparator.comparingLong((Character c) -> score(c, words)).reversed()); // stable
            out.append(pinyin);
            ranked.forEach(c -> out.append(' ').append(c).append(' ').append(score(c, words)));
            out.append('\n');
        });
        Path target = Path.of(args[0]);
        Files.createDirectories(target.getParent());
        Files.writeString(target, out, StandardCharsets.UTF_8);
    }
}
