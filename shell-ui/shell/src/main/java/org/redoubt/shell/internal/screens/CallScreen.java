package org.redoubt.shell.internal.screens;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * The calls in progress: each with its state, the active one with its time. End hangs up the
 * active call (or the one being set up); the left soft key holds and swaps; OK mutes and unmutes;
 * the call key takes a waiting call (holding the active one).
 */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.CALL)
public final class CallScreen implements Screen {

    private final CallControl calls;
    private final Map<Integer, Instant> activeSince = new HashMap<>();

    /** @param calls telephony's calls */
    @Activate
    public CallScreen(@Reference CallControl calls) {
        this.calls = calls;
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        painter.title(context.text("call.title"));
        List<Call> current = calls.calls();
        Instant now = context.now().toInstant();
        activeSince.keySet().retainAll(current.stream().map(Call::id).toList());
        int line = painter.lineHeight(Painter.Size.NORMAL);
        int y = line + 4;
        for (Call call : current) {
            if (call.state() == CallState.ACTIVE) {
                activeSince.putIfAbsent(call.id(), now);
            }
            painter.text(call.number().isEmpty() ? context.text("call.unknown") : call.number(), y,
                    call.state() == CallState.ACTIVE ? Painter.Size.LARGE : Painter.Size.NORMAL, true);
            y += painter.lineHeight(Painter.Size.SMALL) + 6;
            String state = context.text("call.state." + call.state().name());
            Instant since = activeSince.get(call.id());
            if (call.state() == CallState.ACTIVE && since != null) {
                state = state + "  " + clock(Duration.between(since, now));
            }
            if (call.emergency()) {
                state = context.text("call.emergency") + " · " + state;
            }
            painter.text(state, y, Painter.Size.SMALL, true);
            y += 2 * line;
        }
        painter.text(context.text(calls.muted() ? "call.muted" : "call.muteHint"), painter.height() - 8,
                Painter.Size.SMALL, true);
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        try {
            switch (key) {
                case END, SOFT_RIGHT -> {
                    Optional<Call> target = find(CallState.ACTIVE).or(() -> find(CallState.ALERTING))
                            .or(() -> find(CallState.DIALING)).or(() -> find(CallState.HELD));
                    if (target.isPresent()) {
                        calls.hangUp(target.get().id());
                    } else {
                        calls.hangUpAll();
                    }
                }
                case SOFT_LEFT -> calls.holdAndSwap();
                case OK -> calls.mute(!calls.muted());
                case CALL -> {
                    if (find(CallState.WAITING).isPresent()) {
                        calls.answer();
                    }
                }
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
        boolean held = find(CallState.HELD).isPresent();
        boolean active = find(CallState.ACTIVE).isPresent();
        String left = held ? context.text("soft.swap") : active ? context.text("soft.hold") : "";
        return new SoftKeys(left, context.text("soft.end"));
    }

    private Optional<Call> find(CallState state) {
        return calls.calls().stream().filter(call -> call.state() == state).findFirst();
    }

    /** @return m:ss, or h:mm:ss from an hour */
    static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
