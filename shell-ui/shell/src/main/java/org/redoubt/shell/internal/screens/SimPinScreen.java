package org.redoubt.shell.internal.screens;

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
 * Masked; the digits live in {@link PinBuffer}s zeroed after use (the SIM's API takes Strings). The left soft key is the emergency call.
 */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.SIM_PIN)
public final class SimPinScreen implements Screen {

    private static final int MAX = 16;

    private final Sim sim;
    private final PinBuffer first = new PinBuffer(MAX);
    private final PinBuffer second = new PinBuffer(MAX);
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
        if (sim.state() == SimState.READY) {
            context.back(); // the PIN was entered meanwhile (offered while a screen above it was open)
        }
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
        painter.text((onSecond ? second : first).masked(),
                2 * line + painter.lineHeight(Painter.Size.LARGE) + 8, Painter.Size.LARGE, true);
        if (!message.isEmpty()) {
            painter.text(message, 5 * line + 8, Painter.Size.SMALL, true);
        }
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        int digit = Keys.digit(key);
        if (digit >= 0) {
            (onSecond ? second : first).append(digit);
            return true;
        }
        switch (key) {
            case OK -> submit(context);
            case SOFT_RIGHT -> {
                if (!(onSecond ? second : first).deleteLast()) {
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
        boolean empty = (onSecond ? second : first).isEmpty();
        return new SoftKeys(context.text("soft.emergency"), context.text(empty ? "soft.later" : "soft.delete"));
    }

    private void submit(ScreenContext context) {
        boolean puk = sim.state() == SimState.PUK_REQUIRED;
        if (first.isEmpty() || puk && !onSecond) {
            onSecond = puk && !first.isEmpty();
            return;
        }
        String entered = first.text();
        String newPin = second.text();
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
        first.clear();
        second.clear();
        onSecond = false;
    }
}
