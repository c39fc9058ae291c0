package org.redoubt.driver.radios;

/**
 * The switchable radios and interfaces.
 *
 * @since 1.0
 */
public enum Radio {
    /** Bluetooth (rfkill type {@code bluetooth}). */
    BLUETOOTH,
    /** Wi-Fi (rfkill type {@code wlan}). */
    WIFI,
    /** NFC (rfkill type {@code nfc}). */
    NFC,
    /** USB data (the USB port still charges when this is off). */
    USB_DATA
}
