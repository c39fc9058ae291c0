package org.redoubt.shell.internal.screens;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.redoubt.driver.keypad.Key;
import org.redoubt.shell.screen.Painter;
import org.redoubt.shell.screen.Screen;
import org.redoubt.shell.screen.ScreenContext;
import org.redoubt.shell.screen.SoftKeys;
import org.redoubt.telephony.Call;
import org.redoubt.telephony.CallControl;
import org.redoubt.telephony.CallState;
import org.redoubt.telephony.TelephonyException;

/** A ringing call: the caller; the call key answers, the end key rejects. Shown over the lock screen too. */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.INCOMING)
public final class IncomingCallScreen implements Screen {

    private final CallControl calls;

    /** @param calls telephony's calls */
    @Activate
    public IncomingCallScreen(@Reference CallControl calls) {
        this.calls = calls;
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        painter.title(context.text("incoming.title"));
        String caller = ringing().map(Call::number).filter(n -> !n.isEmpty()).orElse(context.text("call.unknown"));
        painter.text(caller, 3 * painter.lineHeight(Painter.Size.LARGE), Painter.Size.LARGE, true);
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        try {
            switch (key) {
                case CALL, SOFT_LEFT, OK -> calls.answer();
                case END, SOFT_RIGHT -> calls.reject();
                default -> {
                    return false;
                }
            }
        } catch (TelephonyException e) {
            context.notice(context.text("error." + e.reason().name()));
        }
        return true;
    }

    @Override
    public SoftKeys softKeys(ScreenContext context) {
        return new SoftKeys(context.text("soft.answer"), context.text("soft.reject"));
    }

    private Optional<Call> ringing() {
        return calls.calls().stream().filter(call -> call.state() == CallState.INCOMING).findFirst();
    }
}
