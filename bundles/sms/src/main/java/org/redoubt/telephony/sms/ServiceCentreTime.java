package org.redoubt.telephony.sms;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.redoubt.telephony.sms.PduException.Reason;

/**
 * TP-SCTS and TP-DT (TS 23.040 9.2.3.11): year, month, day, hour, minute, second and time zone as
 * swapped BCD, the zone in quarters of an hour with its sign in bit 3.
 */
final class ServiceCentreTime {

    private static final int LENGTH = 7;

    private ServiceCentreTime() {
    }

    /** @return the time, or empty when its digits are not a valid time (the message still counts) */
    static Optional<OffsetDateTime> decode(PduReader pdu, String field) throws PduException {
        byte[] octets = pdu.octets(LENGTH, field);
        int[] values = new int[LENGTH - 1];
        for (int i = 0; i < values.length; i++) {
            int low = octets[i] & 0xF;
            int high = (octets[i] >> 4) & 0xF;
            if (low > 9 || high > 9) {
                return Optional.empty();
            }
            values[i] = low * 10 + high;
        }
        int zone = octets[6] & 0xFF;
        int zoneTens = zone & 0x7;
        int zoneUnits = zone >> 4;
        if (zoneUnits > 9) {
            return Optional.empty();
        }
        int quarters = zoneTens * 10 + zoneUnits;
        int offsetSeconds = ((zone & 0x8) != 0 ? -1 : 1) * quarters * 15 * 60;
        int year = values[0] < 90 ? 2000 + values[0] : 1900 + values[0];
        try {
            return Optional.of(OffsetDateTime.of(year, values[1], values[2], values[3], values[4], values[5], 0,
                    ZoneOffset.ofTotalSeconds(offsetSeconds)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** @return the field for {@code time}, whose offset is a whole number of quarter hours */
    static byte[] encode(OffsetDateTime time) throws PduException {
        int offsetSeconds = time.getOffset().getTotalSeconds();
        if (offsetSeconds % (15 * 60) != 0 || Math.abs(offsetSeconds) > 79 * 15 * 60) {
            throw new PduException(Reason.INVALID_ARGUMENT, "the time zone is not a whole number of quarter hours");
        }
        int quarters = Math.abs(offsetSeconds) / (15 * 60);
        int[] values = {time.getYear() % 100, time.getMonthValue(), time.getDayOfMonth(), time.getHour(),
            time.getMinute(), time.getSecond()};
        byte[] field = new byte[LENGTH];
        for (int i = 0; i < values.length; i++) {
            field[i] = swapped(values[i]);
        }
        field[6] = (byte) (swapped(quarters) | (offsetSeconds < 0 ? 0x08 : 0));
        return field;
    }

    private static byte swapped(int twoDigits) {
        return (byte) ((twoDigits % 10) << 4 | twoDigits / 10);
    }
}
