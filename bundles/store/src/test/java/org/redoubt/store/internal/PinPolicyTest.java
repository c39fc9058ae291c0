package org.redoubt.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;
import org.osgi.util.converter.Converters;
import org.redoubt.crypto.api.PinKdfParameters;
import org.redoubt.crypto.api.Suite;
import org.redoubt.crypto.bc.internal.BouncyCastleCryptoProvider;
import org.redoubt.crypto.sealed.internal.FileDeviceSecret;
import org.redoubt.crypto.sealed.internal.KeyHierarchy;
import org.redoubt.store.LockState;
import org.redoubt.store.StoreException;
import org.redoubt.store.StoreException.Reason;

/**
 * The policy's PIN fields through the lock's configuration (PID {@value PinLock#PID}), over the
 * real key hierarchy and database: rules for new PINs, a change required after an unlock with a PIN
 * the rules no longer admit or after {@code RESET_PIN}, and the wipe at exactly
 * {@code maxFailedForWipe} wrong PINs.
 */
class PinPolicyTest {

    private static final BouncyCastleCryptoProvider PROVIDER = new BouncyCastleCryptoProvider();
    private static final PinKdfParameters CHEAP = new PinKdfParameters(8 * 1024, 1, 1);
    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    @TempDir
    Path data;
    private final List<Vault> opened = new ArrayList<>();
    private final List<String> logged = new ArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (args != null) {
                    logged.add(method.getName() + " " + java.util.Arrays.deepToString(args));
                }
                return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
            });

    @AfterEach
    void closeAll() {
        opened.forEach(Vault::close);
    }

    private static PinLock.Config config(int minLength, String quality, int maxFailedForWipe) {
        return Converters.standardConverter().convert(Map.of("pinMinLength", minLength, "pinQuality", quality,
                "maxFailedForWipe", maxFailedForWipe)).to(PinLock.Config.class);
    }

    /** A boot of the handset with a configuration: a new vault and lock over the same data directory. */
    private PinLock boot(PinLock.Config config) throws StoreException {
        Vault vault = new Vault(data.resolve("stores"), new KeyHierarchy(data.resolve("keys/storage"), PROVIDER,
                new FileDeviceSecret(data.resolve("secrets"), PROVIDER), () -> Suite.NIST, CHEAP));
        opened.add(vault);
        return new PinLock(vault, config, logger);
    }

    private Vault vault() {
        return opened.get(opened.size() - 1);
    }

    private static char[] pin(String pin) {
        return pin.toCharArray();
    }

    private static Reason reason(Action action) {
        return assertThrows(StoreException.class, action::run).reason();
    }

    @FunctionalInterface
    private interface Action {
        void run() throws StoreException;
    }

    @Test
    void aNewPinThatBreaksTheRulesIsRefusedAndChangesNothing() throws StoreException {
        PinLock lock = boot(config(6, "NUMERIC_COMPLEX", 0));
        assertEquals(Reason.PIN_TOO_WEAK, reason(() -> lock.setPin(pin("2468"))), "too short");
        assertEquals(Reason.PIN_TOO_WEAK, reason(() -> lock.setPin(pin("123456"))), "counting up");
        assertEquals(Reason.PIN_TOO_WEAK, reason(() -> lock.setPin(pin("777777"))), "one digit");
        assertEquals(LockState.NO_PIN, lock.state());
        lock.setPin(pin("246813"));

        assertEquals(Reason.PIN_TOO_WEAK, reason(() -> lock.changePin(pin("246813"), pin("987654"))));
        assertEquals(Reason.PIN_TOO_WEAK, reason(() -> lock.changePin(pin("000000"), pin("98765"))),
                "refused before the old PIN is looked at");
        assertEquals(0, lock.failedAttempts(), "a refused new PIN is no failed attempt");
        lock.lock();
        lock.unlock(pin("246813"));
        assertEquals(LockState.UNLOCKED, lock.state(), "the old PIN still opens");
        assertFalse(logged.stream().anyMatch(line -> line.contains("246813") || line.contains("987654")),
                "no PIN in the log: " + logged);
    }

    @Test
    void aNewConfigurationChangesWhatANewPinMayBe() throws StoreException {
        PinLock lock = boot(config(4, "NUMERIC", 0));
        lock.setPin(pin("1234"));
        lock.modified(config(4, "ALPHANUMERIC", 0));
        assertEquals(Reason.PIN_TOO_WEAK, reason(() -> lock.changePin(pin("1234"), pin("5791"))));
        lock.changePin(pin("1234"), pin("gate42"));
        lock.lock();
        lock.unlock(pin("gate42"));
        lock.modified(config(4, "NUMERIC", 0));
        assertEquals(Reason.PIN_TOO_WEAK, reason(() -> lock.changePin(pin("gate42"), pin("gate43"))),
                "letters again only under ALPHANUMERIC");
        lock.changePin(pin("gate42"), pin("5791"));
    }

    @Test
    void anUnlockWithAPinTheRulesNoLongerAdmitRequiresAChange() throws StoreException {
        PinLock lock = boot(config(4, "NUMERIC", 0));
        lock.setPin(pin("1111"));
        assertFalse(lock.pinChangeRequired());
        lock.lock();
        lock.modified(config(6, "NUMERIC_COMPLEX", 0));
        lock.unlock(pin("1111"));
        assertEquals(LockState.UNLOCKED, lock.state(), "the old PIN still unlocks");
        assertTrue(lock.pinChangeRequired());
        assertEquals(Reason.PIN_TOO_WEAK, reason(() -> lock.changePin(pin("1111"), pin("2222"))));
        assertTrue(lock.pinChangeRequired(), "still, after a refused change");
        lock.changePin(pin("1111"), pin("258013"));
        assertFalse(lock.pinChangeRequired());
        lock.lock();
        lock.unlock(pin("258013"));
        assertFalse(lock.pinChangeRequired(), "a PIN that meets the rules");
    }

    @Test
    void aRequiredChangeLastsAcrossRestartsUntilTheNextChange() throws StoreException {
        PinLock lock = boot(config(4, "NUMERIC", 0));
        assertEquals(Reason.NO_PIN, reason(lock::requirePinChange));
        lock.setPin(pin("2468"));
        lock.requirePinChange();
        assertTrue(lock.pinChangeRequired());
        vault().close();

        PinLock rebooted = boot(config(4, "NUMERIC", 0));
        assertTrue(rebooted.pinChangeRequired(), "persisted");
        rebooted.unlock(pin("2468"));
        assertTrue(rebooted.pinChangeRequired(), "an unlock is no change");
        assertEquals(Reason.WRONG_PIN, reason(() -> rebooted.changePin(pin("0000"), pin("1357"))));
        assertTrue(rebooted.pinChangeRequired());
        rebooted.changePin(pin("2468"), pin("1357"));
        assertFalse(rebooted.pinChangeRequired());
        vault().close();
        assertFalse(boot(config(4, "NUMERIC", 0)).pinChangeRequired());
    }

    @Test
    void theNthWrongPinWipesAndTheOneBeforeDoesNot() throws Exception {
        PinLock lock = boot(config(4, "NUMERIC", 3));
        lock.setPin(pin("2468"));
        new MessageBox(vault()).deliver("+4915550004", "kept until the wipe", T0);
        lock.lock();
        assertEquals(Reason.WRONG_PIN, reason(() -> lock.unlock(pin("0000"))));
        vault().close();

        PinLock rebooted = boot(config(4, "NUMERIC", 3));
        assertEquals(Reason.WRONG_PIN, reason(() -> rebooted.unlock(pin("0001"))), "N-1: no wipe");
        assertEquals(2, rebooted.failedAttempts());
        assertEquals(LockState.LOCKED, rebooted.state());
        assertTrue(Files.exists(data.resolve("keys/storage/keyring.json")));

        assertEquals(Reason.WIPED, reason(() -> rebooted.unlock(pin("0002"))), "N, counted across the restart");
        assertEquals(LockState.NO_PIN, rebooted.state());
        assertEquals(0, rebooted.failedAttempts());
        assertFalse(Files.exists(data.resolve("keys/storage/keyring.json")), "crypto-erased");
        assertEquals(Reason.NO_PIN, reason(() -> rebooted.unlock(pin("2468"))), "the old PIN opens nothing");
        rebooted.setPin(pin("1357"));
        assertTrue(new MessageBox(vault()).threads().isEmpty());
    }

    @Test
    void aRightPinBeforeTheNthStartsTheCountAgain() throws StoreException {
        PinLock lock = boot(config(4, "NUMERIC", 2));
        lock.setPin(pin("2468"));
        lock.lock();
        assertEquals(Reason.WRONG_PIN, reason(() -> lock.unlock(pin("0000"))));
        lock.unlock(pin("2468"));
        lock.lock();
        assertEquals(Reason.WRONG_PIN, reason(() -> lock.unlock(pin("0000"))));
        assertEquals(LockState.LOCKED, lock.state());
        assertEquals(Reason.WIPED, reason(() -> lock.changePin(pin("0001"), pin("1357"))),
                "a wrong old PIN counts like an unlock");
        assertEquals(LockState.NO_PIN, lock.state());
    }

    @Test
    void aNewConfigurationTurnsTheWipeOnAndOff() throws StoreException {
        PinLock lock = boot(config(4, "NUMERIC", 0));
        lock.setPin(pin("2468"));
        lock.lock();
        for (int i = 0; i < 5; i++) {
            assertEquals(Reason.WRONG_PIN, reason(() -> lock.unlock(pin("0000"))), "0 = never");
        }
        lock.modified(config(4, "NUMERIC", 7));
        assertEquals(Reason.WRONG_PIN, reason(() -> lock.unlock(pin("0000"))), "6 of 7");
        lock.modified(config(4, "NUMERIC", 0));
        assertEquals(Reason.WRONG_PIN, reason(() -> lock.unlock(pin("0000"))), "off again: 7 wrong, no wipe");
        lock.modified(config(4, "NUMERIC", 3));
        assertEquals(Reason.WIPED, reason(() -> lock.unlock(pin("0000"))),
                "already past a lowered limit: the next wrong PIN wipes");
    }

    @Test
    void aBadConfigurationIsLoggedAndReadSafely() throws StoreException {
        PinLock lock = boot(config(99, "SIMPLE", 0));
        assertTrue(logged.stream().anyMatch(line -> line.startsWith("error") && line.contains("SIMPLE")), logged.toString());
        assertEquals(Reason.PIN_TOO_WEAK, reason(() -> lock.setPin(pin("1234123412341234"))),
                "16 characters, NUMERIC_COMPLEX");
        lock.setPin(pin("1357135713571357"));
    }
}
