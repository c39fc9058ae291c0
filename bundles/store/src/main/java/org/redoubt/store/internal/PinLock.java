package org.redoubt.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.redoubt.store.HandsetLock;
import org.redoubt.store.LockState;
import org.redoubt.store.StoreException;

/**
 * The {@link HandsetLock} service over the vault, and the one enforcement point of the policy's
 * PIN fields (configuration PID {@value #PID}): every new PIN must meet the rules, an unlock with a
 * PIN the rules no longer admit requires a change, and the wrong PIN that reaches
 * {@code maxFailedForWipe} wipes the handset. A new configuration is taken without restarting the
 * service; it applies from the next PIN entered.
 */
@Component(service = HandsetLock.class, configurationPid = PinLock.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PinLock.Config.class)
public final class PinLock implements HandsetLock {

    /** The configuration PID. */
    public static final String PID = "org.redoubt.store.lock";

    /** The PIN rules (policy {@code password.*}). */
    @ObjectClassDefinition(id = PID, name = "Redoubt PIN lock", description = "The handset PIN's rules and wipe.")
    public @interface Config {
        /** @return the shortest PIN, 4..16 (policy password.minLength) */
        @AttributeDefinition(min = "4", max = "16")
        int pinMinLength() default 4;

        /** @return what a PIN is made of (policy password.quality) */
        @AttributeDefinition(options = {@Option(value = "NUMERIC"), @Option(value = "NUMERIC_COMPLEX"),
            @Option(value = "ALPHANUMERIC")})
        String pinQuality() default "NUMERIC";

        /** @return wrong PINs in a row that wipe the handset, 0 = never (policy password.maxFailedForWipe) */
        @AttributeDefinition(min = "0")
        int maxFailedForWipe() default 0;
    }

    private final Vault vault;
    private final Logger logger;
    private volatile PinRules rules;
    /** Whether the last unlock was with a PIN the rules of that moment did not admit; not persisted. */
    private volatile boolean unlockedWithWeakPin;

    /**
     * @param vault  the sealed database
     * @param config the PIN rules
     * @param logger where configuration errors go (never a PIN)
     */
    @Activate
    public PinLock(@Reference Vault vault, Config config, @Reference(service = LoggerFactory.class) Logger logger) {
        this.vault = Objects.requireNonNull(vault, "vault");
        this.logger = Objects.requireNonNull(logger, "logger");
        this.rules = rules(config);
    }

    /**
     * Without a policy: {@link PinRules#DEFAULT}.
     *
     * @param vault the sealed database
     */
    public PinLock(Vault vault) {
        this.vault = Objects.requireNonNull(vault, "vault");
        this.logger = null;
        this.rules = PinRules.DEFAULT;
    }

    /** @param config the new PIN rules, from the next PIN entered on */
    @Modified
    void modified(Config config) {
        this.rules = rules(config);
    }

    /** @param rules the rules, for tests that do not go through a configuration */
    void rules(PinRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    private PinRules rules(Config config) {
        List<String> errors = new ArrayList<>();
        PinRules read = PinRules.of(config.pinMinLength(), config.pinQuality(), config.maxFailedForWipe(), errors::add);
        if (logger == null) {
            return read;
        }
        if (!errors.isEmpty()) {
            logger.error("configuration error in {}: {}", PID, String.join("; ", errors));
        }
        logger.info("PIN rules: at least {} characters, {}, wipe after {}", read.minLength(), read.quality(),
                read.maxFailedForWipe() == 0 ? "never" : read.maxFailedForWipe() + " wrong PINs");
        return read;
    }

    @Override
    public LockState state() {
        return vault.state();
    }

    @Override
    public void setPin(char[] pin) throws StoreException {
        vault.setPin(pin, rules);
        unlockedWithWeakPin = false;
    }

    @Override
    public void unlock(char[] pin) throws StoreException {
        PinRules now = rules;
        boolean admitted = now.admits(pin);
        vault.unlock(pin, now);
        unlockedWithWeakPin = !admitted;
    }

    @Override
    public void lock() {
        vault.lock();
    }

    @Override
    public void changePin(char[] oldPin, char[] newPin) throws StoreException {
        vault.changePin(oldPin, newPin, rules);
        unlockedWithWeakPin = false;
    }

    @Override
    public boolean pinChangeRequired() {
        return state() != LockState.NO_PIN && (unlockedWithWeakPin || vault.pinChangeRequired());
    }

    @Override
    public void requirePinChange() throws StoreException {
        vault.requirePinChange();
    }

    @Override
    public int failedAttempts() {
        return vault.failedAttempts();
    }

    @Override
    public void wipe() throws StoreException {
        vault.wipe();
        unlockedWithWeakPin = false;
    }
}
