package org.redoubt.telephony.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redoubt.telephony.sms.PduException.Reason;

/**
 * The codec against PDUs published as examples of TS 23.040 (the "hellohello" SMS-SUBMIT and
 * SMS-DELIVER found in most PDU-mode guides, the "How are you?" packing), against PDUs laid out by
 * hand from the standard's field tables, and against every kind of bad input.
 */
class SmsCodecTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 24, 9, 30, 15, 0, ZoneOffset.ofHours(8));

    private static SmsDeliver deliver(String hex) throws PduException {
        return assertInstanceOf(SmsDeliver.class, SmsCodec.decode(hex));
    }

    private static SubmitOptions validity(Duration validity) {
        return new SubmitOptions(0, false, false, validity);
    }

    @Test
    void encodesThePublishedSubmitExample() throws PduException {
        List<SubmitPdu> pdus = SmsCodec.submit("+46708251358", "hellohello", validity(Duration.ofDays(4)));

        assertEquals(List.of(new SubmitPdu("0011000B916407281553F80000AA0AE8329BFD4697D9EC37", 23, 1, 1)), pdus);
    }

    @Test
    void decodesThePublishedDeliverExample() throws PduException {
        SmsDeliver sms = deliver("07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37");

        assertEquals("27838890001", sms.originator());
        assertEquals(Optional.of(OffsetDateTime.of(1999, 3, 29, 15, 16, 59, 0, ZoneOffset.ofHours(2))), sms.sent());
        assertEquals(Alphabet.GSM_7BIT, sms.alphabet());
        assertEquals("hellohello", sms.text());
        assertEquals(Optional.empty(), sms.concatenation());
        assertFalse(sms.flash());
    }

    @Test
    void packsSeptetsAsPublished() throws PduException {
        String hex = SmsCodec.submit("112", "How are you?", SubmitOptions.withReference(0)).get(0).hex();

        assertTrue(hex.endsWith("0CC8F71D14969741F977FD07"), hex);
    }

    @Test
    void decodesASubmitBackToWhatWasSent() throws PduException {
        SmsSubmit submit = SmsCodec.decodeSubmit("0011000B916407281553F80000AA0AE8329BFD4697D9EC37");

        assertEquals(new SmsSubmit("+46708251358", Alphabet.GSM_7BIT, "hellohello", Optional.empty(), false, 0), submit);
    }

    @Test
    void chineseTextGoesAsUcs2() throws PduException {
        SubmitPdu pdu = SmsCodec.submit("+8613010888500", "你好", SubmitOptions.withReference(0)).get(0);

        // first octet 11, MR 00, DA of 13 digits (international, F-padded), PID 00, DCS 08, VP A7 (a day), UDL 4
        assertEquals("0011000D91683110808805F00008A7044F60597D", pdu.hex());
        assertEquals(19, pdu.tpduLength());
        SmsDeliver back = deliver(SmsCodec.deliver("+8613010888500", "你好", T0, 0, false).get(0));
        assertEquals(Alphabet.UCS2, back.alphabet());
        assertEquals("你好", back.text());
    }

    @Test
    void extensionCharactersTakeTwoSeptets() throws PduException {
        String text = "€[]{}|~^\\ \f";
        SubmitPdu pdu = SmsCodec.submit("0170", text, SubmitOptions.withReference(0)).get(0);

        assertEquals(Alphabet.GSM_7BIT, SmsCodec.decodeSubmit(pdu.hex()).alphabet());
        assertEquals(text, SmsCodec.decodeSubmit(pdu.hex()).text());
        // UDL: ten extension characters and one space: 21 septets
        assertEquals("15", pdu.hex().substring(20, 22));
    }

    @Test
    void theWholeBasicTableComesBack() throws PduException {
        String basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
                + "¿abcdefghijklmnopqrstuvwxyzäöñüà";
        assertEquals(127, basic.length());
        SmsDeliver back = deliver(SmsCodec.deliver("+491701234567", basic, T0, 0, false).get(0));

        assertEquals(Alphabet.GSM_7BIT, back.alphabet());
        assertEquals(basic, back.text());
    }

    @ParameterizedTest
    @CsvSource({"160, 1", "161, 2", "306, 2", "307, 3"})
    void sevenBitTextSplitsAt160And153(int length, int parts) throws PduException {
        List<SubmitPdu> pdus = SmsCodec.submit("0170", "x".repeat(length), SubmitOptions.withReference(7));

        assertEquals(parts, pdus.size());
        assertEquals(parts, pdus.get(0).total());
    }

    @ParameterizedTest
    @CsvSource({"70, 1", "71, 2", "134, 2", "135, 3"})
    void ucs2TextSplitsAt70And67(int length, int parts) throws PduException {
        assertEquals(parts, SmsCodec.submit("0170", "字".repeat(length), SubmitOptions.withReference(7)).size());
    }

    @ParameterizedTest
    @CsvSource({"0, '', GSM_7BIT, 1, 160", "160, x, GSM_7BIT, 1, 0", "161, x, GSM_7BIT, 2, 145",
        "159, €, GSM_7BIT, 1, 0", "160, €, GSM_7BIT, 2, 145", "70, 字, UCS2, 1, 0", "71, 字, UCS2, 2, 63"})
    void theCountSaysAlphabetPartsAndRoom(int length, String last, Alphabet alphabet, int parts, int remaining) {
        String text = "a".repeat(Math.max(0, length - last.length())) + last;
        if (length == 0) {
            text = "";
        }

        assertEquals(new SegmentCount(alphabet, parts, remaining), SmsCodec.count(text));
    }

    @Test
    void aSixteenBitReferenceLeavesOneCharacterLessPerPart() throws PduException {
        SubmitOptions wide = new SubmitOptions(0xBEEF, true, false, SubmitOptions.DEFAULT_VALIDITY);

        List<SubmitPdu> pdus = SmsCodec.submit("0170", "x".repeat(305), wide);

        assertEquals(3, pdus.size()); // 152 + 152 + 1
        SmsSubmit first = SmsCodec.decodeSubmit(pdus.get(0).hex());
        assertEquals(Optional.of(new Concatenation(0xBEEF, 3, 1, true)), first.concatenation());
        assertEquals(152, first.text().length());
        assertTrue(pdus.get(0).hex().contains("060804BEEF0301"), pdus.get(0).hex());
    }

    @Test
    void anEscapeAndItsCharacterStayInOnePart() throws PduException {
        String text = "a".repeat(152) + "€" + "b".repeat(10);

        List<SubmitPdu> pdus = SmsCodec.submit("0170", text, SubmitOptions.withReference(1));

        assertEquals("a".repeat(152), SmsCodec.decodeSubmit(pdus.get(0).hex()).text());
        assertEquals("€" + "b".repeat(10), SmsCodec.decodeSubmit(pdus.get(1).hex()).text());
    }

    @Test
    void aSurrogatePairStaysInOnePart() throws PduException {
        String text = "字".repeat(66) + "😀" + "字".repeat(10);

        List<SubmitPdu> pdus = SmsCodec.submit("0170", text, SubmitOptions.withReference(1));

        assertEquals("字".repeat(66), SmsCodec.decodeSubmit(pdus.get(0).hex()).text());
        assertEquals("😀" + "字".repeat(10), SmsCodec.decodeSubmit(pdus.get(1).hex()).text());
    }

    @Test
    void theConcatenationHeaderIsFollowedByOneFillBit() throws PduException {
        // TS 23.040 9.2.3.24: 6 header octets are 48 bits; 1 fill bit; 'A' (41) packed from bit 49
        String hex = "00" + "44" + "0B91" + "6407281553F8" + "0000" + "99309251619580" + "08" + "050003CC0201" + "82";

        SmsDeliver part = deliver(hex);

        assertEquals("A", part.text());
        assertEquals(Optional.of(new Concatenation(0xCC, 2, 1, false)), part.concatenation());
        List<String> encoded = SmsCodec.deliver("+46708251358", "A".repeat(161), T0, 0xCC, false);
        assertTrue(encoded.get(0).contains("050003CC0201"), encoded.get(0));
    }

    @Test
    void invalidConcatenationElementsAreIgnored() throws PduException {
        // part 3 of 2: the element is ignored and the text is a message of its own
        String hex = "00" + "44" + "0B91" + "6407281553F8" + "0000" + "99309251619580" + "08" + "050003CC0203" + "82";

        assertEquals(Optional.empty(), deliver(hex).concatenation());
    }

    @Test
    void otherHeaderElementsAreSkipped() throws PduException {
        // a port-addressing element (05, 4 octets) before the concatenation element: 12 header
        // octets are 96 bits, 2 fill bits; 'A' packed from bit 98 (octet 12, bit 2); UDL 14 + 1
        String hex = "00" + "44" + "0B91" + "6407281553F8" + "0000" + "99309251619580" + "0F"
                + "0B05040B8423F0000301020104" + "01";

        SmsDeliver part = deliver(hex);

        assertEquals(Optional.of(new Concatenation(1, 2, 1, false)), part.concatenation());
        assertEquals("A", part.text());
    }

    @Test
    void decodesStatusReports() throws PduException {
        String prefix = "00" + "06" + "2A" + "0B91" + "6407281553F8" + "99309251619580" + "99309251619580";

        StatusReport delivered = assertInstanceOf(StatusReport.class, SmsCodec.decode(prefix + "00"));
        StatusReport pending = assertInstanceOf(StatusReport.class, SmsCodec.decode(prefix + "20"));
        StatusReport failed = assertInstanceOf(StatusReport.class, SmsCodec.decode(prefix + "41"));

        assertEquals(42, delivered.reference());
        assertEquals("+46708251358", delivered.recipient());
        assertTrue(delivered.discharged().isPresent());
        assertEquals(StatusReport.Outcome.DELIVERED, delivered.outcome());
        assertEquals(StatusReport.Outcome.PENDING, pending.outcome());
        assertEquals(StatusReport.Outcome.FAILED, failed.outcome());
        assertEquals(0x41, failed.status());
    }

    @Test
    void encodedStatusReportsDecodeTheSame() throws PduException {
        String hex = SmsCodec.statusReport(42, "+46708251358", T0, T0.plusSeconds(5), 0x41);

        assertEquals(new StatusReport(42, "+46708251358", Optional.of(T0), Optional.of(T0.plusSeconds(5)), 0x41),
                SmsCodec.decode(hex));
        assertEquals(Reason.INVALID_ARGUMENT, assertThrows(PduException.class,
                () -> SmsCodec.statusReport(256, "+46708251358", T0, T0, 0)).reason());
    }

    @Test
    void alphanumericSendersDecode() throws PduException {
        SmsDeliver sms = deliver(SmsCodec.deliver("Redoubt", "Your code is 4711", T0, 0, false).get(0));

        assertEquals("Redoubt", sms.originator());
        assertEquals("Your code is 4711", sms.text());
        assertEquals(Optional.of(T0), sms.sent());
    }

    @Test
    void negativeTimeZonesKeepTheirSign() throws PduException {
        OffsetDateTime newYork = OffsetDateTime.of(2026, 7, 4, 12, 0, 0, 0, ZoneOffset.ofHours(-5));

        assertEquals(Optional.of(newYork), deliver(SmsCodec.deliver("+12125550100", "hi", newYork, 0, false).get(0)).sent());
    }

    @Test
    void anInvalidTimeStampStillDelivers() throws PduException {
        SmsDeliver sms = deliver("0004" + "0B91" + "6407281553F8" + "0000" + "99139251619580" + "0AE8329BFD4697D9EC37");

        assertEquals(Optional.empty(), sms.sent()); // month 31
        assertEquals("hellohello", sms.text());
    }

    @ParameterizedTest
    @CsvSource({"00, GSM_7BIT, false", "08, UCS2, false", "04, DATA_8BIT, false", "10, GSM_7BIT, true",
        "18, UCS2, true", "F0, GSM_7BIT, true", "F4, DATA_8BIT, true", "F1, GSM_7BIT, false", "C0, GSM_7BIT, false",
        "E0, UCS2, false", "0C, GSM_7BIT, false", "48, UCS2, false", "80, GSM_7BIT, false"})
    void codingSchemesNameTheirAlphabetAndClass(String dcs, Alphabet alphabet, boolean flash) throws PduException {
        int value = Integer.parseInt(dcs, 16);

        assertEquals(alphabet, UserData.alphabet(value));
        assertEquals(flash, UserData.flash(value));
    }

    @Test
    void eightBitDataIsKeptAsHex() throws PduException {
        SmsDeliver sms = deliver("0004" + "0B91" + "6407281553F8" + "0004" + "99309251619580" + "03" + "C0FFEE");

        assertEquals(Alphabet.DATA_8BIT, sms.alphabet());
        assertEquals("C0FFEE", sms.text());
    }

    @ParameterizedTest
    @CsvSource({"0, PT5M", "143, PT12H", "167, PT24H", "168, P2D", "196, P30D", "197, P35D", "255, P441D"})
    void validityPeriodsRoundUpToWhatTheFieldSays(int code, Duration period) {
        assertEquals(period, ValidityPeriod.decode(code));
        assertEquals(code, ValidityPeriod.encode(period));
        assertEquals(Math.min(code + 1, 255), ValidityPeriod.encode(period.plusSeconds(1)));
    }

    // ---- bad input: a reason, never another exception ----

    @ParameterizedTest
    @CsvSource(value = {"''", "0", "0G", "000", "zz"}, quoteCharacter = '\'')
    void notHexIsRefused(String hex) {
        assertEquals(Reason.MALFORMED_HEX, assertThrows(PduException.class, () -> SmsCodec.decode(hex)).reason());
    }

    @Test
    void everyCutOffPduIsRefusedAsTruncated() {
        String whole = "07917283010010F5040BC87238880900F10000993092516195800AE8329BFD4697D9EC37";
        for (int length = 2; length < whole.length(); length += 2) {
            String cut = whole.substring(0, length);
            PduException e = assertThrows(PduException.class, () -> SmsCodec.decode(cut), cut);
            assertEquals(Reason.TRUNCATED, e.reason(), cut);
        }
    }

    @Test
    void otherPduTypesAreRefused() {
        assertEquals(Reason.UNSUPPORTED_TYPE, assertThrows(PduException.class,
                () -> SmsCodec.decode("0011000B916407281553F80000AA0AE8329BFD4697D9EC37")).reason());
        assertEquals(Reason.UNSUPPORTED_TYPE, assertThrows(PduException.class,
                () -> SmsCodec.decode("0003")).reason());
        assertEquals(Reason.UNSUPPORTED_TYPE, assertThrows(PduException.class,
                () -> SmsCodec.decodeSubmit("0004")).reason());
    }

    @Test
    void compressedTextIsRefused() {
        assertEquals(Reason.UNSUPPORTED_ENCODING, assertThrows(PduException.class,
                () -> SmsCodec.decode("0004" + "0B91" + "6407281553F8" + "0020" + "99309251619580" + "01" + "00")).reason());
    }

    @ParameterizedTest
    @CsvSource({"00A1, 7-bit UDL over 160", "088D, UCS-2 UDL over 140"})
    void userDataLengthsBeyondTheLimitAreRefused(String dcsAndUdl, String what) {
        String hex = "0004" + "0B91" + "6407281553F8" + "00" + dcsAndUdl.substring(0, 2) + "99309251619580"
                + dcsAndUdl.substring(2) + "00".repeat(150);
        assertEquals(Reason.MALFORMED_FIELD, assertThrows(PduException.class, () -> SmsCodec.decode(hex)).reason(), what);
    }

    @Test
    void aHeaderLongerThanTheUserDataIsRefused() {
        String hex = "0044" + "0B91" + "6407281553F8" + "0008" + "99309251619580" + "02" + "0900";
        assertEquals(Reason.MALFORMED_FIELD, assertThrows(PduException.class, () -> SmsCodec.decode(hex)).reason());
        String element = "0044" + "0B91" + "6407281553F8" + "0008" + "99309251619580" + "04" + "03000900";
        assertEquals(Reason.MALFORMED_FIELD, assertThrows(PduException.class, () -> SmsCodec.decode(element)).reason());
    }

    @Test
    void anOverlongAddressIsRefused() {
        String hex = "0004" + "1591" + "00".repeat(11) + "0000" + "99309251619580" + "00";
        assertEquals(Reason.MALFORMED_FIELD, assertThrows(PduException.class, () -> SmsCodec.decode(hex)).reason());
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "+", "0170-1234", "+123456789012345678901", "Redoubt"}, quoteCharacter = '\'')
    void badRecipientsAreRefused(String recipient) {
        assertEquals(Reason.INVALID_ADDRESS, assertThrows(PduException.class,
                () -> SmsCodec.submit(recipient, "hi", SubmitOptions.withReference(0))).reason());
    }

    @Test
    void moreThan255PartsIsTooLong() throws PduException {
        assertEquals(255, SmsCodec.submit("0170", "x".repeat(255 * 153), SubmitOptions.withReference(0)).size());
        assertEquals(Reason.TOO_LONG, assertThrows(PduException.class,
                () -> SmsCodec.submit("0170", "x".repeat(255 * 153 + 1), SubmitOptions.withReference(0))).reason());
    }

    @Test
    void optionsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SubmitOptions(256, false, false, Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> new SubmitOptions(0, true, false, Duration.ofMinutes(4)));
        assertEquals(Reason.INVALID_ARGUMENT, assertThrows(PduException.class,
                () -> SmsCodec.deliver("0170", "hi", T0.withOffsetSameInstant(ZoneOffset.ofHoursMinutes(5, 10)), 0,
                        false)).reason());
    }
}
