package org.redoubt.telephony.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties over random texts (a fixed seed per run, in the test name, so a failure repeats):
 * whatever is encoded decodes to the same text and parts, in 7-bit or UCS-2 as the text needs, and
 * its parts in any order and with repeats reassemble to the text.
 */
class SmsRoundTripTest {

    private static final String GSM = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVW"
            + "XYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà€[]{}|~^\\\f";
    private static final String[] OTHER = {"中", "文", "短", "信", "字", "😀", "🇨🇳", "é", "ж", "ا", " ", "a", "€", "\n"};
    private static final int ROUNDS = 300;

    private static String gsmText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(800);
        for (int i = 0; i < length; i++) {
            text.append(GSM.charAt(random.nextInt(GSM.length())));
        }
        return text.toString();
    }

    private static String mixedText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(400);
        while (text.length() < length) {
            text.append(OTHER[random.nextInt(OTHER.length)]);
        }
        return text.toString();
    }

    private static String text(Random random, boolean gsm) {
        return gsm ? gsmText(random) : mixedText(random);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20261124L, 8613010888500L})
    void submittedTextDecodesToTheSameParts(long seed) throws PduException {
        Random random = new Random(seed);
        for (int round = 0; round < ROUNDS; round++) {
            boolean gsm = round % 2 == 0;
            String text = text(random, gsm);
            boolean wide = random.nextBoolean();
            SubmitOptions options = new SubmitOptions(random.nextInt(wide ? 65536 : 256), wide, random.nextBoolean(),
                    Duration.ofMinutes(5 + random.nextInt(100_000)));

            List<SubmitPdu> pdus = SmsCodec.submit("+8613010888500", text, options);

            StringBuilder back = new StringBuilder();
            for (SubmitPdu pdu : pdus) {
                assertEquals(pdu.tpduLength(), pdu.hex().length() / 2 - 1, "seed " + seed + " round " + round);
                assertTrue(pdu.tpduLength() <= 164);
                SmsSubmit submit = SmsCodec.decodeSubmit(pdu.hex());
                assertEquals("+8613010888500", submit.destination());
                assertEquals(gsm ? Alphabet.GSM_7BIT : Alphabet.UCS2, submit.alphabet(), "seed " + seed + " round " + round);
                assertEquals(options.statusReport(), submit.statusReport());
                assertEquals(pdus.size() > 1, submit.concatenation().isPresent());
                submit.concatenation().ifPresent(c -> {
                    assertEquals(options.reference(), c.reference());
                    assertEquals(pdus.size(), c.total());
                    assertEquals(pdu.sequence(), c.sequence());
                });
                back.append(submit.text());
            }
            assertEquals(text, back.toString(), "seed " + seed + " round " + round);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20261124L, 8613010888500L})
    void deliveredPartsReassembleInAnyOrder(long seed) throws PduException {
        Random random = new Random(seed);
        for (int round = 0; round < ROUNDS; round++) {
            Reassembler<Integer> reassembler = new Reassembler<>(Clock.systemUTC(), Duration.ofMinutes(1), 16);
            String text = text(random, random.nextBoolean());
            OffsetDateTime sent = OffsetDateTime.of(2000 + random.nextInt(90), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60), 0,
                    ZoneOffset.ofTotalSeconds((random.nextInt(97) - 48) * 15 * 60));
            List<String> pdus = new ArrayList<>(SmsCodec.deliver("+4930123456", text, sent, round % 256, round % 3 == 0));
            if (pdus.size() > 1) {
                pdus.add(pdus.get(random.nextInt(pdus.size()))); // the network repeats a part
            }
            Collections.shuffle(pdus, random);

            List<Reassembler.Assembled<Integer>> whole = new ArrayList<>();
            for (int i = 0; i < pdus.size(); i++) {
                SmsDeliver part = assertInstanceOf(SmsDeliver.class, SmsCodec.decode(pdus.get(i)));
                assertEquals(Optional.of(sent), part.sent());
                reassembler.offer(part, i).ifPresent(whole::add);
            }
            // a repeat after the last part starts a message of its own, which stays incomplete
            assertTrue(reassembler.pending() <= 1);

            assertEquals(1, whole.size(), "seed " + seed + " round " + round);
            assertEquals(text, whole.get(0).text(), "seed " + seed + " round " + round);
            assertTrue(whole.get(0).complete());
            assertEquals("+4930123456", whole.get(0).originator());
        }
    }
}
