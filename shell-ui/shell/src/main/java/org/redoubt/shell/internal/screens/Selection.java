package org.redoubt.shell.internal.screens;

import org.redoubt.driver.keypad.Key;

/** The selected row of a list that Up and Down move through, wrapping around at either end. */
final class Selection {

    private int index;

    /** @return the selected row */
    int index() {
        return index;
    }

    /**
     * @param key  a key
     * @param rows how many rows the list has now
     * @return whether it was Up or Down (and moved the selection)
     */
    boolean move(Key key, int rows) {
        if (key != Key.UP && key != Key.DOWN) {
            return false;
        }
        if (rows > 0) {
            index = key == Key.UP ? (index + rows - 1) % rows : (index + 1) % rows;
        }
        return true;
    }

    /** @param rows how many rows the list has now: keeps the selection inside it */
    void fit(int rows) {
        index = Math.max(0, Math.min(index, rows - 1));
    }

    void reset() {
        index = 0;
    }
}
