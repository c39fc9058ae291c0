package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.pki.CertificateRequests;
import org.redoubt.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleet cert request}: a key and a certificate request, for an operator or a broker. */
@Command(name = "request", mixinStandardHelpOptions = true,
        description = {"Make a key and a certificate request, e.g. for an operator.",
            "A new ECDSA P-256 key (DIR/NAME.key, mode 0600) and a request for it (DIR/NAME.csr),",
            "e.g. for an operator: --name operator-alice. Handsets make their own (keys/device.csr)."})
final class CertRequest implements Callable<Integer> {

    @Mixin
    private Output output;

    @Option(names = "--name", required = true, description = "The identity, e.g. operator-alice.")
    private String name;

    @Option(names = "--out", required = true, description = "The directory to write into.")
    private Path out;

    @Override
    public Integer call() throws FleetException {
        Path request = CertificateRequests.create(name, out);
        return output.print(JsonObject.builder().put("request", request.toString())
                .put("key", out.resolve(name + ".key").toString()).build(),
                "wrote " + request + " and " + out.resolve(name + ".key") + " (mode 0600)");
    }
}
