package org.redoubt.policy;

/**
 * The radios and data ports a policy controls. The handset has no camera and no GPS.
 *
 * @since 1.0
 */
public enum Radio {
    /** Bluetooth. */
    BLUETOOTH("bluetooth"),
    /** Wi-Fi. */
    WIFI("wifi"),
    /** NFC. */
    NFC("nfc"),
    /** USB data (charging is never blocked). */
    USB_DATA("usbData");

    private final String field;

    Radio(String field) {
        this.field = field;
    }

    /** @return its name in a policy document */
    public String field() {
        return field;
    }
}
