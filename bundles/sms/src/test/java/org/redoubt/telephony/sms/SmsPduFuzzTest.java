package org.redoubt.telephony.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Untrusted PDUs into the decoder: whatever the octets (as hex) or the text, decoding yields a
 * message or report with its fields in range, or a {@link PduException}; nothing else escapes.
 * A decoded SMS-DELIVER's text, encoded again, decodes to the same text.
 *
 * <p>The normal build runs the committed inputs in {@code SmsPduFuzzTestInputs}; {@code -Pfuzz
 * -Dtest=SmsPduFuzzTest} fuzzes.
 */
class SmsPduFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void decode(byte[] octets) {
        try {
            IncomingPdu pdu = SmsCodec.decode(Hex.encode(octets));
            if (pdu instanceof SmsDeliver sms) {
                assertTrue(sms.originator().length() <= 21);
                assertTrue(sms.text().length() <= 2 * UserData.MAX_OCTETS);
                reencodes(sms);
            } else if (pdu instanceof StatusReport report) {
                assertNotNull(report.outcome());
            }
        } catch (PduException expected) {
            assertNotNull(expected.reason());
        }
        try {
            SmsCodec.decodeSubmit(Hex.encode(octets));
        } catch (PduException expected) {
            assertNotNull(expected.reason());
        }
    }

    @FuzzTest(maxDuration = "2m")
    void decodeText(byte[] input) {
        try {
            assertNotNull(SmsCodec.decode(new String(input, StandardCharsets.ISO_8859_1)));
        } catch (PduException expected) {
            assertNotNull(expected.reason());
        }
    }

    /** A whole 7-bit or UCS-2 text survives another trip through the encoder. */
    private static void reencodes(SmsDeliver sms) throws PduException {
        String text = sms.text();
        boolean whole = sms.alphabet() == Alphabet.GSM_7BIT
                || sms.alphabet() == Alphabet.UCS2 && text.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF);
        if (!whole) {
            return;
        }
        StringBuilder back = new StringBuilder();
        for (SubmitPdu pdu : SmsCodec.submit("0170", text, SubmitOptions.withReference(0))) {
            back.append(SmsCodec.decodeSubmit(pdu.hex()).text());
        }
        assertEquals(text, back.toString());
    }
}
