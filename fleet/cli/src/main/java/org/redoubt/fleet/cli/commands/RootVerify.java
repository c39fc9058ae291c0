package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.redoubt.crypto.documents.RotationVerdict;
import org.redoubt.crypto.documents.TrustRoot;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.documents.DocumentFiles;
import org.redoubt.fleet.cli.documents.RootCeremony;
import org.redoubt.fleet.cli.documents.TrustedRoots;
import org.redoubt.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleet root verify}: would a handset take this root? */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a root envelope as a handset does.",
            "With --current, as root N+1 after that root",
            "(RootRotation.verify); without, as a first root signed by a threshold of its own root keys."})
final class RootVerify implements Callable<Integer> {

    private final Tool tool;

    @Mixin
    private Output output;

    @Option(names = "--current", description = "The root handsets trust now.")
    private Path current;

    @Parameters(index = "0", paramLabel = "ROOT", description = "The root envelope to check.")
    private Path file;

    RootVerify(Tool tool) {
        this.tool = tool;
    }

    @Override
    public Integer call() throws FleetException {
        Optional<TrustRoot> trusted = current == null ? Optional.empty()
                : Optional.of(TrustedRoots.load(current, tool.provider()));
        RotationVerdict verdict = new RootCeremony(tool.provider()).check(trusted, DocumentFiles.read(file), tool.now());
        if (verdict instanceof RotationVerdict.Rejected rejected) {
            return output.fail(JsonObject.builder().put("accepted", false).put("reason", rejected.reason().name())
                    .put("detail", rejected.detail()).build(), rejected.reason() + " " + rejected.detail());
        }
        TrustRoot root = ((RotationVerdict.Rotated) verdict).root();
        return output.print(JsonObject.builder().put("accepted", true).put("version", root.version())
                .put("expires", root.expires().toString()).build(),
                "accepted: root v" + root.version() + ", expires " + root.expires());
    }
}
