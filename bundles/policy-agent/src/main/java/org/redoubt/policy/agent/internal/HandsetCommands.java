package org.redoubt.policy.agent.internal;

import java.io.IOException;

import org.redoubt.policy.Command;

/** Carries out what a signed command orders, on the handset's own services. */
@FunctionalInterface
interface HandsetCommands {

    /**
     * @param action the command
     * @throws IOException when it could not be carried out
     */
    void carryOut(Command.Action action) throws IOException;
}
