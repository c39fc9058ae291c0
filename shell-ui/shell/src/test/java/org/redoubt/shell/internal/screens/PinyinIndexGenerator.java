package org.redoubt.shell.internal.screens;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.ibm.icu.text.Transliterator;

/**
 * Writes the shell's pinyin index at build time (pom: process-test-classes, into the bundle): the
 * 3,755 characters of GB 2312 level 1 (the common characters of Simplified Chinese), each under its
 * toneless pinyin as ICU's Han-Latin transliteration gives it, in GB 2312 order. Nothing of it is
 * committed; the JDK decodes GB 2312 and ICU4J is a build dependency only.
 *
 * <p>Usage: {@code PinyinIndexGenerator <output file>}.
 */
public final class PinyinIndexGenerator {

    private PinyinIndexGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Transliterator toPinyin = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
        Charset gb2312 = Charset.forName("GB2312");
        Map<String, StringBuilder> index = new TreeMap<>();
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
                index.computeIfAbsent(pinyin, p -> new StringBuilder()).append(character);
                characters++;
            }
        }
        StringBuilder out = new StringBuilder("# Generated at build time by PinyinIndexGenerator: pinyin, then its"
                + " characters (GB 2312 level 1, " + characters + " in all).\n");
        Map<String, StringBuilder> ordered = new LinkedHashMap<>(index);
        ordered.forEach((pinyin, chars) -> out.append(pinyin).append(' ').append(chars).append('\n'));
        Path target = Path.of(args[0]);
        Files.createDirectories(target.getParent());
        Files.writeString(target, out, StandardCharsets.UTF_8);
    }
}
