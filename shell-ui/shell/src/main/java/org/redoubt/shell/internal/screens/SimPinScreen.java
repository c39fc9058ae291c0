package org.redoubt.shell.internal.screens;

import java.util.Arrays;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.redoubt.driver.keypad.Key;
import org.redoubt.shell.screen.Painter;
import org.redoubt.shell.screen.Screen;
import org.redoubt.shell.screen.ScreenContext;
import org.redoubt.shell.screen.SoftKeys;
import org.redoubt.telephony.Sim;
import org.redoubt.telephony.SimState;
import org.redoubt.telephony.TelephonyException;

/**
 * The SIM's PIN, or its PUK and a new PIN when it is blocked; opened by the shell when the SIM asks.
 * Masked; the digits live in char arrays zeroed after use. The left soft key is the emergency call.
 */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.SIM_PIN)
public final class SimPinScreen implements Screen {

    private static final int MAX = 16;

    private final Sim sim;
    private final char[] first = new char[MAX];
    private final char[] second = new char[MAX];
    private int firstLength;
    private int secondLength;
    private boolean onSecond; // PUK entered, now the new PIN
    private String message = "";

    /** @param sim telephony's SIM */
    @Activate
    public SimPinScreen(@Reference Sim sim) {
        this.sim = sim;
    }

    @Override
    public void shown(ScreenContext context) {
        clear();
        message = "";
    }

    @Override
    public void changed(ScreenContext context) {
        if (sim.state() == SimState.READY) {
            context.back();
        }
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        boolean puk = sim.state() == SimState.PUK_REQUIRED;
        painter.title(context.text(puk ? "sim.pukTitle" : "sim.pinTitle"));
        int line = painter.lineHeight(Painter.Size.NORMAL);
        painter.text(context.text(!puk ? "sim.enterPin" : onSecond ? "sim.newPin" : "sim.enterPuk"), 2 * line,
                Painter.Size.NORMAL, true);
        painter.text("●".repeat(onSecond ? secondLength : firstLength),
                2 * line + painter.lineHeight(Painter.Size.LARGE) + 8, Painter.Size.LARGE, true);
        if (!message.isEmpty()) {
            painter.text(message, 5 * line + 8, Painter.Size.SMALL, true);
        }
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        int digit = Keys.digit(key);
        if (digit >= 0) {
            if (onSecond && secondLength < MAX) {
                second[secondLength++] = (char) ('0' + digit);
            } else if (!onSecond && firstLength < MAX) {
                first[firstLength++] = (char) ('0' + digit);
            }
            return true;
        }
        switch (key) {
            case OK -> submit(context);
            case SOFT_RIGHT -> {
                if (onSecond && secondLength > 0) {
                    second[--secondLength] = 0;
                } else if (!onSecond && firstLength > 0) {
                    first[--firstLength] = 0;
                } else {
                    clear();
                    context.back();
                }
            }
            case SOFT_LEFT -> context.open(Screens.DIALER, Map.of(Screens.EMERGENCY, "true"));
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public SoftKeys softKeys(ScreenContext context) {
        boolean empty = onSecond ? secondLength == 0 : firstLength == 0;
        return new SoftKeys(context.text("soft.emergency"), context.text(empty ? "soft.later" : "soft.delete"));
    }

    private void submit(ScreenContext context) {
        boolean puk = sim.state() == SimState.PUK_REQUIRED;
        if (firstLength == 0 || puk && !onSecond) {
            onSecond = puk && firstLength > 0;
            return;
        }
        String entered = new String(first, 0, firstLength);
        String newPin = new String(second, 0, secondLength);
        try {
            if (puk) {
                sim.unblock(entered, newPin);
            } else {
                sim.enterPin(entered);
            }
            clear();
            context.back();
        } catch (TelephonyException e) {
            message = context.text("error." + e.reason().name());
            clear();
        }
    }

    private void clear() {
        Arrays.fill(first, '\0');
        Arrays.fill(second, '\0');
        firstLength = 0;
        secondLength = 0;
        onSecond = false;
    }
}
