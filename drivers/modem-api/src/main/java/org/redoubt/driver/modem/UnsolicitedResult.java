package org.redoubt.driver.modem;

import java.util.Objects;
import java.util.Optional;

/**
 * A line the modem sent on its own, such as {@code RING}, {@code +CMTI: "SM",3} or
 * {@code +CREG: 1}. Results that carry a second line ({@code +CMT}, {@code +CDS}, {@code +CBM}: an
 * SMS PDU) carry it as {@link #payload()}.
 *
 * @param line    the line
 * @param payload the following line, for results that have one
 * @since 1.0
 */
public record UnsolicitedResult(String line, Optional<String> payload) {

    /** @throws NullPointerException when a part is null */
    public UnsolicitedResult {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(payload, "payload");
    }

    /** @return the result's name: the text before the first colon, e.g. {@code +CMTI} or {@code RING} */
    public String name() {
        int colon = line.indexOf(':');
        return colon < 0 ? line : line.substring(0, colon);
    }
}
