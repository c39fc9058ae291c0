package org.redoubt.shell.internal.screens;

import java.util.List;
import java.util.Locale;

import org.redoubt.driver.keypad.Key;

/**
 * Multi-tap text entry on the keypad ({@link MultiTap}): a digit key pressed again within
 * {@link MultiTap#COMMIT_AFTER} moves on to its next letter; another key, a pause, or Right commits
 * the letter. {@code #} switches the mode ({@link InputMode}): lower case, upper case, digits,
 * Chinese. {@code 0} is a space (or 0), {@code 1} punctuation.
 *
 * <p>Chinese is typed as pinyin on the digit keys, one key per letter (T9): the candidates are the
 * characters of the syllables the digits spell; Left and Right choose one, OK takes it, the delete
 * key takes back a digit.
 */
final class TextEntry {

    private static final String CHINESE_PUNCTUATION = "，。？！、：1";
    /** How many candidates the screen shows around the chosen one. */
    static final int CANDIDATE_WINDOW = 7;

    private final StringBuilder text = new StringBuilder();
    private final int maxLength;
    private final PinyinIndex pinyin; // null: no Chinese mode
    private final StringBuilder keys = new StringBuilder(); // pinyin digits being composed
    private int candidate;
    private InputMode mode = InputMode.LOWER;
    private final MultiTap tap = new MultiTap();
    private final MultiTap.Characters into = new MultiTap.Characters() {
        @Override
        public boolean append(char c) {
            return TextEntry.this.append(c);
        }

        @Override
        public void replaceLast(char c) {
            text.setCharAt(text.length() - 1, c);
        }
    };

    /** @param maxLength the longest text */
    TextEntry(int maxLength) {
        this(maxLength, null);
    }

    /**
     * @param maxLength the longest text
     * @param pinyin    the pinyin index for the Chinese mode, or null for none
     */
    TextEntry(int maxLength, PinyinIndex pinyin) {
        this.maxLength = maxLength;
        this.pinyin = pinyin;
    }

    /**
     * @param key   a key
     * @param nanos when it was pressed
     * @return whether the entry used it
     */
    boolean key(Key key, long nanos) {
        if (mode == InputMode.CHINESE && chineseKey(key, nanos)) {
            return true;
        }
        int digit = Keys.digit(key);
        if (digit >= 0) {
            type(key, digit, nanos);
            return true;
        }
        switch (key) {
            case POUND -> {
                commit();
                keys.setLength(0);
                mode = mode.next(pinyin != null);
                return true;
            }
            case STAR -> {
                commit();
                append('*');
                return true;
            }
            case RIGHT -> {
                commit();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Deletes the last character (the open letter first; a pinyin digit while composing). */
    void deleteLast() {
        if (keys.length() > 0) {
            keys.setLength(keys.length() - 1);
            candidate = 0;
            return;
        }
        tap.commit();
        if (text.length() > 0) {
            int cut = text.length() - 1;
            if (cut > 0 && Character.isLowSurrogate(text.charAt(cut))) {
                cut--;
            }
            text.setLength(cut);
        }
    }

    boolean isEmpty() {
        return text.length() == 0 && keys.length() == 0;
    }

    /** @return whether pinyin is being composed */
    boolean composing() {
        return keys.length() > 0;
    }

    /**
     * @return while composing: the chosen candidate's pinyin, then the candidates around it, the
     *         chosen one in brackets (e.g. {@code hao  壕 嚎 豪 毫 郝 [好] 耗}); else empty
     */
    String candidates() {
        if (keys.length() == 0) {
            return "";
        }
        List<PinyinIndex.Candidate> all = all();
        if (all.isEmpty()) {
            return keys + "  ?";
        }
        int chosen = Math.min(candidate, all.size() - 1);
        int first = Math.max(0, Math.min(chosen - CANDIDATE_WINDOW / 2, all.size() - CANDIDATE_WINDOW));
        StringBuilder line = new StringBuilder(all.get(chosen).pinyin()).append(' ');
        for (int i = first; i < Math.min(all.size(), first + CANDIDATE_WINDOW); i++) {
            line.append(' ').append(i == chosen ? "[" + all.get(i).character() + "]" : all.get(i).character());
        }
        return line.toString();
    }

    String text() {
        return text.toString();
    }

    InputMode mode() {
        return mode;
    }

    /** @param initial the text to edit */
    void set(String initial) {
        clear();
        text.append(initial, 0, Math.min(initial.length(), maxLength));
    }

    void clear() {
        text.setLength(0);
        keys.setLength(0);
        tap.commit();
    }

    private List<PinyinIndex.Candidate> all() {
        return pinyin.candidates(keys.toString());
    }

    /** @return whether the Chinese mode used the key */
    private boolean chineseKey(Key key, long nanos) {
        int digit = Keys.digit(key);
        if (digit >= 2) {
            if (keys.length() < 6) {
                keys.append((char) ('0' + digit));
                candidate = 0;
                tap.commit();
            }
            return true;
        }
        if (keys.length() == 0) {
            if (digit == 1) {
                tap.press(key, CHINESE_PUNCTUATION, false, nanos, into); // round and round, however slowly
                return true;
            }
            return false; // 0 is a space, # switches the mode, as in the other modes
        }
        switch (key) {
            case LEFT -> candidate = Math.max(0, candidate - 1);
            case RIGHT -> candidate = Math.min(Math.max(0, all().size() - 1), candidate + 1);
            case OK -> {
                List<PinyinIndex.Candidate> all = all();
                if (!all.isEmpty()) {
                    append(all.get(Math.min(candidate, all.size() - 1)).character());
                }
                keys.setLength(0);
                candidate = 0;
            }
            default -> {
                return digit >= 0; // 0 and 1 do nothing while composing
            }
        }
        return true;
    }

    private void type(Key key, int digit, long nanos) {
        if (mode == InputMode.DIGITS) {
            commit();
            append((char) ('0' + digit));
            return;
        }
        String letters = MultiTap.TEXT[digit];
        tap.press(key, mode == InputMode.UPPER ? letters.toUpperCase(Locale.ROOT) : letters, true, nanos, into);
    }

    private boolean append(char c) {
        if (text.length() >= maxLength) {
            return false;
        }
        text.append(c);
        return true;
    }

    private void commit() {
        tap.commit();
    }
}
