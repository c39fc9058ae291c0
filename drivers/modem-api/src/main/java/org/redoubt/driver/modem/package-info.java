/**
 * The AT command channel to the handset's modem (3GPP TS 27.007 / 27.005 over ITU-T V.250).
 *
 * <p>One command runs at a time: {@link org.redoubt.driver.modem.AtChannel#send} returns the
 * command's information lines and its final result code, or fails with a reason after its
 * timeout. Lines the modem sends on its own (RING, +CMTI, +CREG when unsolicited, NO CARRIER
 * outside a command, ...) never mix into a response; they go to the
 * {@link org.redoubt.driver.modem.UnsolicitedListener}s. Lines are limited in length; garbage and
 * a silent modem are recovered from, not fatal.
 *
 * <p>1.1 adds {@link org.redoubt.driver.modem.InProcessModem}: a modem inside the framework
 * (the emulator's simulator) that the driver's {@code in-process} transport connects to.
 *
 * @since 1.0
 */
@Export
@Version("1.1.0")
package org.redoubt.driver.modem;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
