package org.redoubt.shell.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The shell's texts in the handset's language: English, or Simplified Chinese. */
final class Texts {

    /** The languages the shell speaks. */
    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final Locale locale;
    private final ResourceBundle bundle;

    Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("org.redoubt.shell.internal.texts", locale, Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    Locale locale() {
        return locale;
    }

    /** @return {@code en} or {@code zh-CN} */
    String tag() {
        return locale.equals(CHINESE) ? "zh-CN" : "en";
    }

    /** @param tag {@code zh-CN} (or {@code zh}) for Chinese, anything else for English */
    static Texts of(String tag) {
        return new Texts("zh-CN".equalsIgnoreCase(tag) || "zh".equalsIgnoreCase(tag) ? CHINESE : ENGLISH);
    }

    /** @return the text, or the key itself when there is none (visible, never a crash) */
    String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
