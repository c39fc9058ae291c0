package org.redoubt.telephony.sms;

/**
 * What the network sends a handset: a message or a status report.
 *
 * @since 1.0
 */
public sealed interface IncomingPdu permits SmsDeliver, StatusReport {
}
