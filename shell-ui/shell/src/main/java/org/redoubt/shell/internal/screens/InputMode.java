package org.redoubt.shell.internal.screens;

/** The keypad's input modes for text and PINs, in the order {@code #} goes through them. */
enum InputMode {
    /** Letters by multi-tap, lower case. */
    LOWER("abc"),
    /** Letters by multi-tap, upper case. */
    UPPER("ABC"),
    /** A digit key is its digit. */
    DIGITS("123"),
    /** Pinyin on the digit keys (text entry with a pinyin index only). */
    CHINESE("拼");

    private final String label;

    InputMode(String label) {
        this.label = label;
    }

    /** @return what the screen shows for it */
    String label() {
        return label;
    }

    /**
     * @param chinese whether the Chinese mode is offered
     * @return the mode {@code #} switches to from this one
     */
    InputMode next(boolean chinese) {
        InputMode next = this;
        do {
            next = values()[(next.ordinal() + 1) % values().length];
        } while (next == CHINESE && !chinese);
        return next;
    }
}
