package org.redoubt.store.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import org.redoubt.store.MessageStore;
import org.redoubt.store.StoreException;
import org.redoubt.store.StoreException.Reason;

/** What the stores accept: bad input gets {@code INVALID_ARGUMENT} with what is wrong, never a crash. */
final class Inputs {

    private static final Pattern NUMBER = Pattern.compile("[0-9+*#]{1,32}");
    private static final int MAX_NAME = 64;
    private static final int MAX_SENDER = 32;
    private static final int MAX_QUERY = 64;

    private Inputs() {
    }

    static String number(String number) throws StoreException {
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw invalid("a number is 1..32 of 0-9 + * #");
        }
        return number;
    }

    /** @return a number, or a sender name such as an alphanumeric SMS sender */
    static String sender(String sender) throws StoreException {
        if (sender != null && NUMBER.matcher(sender).matches()) {
            return sender;
        }
        if (sender == null || sender.isBlank() || sender.length() > MAX_SENDER || hasControl(sender, false)
                || !sender.equals(sender.strip())) {
            throw invalid("a sender is a number or 1.." + MAX_SENDER + " characters without control characters");
        }
        return sender;
    }

    static String name(String name) throws StoreException {
        if (name == null || name.isBlank() || name.length() > MAX_NAME || hasControl(name, false)) {
            throw invalid("a name is 1.." + MAX_NAME + " characters without control characters");
        }
        return name.strip();
    }

    static String body(String body) throws StoreException {
        if (body == null || body.length() > MessageStore.MAX_BODY_LENGTH || hasControl(body, true)) {
            throw invalid("a message body is at most " + MessageStore.MAX_BODY_LENGTH
                    + " characters, without control characters other than line breaks");
        }
        return body;
    }

    /** @return the query, lower case */
    static String query(String text) throws StoreException {
        if (text == null || text.isBlank() || text.length() > MAX_QUERY || hasControl(text, false)) {
            throw invalid("a search is 1.." + MAX_QUERY + " characters");
        }
        return text.strip().toLowerCase(Locale.ROOT);
    }

    static <T> T present(T value, String what) throws StoreException {
        if (value == null) {
            throw invalid(what + " is missing");
        }
        return value;
    }

    private static boolean hasControl(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(lineBreaksAllowed && (c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }

    private static StoreException invalid(String message) {
        return new StoreException(Reason.INVALID_ARGUMENT, message, null);
    }
}
