package org.redoubt.fleet.cli.commands;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code fleet policy ...}); alone it is a usage error. */
@Command(mixinStandardHelpOptions = true)
final class CommandGroup implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name a subcommand of '" + spec.qualifiedName() + "': "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
