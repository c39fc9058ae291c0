package org.redoubt.driver.modem.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

import org.redoubt.driver.modem.AtChannel;
import org.redoubt.driver.modem.FinalResult;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Bytes from the modem (SECURITY.md row 13): whatever arrives, the reader yields bounded
 * printable lines or drops them, and classifying a line never throws, with or without a pending
 * command.
 *
 * <p>The normal build runs the committed inputs in {@code AtLineFuzzTestInputs/lines}
 * (regression mode); {@code -Pfuzz} fuzzes (crypto-bundle/documents/README.md, "Fuzzing").
 */
class AtLineFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void lines(byte[] input) throws IOException {
        AtLineReader reader = new AtLineReader(new ByteArrayInputStream(input), AtChannel.MAX_LINE_LENGTH);
        AtLineReader.Line line;
        while ((line = reader.next()) != null) {
            if (line.kind() != AtLineReader.Line.Kind.TEXT) {
                continue;
            }
            String text = line.text();
            assertTrue(!text.isEmpty() && text.length() <= AtChannel.MAX_LINE_LENGTH, "line length " + text.length());
            assertTrue(text.chars().allMatch(c -> c >= 0x20 && c <= 0x7e), "non-printable character in a line");
            FinalResult.parse(text);
            LineClassifier.classify(text, Optional.empty());
            LineClassifier.classify(text, Optional.of("AT+CREG?"));
            LineClassifier.classify(text, Optional.of(text));
            LineClassifier.hasPayload(text);
        }
    }
}
