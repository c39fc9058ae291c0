package org.redoubt.telephony.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.redoubt.store.MessageStore;

/** What the inbox makes of senders and texts before the store sees them. */
class SmsInboxTest {

    @Test
    void textsBeyondTheStoresLimitBecomeSeveralMessagesWithoutSplittingACharacter() {
        String text = "a".repeat(MessageStore.MAX_BODY_LENGTH - 1) + "😀" + "b".repeat(10);

        List<String> chunks = SmsInbox.chunks(text);

        assertEquals(List.of("a".repeat(MessageStore.MAX_BODY_LENGTH - 1), "😀" + "b".repeat(10)), chunks);
        assertEquals(List.of(""), SmsInbox.chunks(""));
        assertEquals(List.of("short"), SmsInbox.chunks("short"));
    }

    @Test
    void controlCharactersBecomeSpacesAndLineBreaksStay() {
        assertEquals("page one page two\nline", SmsInbox.readable("page one\fpage two\nline"));
    }

    @Test
    void sendersAreCleanedToWhatTheStoreTakes() {
        assertEquals("+4930123", SmsInbox.sender("+4930123"));
        assertEquals("Unknown", SmsInbox.sender(""));
        assertEquals("Unknown", SmsInbox.sender(" \r\n"));
        assertEquals("Bank", SmsInbox.sender(" Bank\n"));
        assertEquals("x".repeat(32), SmsInbox.sender("x".repeat(40)));
    }
}
