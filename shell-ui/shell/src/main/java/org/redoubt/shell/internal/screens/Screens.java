package org.redoubt.shell.internal.screens;

/** The names of the shell's screens and their arguments. */
public final class Screens {

    /** The home menu. */
    public static final String HOME = "home";
    /** The dialer. Arguments: {@link #DIGITS}, {@link #EMERGENCY}. */
    public static final String DIALER = "dialer";
    /** A ringing call. */
    public static final String INCOMING = "incoming";
    /** The calls in progress. */
    public static final String CALL = "call";
    /** Messages, contacts, call log, settings: opened from the home menu when there. */
    public static final String MESSAGES = "messages";
    /** One message thread. Argument: {@link #ADDRESS}. */
    public static final String THREAD = "thread";
    /** Writing a message. Argument: {@link #ADDRESS} (none for a new number). */
    public static final String COMPOSE = "compose";
    /** Contacts. */
    public static final String CONTACTS = "contacts";
    /** One contact's options. Argument: {@link #CONTACT_ID}. */
    public static final String CONTACT = "contact";
    /** Adding (no argument) or editing ({@link #CONTACT_ID}) a contact. */
    public static final String CONTACT_EDIT = "contact-edit";
    /** The call log. */
    public static final String CALL_LOG = "calllog";
    /** Settings. */
    public static final String SETTINGS = "settings";

    /** Thread and compose argument: the other party's number or sender name. */
    public static final String ADDRESS = "address";
    /** Contact argument: the contact's id. */
    public static final String CONTACT_ID = "contact.id";
    /** Setting or changing the handset PIN. */
    public static final String CHANGE_PIN = "change-pin";
    /** The SIM's PIN or PUK, opened by the shell when the SIM asks. */
    public static final String SIM_PIN = "sim-pin";
    /** Settings, Radios: Bluetooth, Wi-Fi, NFC, USB data. */
    public static final String RADIOS = "radios";
    /** What is installed. */
    public static final String ABOUT = "about";

    /** Dialer argument: the digits to start with. */
    public static final String DIGITS = "digits";
    /** Dialer argument: {@code true} to take emergency numbers only (from the lock screen). */
    public static final String EMERGENCY = "emergency";

    private Screens() {
    }
}
