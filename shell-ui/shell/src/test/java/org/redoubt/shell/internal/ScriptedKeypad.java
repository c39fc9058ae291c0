package org.redoubt.shell.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.redoubt.driver.keypad.Key;
import org.redoubt.driver.keypad.KeyEvent;
import org.redoubt.driver.keypad.KeyListener;
import org.redoubt.driver.keypad.Keypad;

/** A keypad a test types on: each key pressed and released, as the keypad driver reports them. */
final class ScriptedKeypad implements Keypad {

    private final List<KeyListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void addListener(KeyListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(KeyListener listener) {
        listeners.remove(listener);
    }

    void press(Key... keys) {
        for (Key key : keys) {
            for (KeyEvent.Action action : List.of(KeyEvent.Action.PRESSED, KeyEvent.Action.RELEASED)) {
                KeyEvent event = new KeyEvent(key, action, System.nanoTime());
                listeners.forEach(listener -> listener.key(event));
            }
        }
    }

    /** Types digits, {@code *} and {@code #}. */
    void type(String digits) {
        for (char c : digits.toCharArray()) {
            press(switch (c) {
                case '*' -> Key.STAR;
                case '#' -> Key.POUND;
                default -> Key.valueOf("DIGIT_" + c);
            });
        }
    }
}
