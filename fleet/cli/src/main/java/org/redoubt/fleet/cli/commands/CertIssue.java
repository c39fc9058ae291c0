package org.redoubt.fleet.cli.commands;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.pki.CertificateAuthority;
import org.redoubt.fleet.cli.pki.CertificateRequests;
import org.redoubt.fleet.cli.pki.PemObjects;
import org.redoubt.json.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleet cert issue}: a client certificate for a handset's or an operator's request. */
@Command(name = "issue", mixinStandardHelpOptions = true,
        description = {"Issue a client certificate for a handset's or an operator's request.",
            "The request is ECDSA P-256, SHA-256, subject CN=<identity>; the certificate has clientAuth:",
            "the request's own signature is checked first, the common name is copied."})
final class CertIssue implements Callable<Integer> {

    private final Tool tool;

    @Mixin
    private Output output;

    @Mixin
    private CaFiles caFiles;

    @Option(names = "--csr", required = true, description = "The request (PEM), e.g. a handset's keys/device.csr.")
    private Path csr;

    @Option(names = "--days", defaultValue = "365", description = "Validity in days (default ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--out", required = true, description = "The certificate file to write.")
    private Path out;

    CertIssue(Tool tool) {
        this.tool = tool;
    }

    /** The CA's files. */
    static final class CaFiles {
        @Option(names = "--ca-cert", required = true, description = "The CA certificate (PEM).")
        Path certificate;

        @Option(names = "--ca-key", required = true, description = "The CA private key (PEM).")
        Path key;

        CertificateAuthority load() throws FleetException {
            return CertificateAuthority.load(certificate, key);
        }
    }

    @Override
    public Integer call() throws FleetException {
        requireDays(days);
        CertificateRequests.Checked request = CertificateRequests.check(PemObjects.request(csr));
        X509Certificate certificate = caFiles.load().issueClient(request.commonName(), request.publicKey(),
                Duration.ofDays(days), tool.now());
        CertificateAuthority.writeCertificate(out, certificate);
        return printIssued(output, out, certificate);
    }

    static void requireDays(int days) throws FleetException {
        if (days < 1 || days > 36500) {
            throw new FleetException("--days must be 1..36500");
        }
    }

    static int printIssued(Output output, Path file, X509Certificate certificate) {
        return output.print(JsonObject.builder().put("certificate", file.toString())
                .put("subject", certificate.getSubjectX500Principal().getName())
                .put("serial", certificate.getSerialNumber().toString(16))
                .put("notAfter", certificate.getNotAfter().toInstant().toString()).build(),
                "wrote " + file + ": " + certificate.getSubjectX500Principal().getName() + ", valid until "
                + certificate.getNotAfter().toInstant());
    }
}
