package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.documents.Expiry;
import org.redoubt.fleet.cli.documents.RootCeremony;
import org.redoubt.fleet.cli.keys.OpenKeys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleet root create}: the fleet's first trust root. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Write the first trust root, signed by root keys.",
            "It lists the keys and threshold of every role.",
            "The root is checked as a handset checks a provisioned root before it is written."})
final class RootCreate implements Callable<Integer> {

    private final Tool tool;

    @Mixin
    private Output output;

    @Mixin
    private RootOptions root;

    @Option(names = "--version", defaultValue = "1", description = "The root's version (default ${DEFAULT-VALUE}).")
    private long version;

    @Option(names = "--role", required = true, paramLabel = "ROLE=KEYFILE[,KEYFILE...]:THRESHOLD",
            description = "Every role once: root, policy, release, command. Key files are .pub or private key files.")
    private List<String> roles;

    RootCreate(Tool tool) {
        this.tool = tool;
    }

    @Override
    public Integer call() throws FleetException {
        Instant now = tool.now();
        Instant expires = Expiry.parse(root.expires, now);
        try (OpenKeys signers = OpenKeys.read(root.signers, tool.provider())) {
            RootCeremony.Result result = new RootCeremony(tool.provider()).create(version, now, expires,
                    RootOptions.roles(roles, tool.provider()), signers.keys(), root.partial);
            return root.write(result, output);
        }
    }
}
