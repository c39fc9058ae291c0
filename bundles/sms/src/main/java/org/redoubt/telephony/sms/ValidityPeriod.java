package org.redoubt.telephony.sms;

import java.time.Duration;

/** TP-VP in the relative format (TS 23.040 9.2.3.12.1): one octet, a coarser step the longer it gets. */
final class ValidityPeriod {

    private ValidityPeriod() {
    }

    /** @return the smallest code whose period is at least {@code validity} (at most 63 weeks) */
    static int encode(Duration validity) {
        for (int code = 0; code < 255; code++) {
            if (decode(code).compareTo(validity) >= 0) {
                return code;
            }
        }
        return 255;
    }

    static Duration decode(int code) {
        if (code <= 143) {
            return Duration.ofMinutes((code + 1) * 5L);
        }
        if (code <= 167) {
            return Duration.ofHours(12).plusMinutes((code - 143) * 30L);
        }
        if (code <= 196) {
            return Duration.ofDays(code - 166L);
        }
        return Duration.ofDays(7L * (code - 192));
    }
}
