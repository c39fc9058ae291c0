package org.redoubt.driver.modem;

import java.util.List;
import java.util.Objects;

/**
 * A command's answer.
 *
 * @param information the lines before the final result, without line ends and empty lines
 * @param result      the final result code
 * @since 1.0
 */
public record AtResponse(List<String> information, FinalResult result) {

    /** Copies the list. */
    public AtResponse {
        information = List.copyOf(information);
        Objects.requireNonNull(result, "result");
    }

    /** @return whether the final result is {@code OK} */
    public boolean isOk() {
        return result.kind() == FinalResult.Kind.OK;
    }
}
