package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.documents.Expiry;
import org.redoubt.fleet.cli.documents.RootCeremony;
import org.redoubt.fleet.cli.documents.TrustedRoots;
import org.redoubt.fleet.cli.keys.OpenKeys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleet root rotate}: root N+1 after root N. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Write root N+1 after the current root N.",
            "Roles given with --role replace the current ones,",
            "the others are carried over. It must carry a threshold of root N's root keys AND of its own;",
            "it is checked with RootRotation as a handset holding root N checks it, and refused otherwise."})
final class RootRotate implements Callable<Integer> {

    private final Tool tool;

    @Mixin
    private Output output;

    @Mixin
    private RootOptions root;

    @Option(names = "--current", required = true, description = "The root envelope handsets trust now (N).")
    private Path current;

    @Option(names = "--role", paramLabel = "ROLE=KEYFILE[,KEYFILE...]:THRESHOLD",
            description = "A role whose keys or threshold change.")
    private List<String> roles = List.of();

    RootRotate(Tool tool) {
        this.tool = tool;
    }

    @Override
    public Integer call() throws FleetException {
        Instant now = tool.now();
        TrustRoot trusted = TrustedRoots.load(current, tool.provider());
        Instant expires = Expiry.parse(root.expires, now);
        try (OpenKeys signers = OpenKeys.read(root.signers, tool.provider())) {
            RootCeremony.Result result = new RootCeremony(tool.provider()).rotate(trusted, trusted.version() + 1, now,
                    expires, RootOptions.roles(roles, tool.provider()), signers.keys(), root.partial);
            return root.write(result, output);
        }
    }
}
