package org.redoubt.shell.internal.screens;

import java.util.Arrays;
import java.util.Optional;

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
import org.redoubt.store.LockState;
import org.redoubt.store.StoreException;

/**
 * Sets the handset PIN (when there is none) or changes it: the current PIN, the new one, the new one
 * again; masked, in {@link PinBuffer}s zeroed when done. Digits, or letters by multi-tap
 * ({@link PinEntry}: {@code #} switches; the screen starts in {@code abc} when the policy in force
 * asks for letters, and then says that the new PIN takes them). When the lock requires a change
 * ({@link HandsetLock#pinChangeRequired()}: the PIN no longer meets the policy's rules, or a
 * RESET_PIN) the screen cannot be left until a new PIN is set; a PIN the rules refuse is shown
 * with the rule it breaks. When the policy in force sets PIN rules they are shown, for information.
 */
@Component(service = Screen.class, property = Screen.ID + "=" + Screens.CHANGE_PIN)
public final class ChangePinScreen implements Screen {

    private static final int MAX_PIN = 16;
    private static final String[] STEPS = {"pin.current", "pin.new", "pin.again"};

    private final HandsetLock lock;
    private final PinBuffer[] entered = {new PinBuffer(MAX_PIN), new PinBuffer(MAX_PIN), new PinBuffer(MAX_PIN)};
    private final PinEntry entry = new PinEntry();
    private int step;
    /** The PIN rule the last new PIN broke, as the lock said it (never the PIN), or empty. */
    private String brokenRule = "";
    private volatile PolicyView policy;

    /** @param lock the handset's PIN lock */
    @Activate
    public ChangePinScreen(@Reference HandsetLock lock) {
        this.lock = lock;
    }

    /**
     * @param lock   the handset's PIN lock
     * @param policy the policy in force (for tests outside the framework)
     */
    public ChangePinScreen(HandsetLock lock, PolicyView policy) {
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
        brokenRule = "";
        step = lock.state() == LockState.NO_PIN ? 1 : 0;
    }

    @Override
    public void changed(ScreenContext context) {
        entry.rules(PinEntry.lettersAsked(policy)); // a new policy may ask for letters, or no longer
    }

    @Override
    public void paint(Painter painter, ScreenContext context) {
        painter.title(context.text(lock.state() == LockState.NO_PIN ? "pin.setTitle" : "pin.changeTitle"));
        int line = painter.lineHeight(Painter.Size.NORMAL);
        PolicyView current = policy;
        String prompt = step == 1 && PinEntry.lettersAsked(current) ? "pin.newLetters" : STEPS[step];
        painter.text(context.text(prompt), 2 * line, Painter.Size.NORMAL, true);
        painter.text(entered[step].masked(), 2 * line + painter.lineHeight(Painter.Size.LARGE) + 8,
                Painter.Size.LARGE, true);
        int below = 5 * line + 8;
        if (entry.modeShown()) {
            painter.text(context.text("pin.mode", entry.mode().label()), below, Painter.Size.SMALL, true);
            below += painter.lineHeight(Painter.Size.SMALL);
        }
        if (required()) {
            painter.text(context.text("pin.required"), below, Painter.Size.SMALL, true);
            below += painter.lineHeight(Painter.Size.SMALL);
        }
        Optional<String> rules = PinRulesLine.of(current == null ? Optional.empty() : current.standing(), context);
        if (rules.isPresent()) {
            below = painter.paragraph(rules.get(), below, Painter.Size.SMALL, false);
        }
        if (!brokenRule.isEmpty()) {
            painter.paragraph(brokenRule, below, Painter.Size.SMALL, false);
        }
    }

    /** @return whether the lock requires a new PIN: the screen cannot be left */
    private boolean required() {
        return lock.state() == LockState.UNLOCKED && lock.pinChangeRequired();
    }

    /** Leaves the screen, unless a new PIN is required. */
    private void leave(ScreenContext context) {
        clear();
        if (required()) {
            step = 0;
            context.notice(context.text("pin.required"));
        } else {
            context.back();
        }
    }

    @Override
    public boolean key(Key key, ScreenContext context) {
        if (entry.key(key, context.keyNanos(), entered[step])) {
            return true;
        }
        switch (key) {
            case SOFT_RIGHT -> {
                if (!entry.deleteLast(entered[step])) {
                    leave(context);
                }
            }
            case OK, SOFT_LEFT -> next(context);
            case END -> leave(context);
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public SoftKeys softKeys(ScreenContext context) {
        boolean empty = entered[step].isEmpty();
        if (empty && required()) {
            return new SoftKeys("", "");
        }
        return new SoftKeys(empty ? "" : context.text("soft.next"), context.text(empty ? "soft.back" : "soft.delete"));
    }

    private void next(ScreenContext context) {
        if (entered[step].isEmpty()) {
            return;
        }
        entry.commit();
        if (step < 2) {
            step++;
            return;
        }
        char[] current = entered[0].copy();
        char[] next = entered[1].copy();
        char[] again = entered[2].copy();
        try {
            if (!Arrays.equals(next, again)) {
                context.notice(context.text("pin.mismatch"));
                step = 1;
                entered[1].clear();
                entered[2].clear();
                return;
            }
            if (lock.state() == LockState.NO_PIN) {
                lock.setPin(next);
            } else {
                lock.changePin(current, next);
            }
            context.notice(context.text("pin.changed"));
            clear();
            context.back();
        } catch (StoreException e) {
            context.notice(switch (e.reason()) {
                case WRONG_PIN -> context.text("error.WRONG_PIN");
                case INVALID_ARGUMENT -> context.text(PinEntry.lettersAsked(policy) ? "pin.invalidLetters"
                        : "pin.invalid");
                case PIN_TOO_WEAK -> context.text("pin.tooWeak");
                default -> context.text("store." + e.reason().name());
            });
            brokenRule = e.reason() == StoreException.Reason.PIN_TOO_WEAK && e.getMessage() != null ? e.getMessage() : "";
            clear();
            step = lock.state() == LockState.NO_PIN ? 1 : 0;
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(next, '\0');
            Arrays.fill(again, '\0');
        }
    }

    private void clear() {
        entry.commit();
        for (PinBuffer digits : entered) {
            digits.clear();
        }
    }
}
