package org.redoubt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Font;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.redoubt.shell.font.HandsetFont;

/** Every text exists in both languages, and the handset's font draws every one of them. */
class TextsTest {

    private static Set<String> keys(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.redoubt.shell.internal.texts", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new TreeSet<>(Collections.list(bundle.getKeys()));
    }

    @Test
    void bothLanguagesHaveTheSameTexts() {
        assertEquals(keys(Texts.ENGLISH), keys(Texts.CHINESE));
    }

    @Test
    void theFontDrawsEveryText() throws IOException {
        Font font = HandsetFont.load();
        for (Locale locale : new Locale[] {Texts.ENGLISH, Texts.CHINESE}) {
            Texts texts = new Texts(locale);
            for (String key : keys(locale)) {
                String text = texts.text(key, "0", 0, 0);
                assertEquals(-1, font.canDisplayUpTo(text), locale + " " + key + ": " + text);
            }
        }
    }
}
