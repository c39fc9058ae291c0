package org.redoubt.fleet.cli.mqtt;

/** A download's progress as text: {@code [#####-----] 52%}, ten cells, each a tenth. */
public final class ProgressBar {

    /** How many cells the bar has. */
    public static final int CELLS = 10;

    private ProgressBar() {
    }

    /**
     * @param percent whole percent; values outside 0..100 are clamped
     * @return the bar and the percentage
     */
    public static String of(long percent) {
        int clamped = (int) Math.max(0, Math.min(100, percent));
        int filled = clamped * CELLS / 100;
        return "[" + "#".repeat(filled) + "-".repeat(CELLS - filled) + "] " + clamped + "%";
    }
}
