package org.redoubt.telephony;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Voice calls. Every change of a call is posted on {@link TelephonyEvents#CALL}; an ended call is
 * also written to the call log.
 *
 * @since 1.0
 */
@ProviderType
public interface CallControl {

    /** @return the calls that are up, by id */
    List<Call> calls();

    /**
     * Dials. An emergency number is always dialed: without a SIM PIN, with restrictions, from a locked handset.
     *
     * @param number 1..32 of {@code 0-9 + * #}
     * @return the new call (dialing or alerting)
     * @throws TelephonyException {@code RESTRICTED}, {@code SIM_LOCKED}, {@code NO_NETWORK}, {@code NO_MODEM},
     *                            {@code INVALID_ARGUMENT}, {@code REFUSED}
     */
    Call dial(String number) throws TelephonyException;

    /**
     * Answers the ringing call.
     *
     * @throws TelephonyException {@code NO_SUCH_CALL}, {@code NO_MODEM}, {@code REFUSED}
     */
    void answer() throws TelephonyException;

    /**
     * Rejects the ringing or the waiting call; the others stay.
     *
     * @throws TelephonyException {@code NO_SUCH_CALL}, {@code NO_MODEM}, {@code REFUSED}
     */
    void reject() throws TelephonyException;

    /**
     * @param id a call's id
     * @throws TelephonyException {@code NO_SUCH_CALL}, {@code NO_MODEM}, {@code REFUSED}
     */
    void hangUp(int id) throws TelephonyException;

    /**
     * Ends every call.
     *
     * @throws TelephonyException {@code NO_MODEM}, {@code REFUSED}
     */
    void hangUpAll() throws TelephonyException;

    /**
     * Puts the active call on hold and takes the held or waiting one (27.007 +CHLD=2): hold, resume
     * and swap are this one operation.
     *
     * @throws TelephonyException {@code NO_SUCH_CALL}, {@code NO_MODEM}, {@code REFUSED}
     */
    void holdAndSwap() throws TelephonyException;

    /**
     * Ends the active call and takes the held or waiting one (27.007 +CHLD=1).
     *
     * @throws TelephonyException {@code NO_SUCH_CALL}, {@code NO_MODEM}, {@code REFUSED}
     */
    void endActiveAndAccept() throws TelephonyException;

    /**
     * @param number a number as the user typed it
     * @return whether it is an emergency number: always dialable, also from the lock screen
     */
    boolean isEmergency(String number);

    /**
     * Mutes or unmutes the microphone for the calls in progress (27.007 +CMUT).
     *
     * @param muted whether the other side hears nothing
     * @throws TelephonyException {@code NO_SUCH_CALL} without a call in progress, {@code NO_MODEM}, {@code REFUSED}
     */
    void mute(boolean muted) throws TelephonyException;

    /** @return whether the microphone is muted (false when no call is in progress) */
    boolean muted();
}
