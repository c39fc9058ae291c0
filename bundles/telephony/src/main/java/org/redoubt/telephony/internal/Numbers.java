package org.redoubt.telephony.internal;

import java.util.regex.Pattern;

import org.redoubt.telephony.TelephonyException;
import org.redoubt.telephony.TelephonyException.Reason;

/** What a dialable number, a PIN, a PUK and a USSD code may be. */
final class Numbers {

    private static final Pattern NUMBER = Pattern.compile("[0-9+*#]{1,32}");
    private static final Pattern PIN = Pattern.compile("[0-9]{4,8}");
    private static final Pattern PUK = Pattern.compile("[0-9]{8}");
    private static final Pattern USSD = Pattern.compile("[0-9*#]{1,64}");

    private Numbers() {
    }

    static String number(String number) throws TelephonyException {
        return check(number, NUMBER, "a number is 1..32 of 0-9 + * #");
    }

    static String pin(String pin) throws TelephonyException {
        return check(pin, PIN, "a SIM PIN is 4..8 digits");
    }

    static String puk(String puk) throws TelephonyException {
        return check(puk, PUK, "a PUK is 8 digits");
    }

    static String ussd(String code) throws TelephonyException {
        return check(code, USSD, "a USSD code is 1..64 of 0-9 * #");
    }

    private static String check(String value, Pattern pattern, String rule) throws TelephonyException {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new TelephonyException(Reason.INVALID_ARGUMENT, rule, null);
        }
        return value;
    }
}
