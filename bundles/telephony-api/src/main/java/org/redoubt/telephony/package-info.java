/**
 * Telephony over the handset's AT modem: network registration and signal ({@link org.redoubt.telephony.Network}),
 * the SIM's PIN and PUK ({@link org.redoubt.telephony.Sim}), voice calls ({@link org.redoubt.telephony.CallControl}),
 * text messages ({@link org.redoubt.telephony.Sms}), USSD ({@link org.redoubt.telephony.Ussd}) and network
 * time ({@link org.redoubt.telephony.NetworkTime}). Since 1.1 the network status also says whether
 * mobile data is attached, or held detached while roaming by policy ({@link org.redoubt.telephony.PacketData}).
 *
 * <p>Changes are announced through the OSGi Event Admin on the topics of
 * {@link org.redoubt.telephony.TelephonyEvents}; events carry no message text. Emergency numbers
 * are always dialable, whatever the SIM, the restrictions or the lock screen say. Every failure is
 * a {@link org.redoubt.telephony.TelephonyException} with a reason.
 *
 * @since 1.0
 */
@Export
@Version("1.1.0")
package org.redoubt.telephony;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
