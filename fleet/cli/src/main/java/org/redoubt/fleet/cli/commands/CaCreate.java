package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.pki.CertificateAuthority;
import org.redoubt.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleet ca create}: the CA of the fleet's MQTT identities. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Make a self-signed ECDSA P-256 CA for MQTT identities: DIR/ca.crt and DIR/ca.key (mode 0600).")
final class CaCreate implements Callable<Integer> {

    private final Tool tool;

    @Mixin
    private Output output;

    @Option(names = "--name", required = true, description = "The CA's common name.")
    private String name;

    @Option(names = "--days", defaultValue = "3650", description = "Validity in days (default ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--out", required = true, description = "The directory to write into.")
    private Path out;

    CaCreate(Tool tool) {
        this.tool = tool;
    }

    @Override
    public Integer call() throws FleetException {
        CertIssue.requireDays(days);
        CertificateAuthority ca = CertificateAuthority.create(name, out, Duration.ofDays(days), tool.now());
        return output.print(JsonObject.builder().put("certificate", out.resolve("ca.crt").toString())
                .put("key", out.resolve("ca.key").toString())
                .put("subject", ca.certificate().getSubjectX500Principal().getName()).build(),
                "wrote " + out.resolve("ca.crt") + " and " + out.resolve("ca.key") + " (mode 0600) for "
                + ca.certificate().getSubjectX500Principal().getName());
    }
}
