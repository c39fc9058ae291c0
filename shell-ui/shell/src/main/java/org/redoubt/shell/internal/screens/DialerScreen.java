package org.redoubt.shell.internal.screens;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.redoubt.driver.keypad.Key;
import org.redoubt.shell.screen.Painter;
import org.redoubt.shell.screen.Screen;
import org.redoubt.shell.screen.ScreenContext;
import org.redoubt.shell.screen.SoftKeys;
import org.redoubt.telephony.CallControl;
import org.redoubt.telephony.TelephonyException;

/**
 * The dialer: digits, {@code *} and {@code #}; the call key (or OK) dials. Opened from the lock
 * screen it is the emergency dialer and dials emergency numbers only. The call screen opens by
 * itself once telephony reports the call.
 */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.DIALER)
public final class DialerScreen implements Screen {

    private static final int MAX_DIGITS = 32;

    private final CallControl calls;
    private final StringBuilder number = new StringBuilder();

    /** @param calls telephony's calls */
    @Activate
    public DialerScreen(@Reference CallControl calls) {
        this.calls = calls;
    }

    @Override
    public void shown(ScreenContext context) {
        number.setLength(0);
        number.append(context.arguments().getOrDefault(Screens.DIGITS, ""));
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        painter.title(context.text(emergency(context) ? "dialer.emergencyTitle" : "dialer.title"));
        int large = painter.lineHeight(Painter.Size.LARGE);
        painter.text(number.toString(), 2 * large, Painter.Size.LARGE, true);
        if (emergency(context)) {
            painter.text(context.text("dialer.onlyEmergency"), 2 * large + painter.lineHeight(Painter.Size.NORMAL) + 8,
                    Painter.Size.SMALL, true);
        }
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        char dial = Keys.dialCharacter(key);
        if (dial != 0) {
            if (number.length() < MAX_DIGITS) {
                number.append(dial);
            }
            return true;
        }
        switch (key) {
            case SOFT_RIGHT -> {
                if (number.length() == 0) {
                    context.back();
                } else {
                    number.setLength(number.length() - 1);
                }
                return true;
            }
            case CALL, OK, SOFT_LEFT -> {
                dial(context);
                return true;
            }
            case END -> {
                context.back();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    public SoftKeys softKeys(ScreenContext context) {
        return new SoftKeys(number.length() > 0 ? context.text("soft.call") : "",
                context.text(number.length() > 0 ? "soft.delete" : "soft.back"));
    }

    private void dial(ScreenContext context) {
        String target = number.toString();
        if (target.isEmpty()) {
            return;
        }
        if (emergency(context) && !calls.isEmergency(target)) {
            context.notice(context.text("dialer.onlyEmergency"));
            return;
        }
        try {
            calls.dial(target);
            number.setLength(0);
        } catch (TelephonyException e) {
            context.notice(context.text("error." + e.reason().name()));
        }
    }

    private static boolean emergency(ScreenContext context) {
        return "true".equals(context.arguments().get(Screens.EMERGENCY));
    }
}
