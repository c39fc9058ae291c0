package org.redoubt.fleet.cli.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.redoubt.crypto.documents.Target;
import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.documents.Expiry;
import org.redoubt.fleet.cli.keys.OpenKeys;
import org.redoubt.fleet.cli.release.ReleaseSigning;
import org.redoubt.json.JsonArray;
import org.redoubt.json.JsonObject;
import org.redoubt.json.JsonString;
import org.redoubt.runtime.release.ReleaseBuilder;
import org.redoubt.runtime.release.ReleaseRules;
import org.redoubt.runtime.release.ReleaseStamp;
import org.redoubt.runtime.release.ReleaseVerifier;
import org.redoubt.runtime.release.Tier;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleet release build}: the first key holder builds and signs a release directory. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build a release directory from bundle jars, signed by the first release key holder.",
            "Writes " + ReleaseVerifier.MANIFEST + " (the signed manifest, as the launcher's ReleaseBuilder writes it) and",
            "bundles/<bsn>-<version>.jar into --out, which must not exist or be empty. Other holders of the release",
            "role then add theirs with 'fleet release co-sign'. The release is checked as a handset checks it",
            "(signatures aside) before it is written; a production release never holds tier-tools bundles.",
            "fleet does not resolve .bndrun files: export their run bundles with bnd (exporter bnd.runbundles)",
            "and pass that directory of jars. --rules names the service rules the release carries (which bundle",
            "may use which driver; runtime/distribution/src/release/service-rules.json is the factory's): without",
            "them no bundle is granted a driver, and telephony and the shell would not get theirs."})
final class ReleaseBuild implements Callable<Integer> {

    /** The tier rule the distribution uses: the Gogo shell is an engineering tool. */
    static final String DEFAULT_TIER_RULE = "org.apache.felix.gogo.=tools";

    private final Tool tool;

    @Mixin
    private Output output;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Jars jars;

    @Option(names = "--release", required = true, paramLabel = "N", description = "The release number (at least 1).")
    private long release;

    @Option(names = "--profile", required = true, description = "production or engineering")
    private Profile profile;

    @Option(names = "--expires", required = true, description = "An instant, or a duration such as P90D or 90d.")
    private String expires;

    @Option(names = "--device", description = "Target: this device id.")
    private String device;

    @Option(names = "--group", description = "Target: this group.")
    private String group;

    @Option(names = "--model", description = "Target: this hardware model.")
    private String model;

    @Option(names = "--key", required = true, paramLabel = "KEYFILE",
            description = "Your release private key file (repeat for each release key held here).")
    private List<Path> keys;

    @Option(names = "--tier", paramLabel = "PREFIX=TIER", defaultValue = DEFAULT_TIER_RULE,
            description = {"The tier (core, crypto, driver, platform, shell, tools) of bundles that declare no",
                "Redoubt-Tier header, by symbolic-name prefix; repeatable (default ${DEFAULT-VALUE})."})
    private List<String> tierRules;

    @Option(names = "--out", required = true, description = "The release directory to create.")
    private Path out;

    @Option(names = "--rules", paramLabel = "FILE",
            description = {"The service rules (JSON: {\"guarded\": [...], \"grants\": [{\"bundle\": ..., \"services\": [...]}]}),",
                "read as strictly as a handset reads a manifest. Driver APIs (org.redoubt.driver.*) are guarded",
                "in any case."})
    private Path rules;

    /** Where the jars come from. */
    static final class Jars {
        @Option(names = "--bundles", required = true, paramLabel = "DIR", description = "A directory of bundle jars.")
        Path bundles;

        @Option(names = "--bndrun", required = true, paramLabel = "EXPORT_DIR",
                description = {"The run bundles of a .bndrun as bnd exports them (bnd-export-maven-plugin with exporter",
                    "bnd.runbundles; runtime/distribution writes target/export/<profile>): a directory of jars.",
                    "A .bndrun file itself is refused: fleet does not resolve."})
        Path bndrunExport;
    }

    /** The profiles a release is built for. */
    enum Profile {
        /** The handset as shipped: no Gogo shell, no emulator. */
        PRODUCTION,
        /** Adds the engineering tools. */
        ENGINEERING;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    ReleaseBuild(Tool tool) {
        this.tool = tool;
    }

    @Override
    public Integer call() throws FleetException {
        Path jarDirectory = jarDirectory();
        if (release < 1) {
            throw new FleetException("--release is at least 1, not " + release);
        }
        if (device == null && group == null && model == null) {
            throw new FleetException("name the release's target: --device, --group and/or --model");
        }
        ReleaseStamp stamp = new ReleaseStamp(tool.now(), Expiry.parse(expires, tool.now()),
                new Target(Optional.ofNullable(device), Optional.ofNullable(group), Optional.ofNullable(model)));
        ReleaseRules serviceRules = serviceRules();
        ReleaseSigning.Plan plan = new ReleaseSigning.Plan(release, profile.id(), tiers(), stamp, serviceRules);
        ReleaseSigning.Signed signed;
        try (OpenKeys open = OpenKeys.read(keys, tool.provider())) {
            signed = new ReleaseSigning(tool.provider()).build(jarDirectory, out, plan, open.keys(), tool.now());
        }
        return output.print(JsonObject.builder()
                .put("directory", out.toString())
                .put("release", signed.release().manifest().release())
                .put("document", signed.release().summary())
                .put("bundles", (long) signed.release().manifest().bundles().size())
                .put("bytes", signed.release().bytes())
                .put("keyids", JsonArray.of(signed.keyIds().stream().map(JsonString::of).toList()))
                .put("signatures", (long) signed.signatures())
                .put("grants", (long) serviceRules.grants().size())
                .build(),
                "built " + signed.release().summary() + "\n  in " + out + ", signed by key(s) "
                + String.join(", ", signed.keyIds()) + "; " + signed.signatures() + " signature(s)"
                + (rules == null ? "\n  without --rules: no bundle is granted a driver service"
                        : "\n  service rules from " + rules + ": " + serviceRules.grants().size() + " grant(s)"));
    }

    private ReleaseRules serviceRules() throws FleetException {
        if (rules == null) {
            return ReleaseRules.NONE;
        }
        try {
            return ReleaseBuilder.readRules(rules);
        } catch (java.io.IOException e) {
            throw new FleetException("--rules: " + e.getMessage(), e);
        }
    }

    private Path jarDirectory() throws FleetException {
        if (jars.bundles != null) {
            return jars.bundles;
        }
        if (Files.isRegularFile(jars.bndrunExport)) {
            throw new FleetException(jars.bndrunExport + " is a file: fleet does not resolve .bndrun files; export the "
                    + "run bundles with bnd (bnd-export-maven-plugin, exporter bnd.runbundles) and pass that directory");
        }
        return jars.bndrunExport;
    }

    private Map<String, Tier> tiers() throws FleetException {
        Map<String, Tier> rules = new LinkedHashMap<>();
        for (String rule : tierRules) {
            String[] parts = rule.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new FleetException("--tier " + rule + ": use PREFIX=TIER, e.g. " + DEFAULT_TIER_RULE);
            }
            try {
                rules.put(parts[0], Tier.named(parts[1]));
            } catch (IllegalArgumentException e) {
                throw new FleetException("--tier " + rule + ": " + e.getMessage()
                        + " (core, crypto, driver, platform, shell or tools)", e);
            }
        }
        return rules;
    }
}
