package org.redoubt.driver.modem.simulator;

/**
 * The simulated SIM: PIN and PUK with their retry counters (27.007 +CPIN, +CLCK "SC", +CPWD "SC").
 * Not thread-safe; the simulator guards it.
 */
final class SimCard {

    static final int PIN_RETRIES = 3;
    static final int PUK_RETRIES = 10;

    private String pin;
    private final String puk;
    private boolean lockEnabled;
    private boolean unlocked;
    private int pinLeft = PIN_RETRIES;
    private int pukLeft = PUK_RETRIES;

    SimCard(String pin, String puk, boolean lockEnabled) {
        this.pin = pin;
        this.puk = puk;
        this.lockEnabled = lockEnabled;
    }

    /** @return the +CPIN state: READY, SIM PIN or SIM PUK */
    String state() {
        if (pukLeft == 0) {
            return "SIM PUK";
        }
        if (pinLeft == 0) {
            return "SIM PUK";
        }
        return !lockEnabled || unlocked ? "READY" : "SIM PIN";
    }

    boolean ready() {
        return state().equals("READY");
    }

    /** @return null on success, else the +CME ERROR code (16 incorrect password, 12 PUK required, 3 not allowed) */
    Integer enterPin(String candidate) {
        if (state().equals("SIM PUK")) {
            return 12;
        }
        if (ready()) {
            return 3;
        }
        if (candidate.equals(pin)) {
            unlocked = true;
            pinLeft = PIN_RETRIES;
            return null;
        }
        pinLeft--;
        return pinLeft == 0 ? 12 : 16;
    }

    Integer enterPuk(String candidatePuk, String newPin) {
        if (!state().equals("SIM PUK") || pukLeft == 0) {
            return 3;
        }
        if (!candidatePuk.equals(puk)) {
            pukLeft--;
            return 16;
        }
        pin = newPin;
        pinLeft = PIN_RETRIES;
        unlocked = true;
        return null;
    }

    Integer setLock(boolean enable, String candidate) {
        Integer failure = checkPin(candidate);
        if (failure == null) {
            lockEnabled = enable;
        }
        return failure;
    }

    boolean lockEnabled() {
        return lockEnabled;
    }

    Integer changePin(String old, String fresh) {
        Integer failure = checkPin(old);
        if (failure == null) {
            pin = fresh;
        }
        return failure;
    }

    /** A PIN check that counts: null when right, else the +CME ERROR code (16, or 12 once blocked). */
    private Integer checkPin(String candidate) {
        if (!candidate.equals(pin)) {
            pinLeft--;
            return pinLeft == 0 ? 12 : 16;
        }
        pinLeft = PIN_RETRIES;
        return null;
    }

    /** A modem reset: the SIM must be unlocked again. */
    void reset() {
        unlocked = false;
    }
}
