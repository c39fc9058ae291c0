package org.redoubt.crypto.keystore.internal;

import org.redoubt.crypto.api.HashAlgorithm;
import org.redoubt.crypto.sealed.DeviceSecret;
import org.redoubt.crypto.sealed.SealedStorageException;
import org.redoubt.crypto.sealed.SealedStorageException.Reason;

/** A handset whose secure element does not answer: every use of the device secret fails. */
final class AbsentSecureElement implements DeviceSecret {

    @Override
    public byte[] deriveKey(HashAlgorithm hash, String purpose, int length) throws SealedStorageException {
        throw new SealedStorageException(Reason.DEVICE_SECRET_UNAVAILABLE, "the secure element does not answer", null);
    }

    @Override
    public void destroy(String purpose) throws SealedStorageException {
        throw new SealedStorageException(Reason.DEVICE_SECRET_UNAVAILABLE, "the secure element does not answer", null);
    }
}
