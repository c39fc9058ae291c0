package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.pki.CertificateAuthority;
import org.redoubt.fleet.cli.pki.PemObjects;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleet cert issue-server}: the broker's key and certificate. */
@Command(name = "issue-server", mixinStandardHelpOptions = true,
        description = {"Make the broker's key and server certificate.",
            "DIR/NAME.key (mode 0600) and DIR/NAME.crt (serverAuth)",
            "with the DNS names and IP addresses clients connect to, so that host name verification passes."})
final class CertIssueServer implements Callable<Integer> {

    private final Tool tool;

    @Mixin
    private Output output;

    @Mixin
    private CertIssue.CaFiles caFiles;

    @Option(names = "--name", required = true, description = "The broker's DNS name (also its common name); repeatable.")
    private List<String> names;

    @Option(names = "--ip", description = "An IP address clients use; repeatable.")
    private List<String> addresses = List.of();

    @Option(names = "--days", defaultValue = "365", description = "Validity in days (default ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--out", required = true, description = "The directory to write into.")
    private Path out;

    CertIssueServer(Tool tool) {
        this.tool = tool;
    }

    @Override
    public Integer call() throws FleetException {
        CertIssue.requireDays(days);
        CertificateAuthority ca = caFiles.load();
        KeyPair keys = CertificateAuthority.p256(new SecureRandom());
        X509Certificate certificate = ca.issueServer(names.get(0), keys.getPublic(), names, addresses,
                Duration.ofDays(days), tool.now());
        PemObjects.writePrivateKey(out.resolve(names.get(0) + ".key"), keys.getPrivate());
        Path file = out.resolve(names.get(0) + ".crt");
        CertificateAuthority.writeCertificate(file, certificate);
        return CertIssue.printIssued(output, file, certificate);
    }
}
