/**
 * SMS in PDU mode: the SMS-SUBMIT, SMS-DELIVER and SMS-STATUS-REPORT PDUs of 3GPP TS 23.040 with
 * the GSM 7-bit default alphabet and its extension table, and UCS-2, of TS 23.038; messages longer
 * than one SMS split into concatenated parts (8- or 16-bit references) and put together again by
 * a {@link org.redoubt.telephony.sms.Reassembler}.
 *
 * <p>{@link org.redoubt.telephony.sms.SmsCodec} is the entry point. PDUs travel as hex text, as
 * {@code AT+CMGS}, {@code AT+CMGR} and {@code +CDS} carry them, with the service-centre address
 * in front. Whatever arrives from the network is untrusted: decoding a PDU either yields a value
 * or throws a {@link org.redoubt.telephony.sms.PduException} with a reason, never anything else,
 * and reads no octet outside the PDU.
 *
 * @since 1.0
 */
@Version("1.0.0")
package org.redoubt.telephony.sms;

import org.osgi.annotation.versioning.Version;
