package org.redoubt.store.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.redoubt.store.HandsetLock;
import org.redoubt.store.LockState;
import org.redoubt.store.StoreException;

/** The {@link HandsetLock} service over the vault. */
@Component(service = HandsetLock.class)
public final class PinLock implements HandsetLock {

    private final Vault vault;

    /** @param vault the sealed database */
    @Activate
    public PinLock(@Reference Vault vault) {
        this.vault = vault;
    }

    @Override
    public LockState state() {
        return vault.state();
    }

    @Override
    public void setPin(char[] pin) throws StoreException {
        vault.setPin(pin);
    }

    @Override
    public void unlock(char[] pin) throws StoreException {
        vault.unlock(pin);
    }

    @Override
    public void lock() {
        vault.lock();
    }

    @Override
    public void changePin(char[] oldPin, char[] newPin) throws StoreException {
        vault.changePin(oldPin, newPin);
    }

    @Override
    public int failedAttempts() {
        return vault.failedAttempts();
    }

    @Override
    public void wipe() throws StoreException {
        vault.wipe();
    }
}
