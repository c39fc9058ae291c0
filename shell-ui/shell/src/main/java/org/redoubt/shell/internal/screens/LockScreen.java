package org.redoubt.shell.internal.screens;

import java.util.Arrays;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.redoubt.driver.keypad.Key;
import org.redoubt.shell.internal.policy.PolicyView;
import org.redoubt.shell.screen.Painter;
import org.redoubt.shell.screen.Screen;
import org.redoubt.shell.screen.ScreenContext;
import org.redoubt.shell.screen.SoftKeys;
import org.redoubt.store.HandsetLock;
import org.redoubt.store.StoreException;

/**
 * The lock screen: the PIN, masked as it is typed, and the emergency call, which needs no PIN.
 * The typed characters are kept in a {@link PinBuffer}, zeroed after every attempt and when the
 * screen is left. Digits, or letters by multi-tap ({@link PinEntry}: {@code #} switches; the screen
 * starts in {@code abc} when the policy in force asks for letters).
 */
@Component(service = Screen.class, property = Screen.ID + "=" + LockScreen.ID)
public final class LockScreen implements Screen {

    /** Its name. */
    public static final String ID = "lock";
    private static final int MAX_PIN = 16;

    private final HandsetLock lock;
    private final PinBuffer pin = new PinBuffer(MAX_PIN);
    private final PinEntry entry = new PinEntry();
    private String message = "";
    private volatile PolicyView policy;

    /** @param lock the handset's PIN lock */
    @Activate
    public LockScreen(@Reference HandsetLock lock) {
        this.lock = lock;
    }

    /**
     * @param lock   the handset's PIN lock
     * @param policy the policy in force (for tests outside the framework)
     */
    public LockScreen(HandsetLock lock, PolicyView policy) {
        this(lock);
        this.policy = policy;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPolicy(PolicyView next) {
        policy = next;
    }

    void unbindPolicy(PolicyView gone) {
        if (policy == gone) {
            policy = null;
        }
    }

    @Override
    public void shown(ScreenContext context) {
        clear();
        entry.reset(PinEntry.lettersAsked(policy));
        message = "";
    }

    @Override
    public void changed(ScreenContext context) {
        entry.rules(PinEntry.lettersAsked(policy)); // a new policy may ask for letters, or no longer
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        painter.title(context.text("lock.title"));
        int line = painter.lineHeight(Painter.Size.NORMAL);
        painter.text(context.text("lock.enterPin"), 2 * line, Painter.Size.NORMAL, true);
        painter.text(pin.masked(), 2 * line + painter.lineHeight(Painter.Size.LARGE) + 8, Painter.Size.LARGE, true);
        int below = 5 * line + 8;
        if (entry.modeShown()) {
            painter.text(context.text("pin.mode", entry.mode().label()), below, Painter.Size.SMALL, true);
            below += painter.lineHeight(Painter.Size.SMALL);
        }
        if (!message.isEmpty()) {
            painter.text(message, below, Painter.Size.SMALL, true);
        }
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        if (entry.key(key, context.keyNanos(), pin)) {
            return true;
        }
        switch (key) {
            case SOFT_RIGHT -> {
                entry.deleteLast(pin);
                return true;
            }
            case OK -> {
                unlock(context);
                return true;
            }
            case SOFT_LEFT, CALL -> {
                clear();
                context.open(Screens.DIALER, Map.of(Screens.EMERGENCY, "true"));
                return true;
            }
            case END -> {
                clear();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    public SoftKeys softKeys(ScreenContext context) {
        return new SoftKeys(context.text("soft.emergency"), pin.isEmpty() ? "" : context.text("soft.delete"));
    }

    private void unlock(ScreenContext context) {
        if (pin.isEmpty()) {
            return;
        }
        char[] attempt = pin.copy();
        clear();
        try {
            lock.unlock(attempt);
            message = "";
            context.home();
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.WIPED) {
                // too many wrong PINs: the data is gone; the handset starts again with a new PIN
                message = "";
                context.notice(context.text("lock.wiped"));
                context.home();
                if (context.available(Screens.CHANGE_PIN)) {
                    context.open(Screens.CHANGE_PIN, Map.of());
                }
                return;
            }
            message = switch (e.reason()) {
                case WRONG_PIN -> context.text("lock.wrongPin", lock.failedAttempts());
                default -> context.text("lock.failed", e.reason().name());
            };
        } finally {
            Arrays.fill(attempt, '\0');
        }
    }

    private void clear() {
        entry.commit();
        pin.clear();
    }
}
