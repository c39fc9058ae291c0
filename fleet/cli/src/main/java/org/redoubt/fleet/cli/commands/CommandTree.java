package org.redoubt.fleet.cli.commands;

import java.io.PrintWriter;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.documents.DocumentKind;

import picocli.CommandLine;

/**
 * The whole command tree of {@code fleet}, built in one place so that one sign, validate and
 * verify implementation serves every kind of document it applies to, and how failures end:
 * bad input and failed checks print one line and exit with 1, never a stack trace.
 */
public final class CommandTree {

    /** The exit code of an error that is the tool's own fault. */
    public static final int INTERNAL_ERROR = 2;

    private CommandTree() {
    }

    /**
     * @param tool the provider and clock the commands use
     * @param out  standard output
     * @param err  standard error
     * @return the command line of {@code fleet}
     */
    public static CommandLine build(Tool tool, PrintWriter out, PrintWriter err) {
        CommandLine fleet = group("fleet", "The Redoubt operator's tool: key ceremony, trust roots, signed policies, "
                + "commands and releases, publishing over mutual-TLS MQTT, fleet status, audit logs, MQTT identities.")
                .addSubcommand(group("keys", "Role keys (the key ceremony).")
                        .addSubcommand(new KeysGenerate(tool)))
                .addSubcommand(group("root", "Trust roots: the first one, rotation to N+1, co-signing, checking.")
                        .addSubcommand(new RootCreate(tool))
                        .addSubcommand(new RootRotate(tool))
                        .addSubcommand(new SignDocument(tool, DocumentKind.ROOT))
                        .addSubcommand(new RootVerify(tool)))
                .addSubcommand(group("policy", "Device policies: validate, sign and co-sign, verify.")
                        .addSubcommand(new ValidateDocument(tool, DocumentKind.POLICY))
                        .addSubcommand(new SignDocument(tool, DocumentKind.POLICY))
                        .addSubcommand(new VerifyDocument(tool, DocumentKind.POLICY)))
                .addSubcommand(group("command", "Commands to one device (lock, wipe, ...): create, validate, sign, verify.")
                        .addSubcommand(new CommandCreate(tool))
                        .addSubcommand(new ValidateDocument(tool, DocumentKind.COMMAND))
                        .addSubcommand(new SignDocument(tool, DocumentKind.COMMAND))
                        .addSubcommand(new VerifyDocument(tool, DocumentKind.COMMAND)))
                .addSubcommand(group("release", "Releases: build and sign (k-of-n), verify, publish, rollout status.")
                        .addSubcommand(new ReleaseBuild(tool))
                        .addSubcommand(new ReleaseCoSign(tool))
                        .addSubcommand(new ReleaseVerify(tool))
                        .addSubcommand(new ReleasePublish(tool))
                        .addSubcommand(new ReleaseStatus()))
                .addSubcommand(group("audit", "Handset audit logs: collect from the fleet, verify end to end.")
                        .addSubcommand(new AuditCollect())
                        .addSubcommand(new AuditVerify(tool)))
                .addSubcommand(new SignDocument(tool, null))
                .addSubcommand(new Publish())
                .addSubcommand(new Status())
                .addSubcommand(group("ca", "The CA of the fleet's MQTT identities.")
                        .addSubcommand(new CaCreate(tool)))
                .addSubcommand(group("cert", "MQTT identities: requests, client and broker certificates.")
                        .addSubcommand(new CertRequest())
                        .addSubcommand(new CertIssue(tool))
                        .addSubcommand(new CertIssueServer(tool)));
        fleet.setOut(out);
        fleet.setErr(err);
        fleet.setCaseInsensitiveEnumValuesAllowed(true);
        fleet.setParameterExceptionHandler((problem, args) -> {
            err.println("fleet: " + problem.getMessage() + " (see '" + problem.getCommandLine().getCommandSpec()
                    .qualifiedName() + " --help')");
            err.flush();
            return Output.FAILED;
        });
        fleet.setExecutionExceptionHandler((problem, line, parsed) -> {
            if (problem instanceof FleetException) {
                err.println("fleet: " + problem.getMessage());
                err.flush();
                return Output.FAILED;
            }
            err.println("fleet: internal error, please report: " + problem);
            err.flush();
            return INTERNAL_ERROR;
        });
        return fleet;
    }

    private static CommandLine group(String name, String description) {
        CommandLine group = new CommandLine(new CommandGroup());
        group.getCommandSpec().name(name);
        group.getCommandSpec().usageMessage().description(description);
        return group;
    }
}
