package org.redoubt.telephony.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Concatenated messages put together in any order, once, and given up on without losing what came. */
class ReassemblerTest {

    private static final OffsetDateTime SENT = OffsetDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneOffset.UTC);
    private final MutableClock clock = new MutableClock();
    private final Reassembler<Integer> reassembler = new Reassembler<>(clock, Duration.ofMinutes(5), 3);

    private static SmsDeliver part(String from, int reference, int total, int sequence, String text) {
        return new SmsDeliver(from, Optional.of(SENT.plusSeconds(sequence)), Alphabet.GSM_7BIT, text,
                Optional.of(new Concatenation(reference, total, sequence, false)), false);
    }

    @Test
    void aSingleMessageIsWholeAtOnce() {
        SmsDeliver single = new SmsDeliver("+4930", Optional.of(SENT), Alphabet.GSM_7BIT, "hi", Optional.empty(), false);

        assertEquals(Optional.of(new Reassembler.Assembled<>("+4930", "hi", Optional.of(SENT), List.of(9), true)),
                reassembler.offer(single, 9));
        assertEquals(0, reassembler.pending());
    }

    @Test
    void partsInAnyOrderMakeOneMessageOnce() {
        assertEquals(Optional.empty(), reassembler.offer(part("+4930", 7, 3, 3, "c"), 13));
        assertEquals(Optional.empty(), reassembler.offer(part("+4930", 7, 3, 1, "a"), 11));
        assertEquals(Optional.empty(), reassembler.offer(part("+4930", 7, 3, 1, "a"), 21)); // the network repeats

        Reassembler.Assembled<Integer> whole = reassembler.offer(part("+4930", 7, 3, 2, "b"), 12).orElseThrow();

        assertEquals("abc", whole.text());
        assertTrue(whole.complete());
        assertEquals(List.of(13, 11, 21, 12), whole.tags());
        assertEquals(Optional.of(SENT.plusSeconds(1)), whole.sent());
        assertEquals(0, reassembler.pending());
    }

    @Test
    void partsOfOtherSendersOrReferencesDoNotMix() {
        reassembler.offer(part("+4930", 7, 2, 1, "a"), 1);
        reassembler.offer(part("+4940", 7, 2, 2, "X"), 2);
        reassembler.offer(part("+4930", 8, 2, 2, "Y"), 3);
        SmsDeliver wide = new SmsDeliver("+4930", Optional.empty(), Alphabet.GSM_7BIT, "Z",
                Optional.of(new Concatenation(7, 2, 2, true)), false);
        assertEquals(Optional.empty(), reassembler.offer(wide, 4));

        assertEquals("ab", reassembler.offer(part("+4930", 7, 2, 2, "b"), 5).orElseThrow().text());
    }

    @Test
    void anIncompleteMessageIsHandedOutAfterTheTimeoutWithItsGapMarked() {
        reassembler.offer(part("+4930", 7, 3, 1, "a"), 1);
        clock.advance(Duration.ofMinutes(3));
        reassembler.offer(part("+4930", 7, 3, 3, "c"), 3);
        clock.advance(Duration.ofMinutes(4));
        assertEquals(List.of(), reassembler.expire()); // 4 minutes after the latest part

        clock.advance(Duration.ofMinutes(1));
        List<Reassembler.Assembled<Integer>> expired = reassembler.expire();

        assertEquals(1, expired.size());
        assertEquals("a" + Reassembler.MISSING + "c", expired.get(0).text());
        assertFalse(expired.get(0).complete());
        assertEquals(List.of(1, 3), expired.get(0).tags());
        assertEquals(0, reassembler.pending());
    }

    @Test
    void beyondTheLimitTheOldestIsHandedOut() {
        for (int reference = 1; reference <= 4; reference++) {
            reassembler.offer(part("+4930", reference, 2, 1, "m" + reference), reference);
        }

        List<Reassembler.Assembled<Integer>> expired = reassembler.expire();

        assertEquals(List.of("m1" + Reassembler.MISSING), expired.stream().map(Reassembler.Assembled::text).toList());
        assertEquals(3, reassembler.pending());
    }

    @Test
    void aLateSecondPartAfterGivingUpIsKeptOnItsOwn() {
        reassembler.offer(part("+4930", 7, 2, 1, "a"), 1);
        clock.advance(Duration.ofMinutes(6));
        List<String> texts = new ArrayList<>(reassembler.expire().stream().map(Reassembler.Assembled::text).toList());

        reassembler.offer(part("+4930", 7, 2, 2, "b"), 2);
        clock.advance(Duration.ofMinutes(6));
        reassembler.expire().forEach(late -> texts.add(late.text()));

        assertEquals(List.of("a" + Reassembler.MISSING, Reassembler.MISSING + "b"), texts);
    }
}
