package org.redoubt.policy.agent.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.redoubt.policy.Command;
import org.redoubt.store.HandsetLock;
import org.redoubt.store.StoreException;

/**
 * Commands on the handset's services: LOCK, WIPE and RESET_PIN through the PIN lock of the stores,
 * REBOOT by stopping the framework (the runtime's supervisor starts it again, and the launcher
 * verifies the release again). REBOOT waits a moment first, so that its ack leaves.
 */
final class LockCommands implements HandsetCommands {

    private static final long REBOOT_DELAY_MILLIS = 1_000;

    private final Supplier<Optional<HandsetLock>> lock;
    private final Bundle framework;
    private final Consumer<String> journal;

    /**
     * @param lock      the PIN lock, when its bundle runs
     * @param framework the system bundle
     * @param journal   one line per command
     */
    LockCommands(Supplier<Optional<HandsetLock>> lock, Bundle framework, Consumer<String> journal) {
        this.lock = lock;
        this.framework = framework;
        this.journal = journal;
    }

    @Override
    public void carryOut(Command.Action action) throws IOException {
        journal.accept("carrying out the signed command " + action);
        if (action == Command.Action.REBOOT) {
            Thread reboot = new Thread(this::reboot, "redoubt-reboot");
            reboot.setDaemon(true);
            reboot.start();
            return;
        }
        HandsetLock handsetLock = lock.get().orElseThrow(() -> new IOException("the PIN lock is not running"));
        try {
            switch (action) {
                case LOCK -> handsetLock.lock();
                case WIPE -> handsetLock.wipe();
                case RESET_PIN -> handsetLock.requirePinChange();
                default -> throw new IllegalStateException("unhandled command " + action);
            }
        } catch (StoreException e) {
            throw new IOException(action + " failed: " + e.reason(), e);
        }
    }

    private void reboot() {
        try {
            Thread.sleep(REBOOT_DELAY_MILLIS);
            framework.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BundleException e) {
            journal.accept("REBOOT failed: " + e.getMessage());
        }
    }
}
