package org.redoubt.shell.internal.screens;

import java.util.List;

import org.redoubt.shell.screen.Painter;
import org.redoubt.shell.screen.ScreenContext;
import org.redoubt.store.StoreException;

/**
 * What a list screen read from a store: the rows, or why there are none (a store failure shown in
 * the handset's language, never a crash).
 *
 * @param <T> a row's type
 */
final class StoredList<T> {

    /** Reads the rows. */
    @FunctionalInterface
    interface Read<T> {
        List<T> read() throws StoreException;
    }

    private List<T> items = List.of();
    private String problem = "";

    /** Reads the rows again; a failure leaves none and says why. */
    void load(Read<T> read, ScreenContext context) {
        try {
            items = List.copyOf(read.read());
            problem = "";
        } catch (StoreException e) {
            items = List.of();
            problem = context.text("store." + e.reason().name());
        }
    }

    List<T> items() {
        return items;
    }

    int size() {
        return items.size();
    }

    /**
     * Draws why there are no rows, when there are none.
     *
     * @param empty what to say when the store simply has none, or null to say nothing
     * @return whether there are no rows (so nothing else is to be drawn)
     */
    boolean paintNone(Painter painter, String empty) {
        if (!problem.isEmpty() || items.isEmpty()) {
            String text = problem.isEmpty() ? empty : problem;
            if (text != null) {
                painter.text(text, 2 * painter.lineHeight(Painter.Size.NORMAL), Painter.Size.SMALL, true);
            }
            return true;
        }
        return false;
    }
}
