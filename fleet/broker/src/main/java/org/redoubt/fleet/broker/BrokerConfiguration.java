package org.redoubt.fleet.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Mosquitto configuration and ACL Redoubt ships, filled in for one deployment: where the
 * broker listens, its TLS files, its data directory, and the operators' certificate names.
 *
 * @param bind        the address to listen on
 * @param port        the port
 * @param ca          the CA that issued the handsets' and operators' certificates (PEM)
 * @param certificate the broker's certificate (PEM)
 * @param key         the broker's private key (PEM)
 * @param data        where the broker keeps its persistent sessions and retained messages
 * @param operators   the certificate common names of the operators, each starting with {@code operator-}
 * @param user        the account the broker runs as (it reads the key and data as it): {@code mosquitto}
 *                    in a deployment, the current user in tests
 */
public record BrokerConfiguration(String bind, int port, Path ca, Path certificate, Path key, Path data,
        List<String> operators, String user) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z]+)}");
    private static final Pattern OPERATOR = Pattern.compile("operator-[A-Za-z0-9_.-]{1,56}");

    /** Checks the values. */
    public BrokerConfiguration {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
        if (user == null || !user.matches("[a-z_][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("not an account name: " + user);
        }
        operators = List.copyOf(operators);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        for (String operator : operators) {
            if (!OPERATOR.matcher(operator).matches()) {
                throw new IllegalArgumentException("an operator's certificate name is operator-<name>: " + operator);
            }
        }
    }

    /**
     * Writes {@code mosquitto.conf} and {@code acl} into {@code directory}.
     *
     * @return the configuration file, for {@code mosquitto -c}
     */
    public Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.createDirectories(data);
        Path acl = directory.resolve("acl");
        StringBuilder operatorBlocks = new StringBuilder();
        for (String operator : operators) {
            operatorBlocks.append("user ").append(operator).append("\ntopic readwrite redoubt/v1/#\n\n");
        }
        Files.writeString(acl, render("acl", Map.of("operators", operatorBlocks.toString())), StandardCharsets.UTF_8);
        Path conf = directory.resolve("mosquitto.conf");
        Files.writeString(conf, render("mosquitto.conf", Map.of("data", data.toString(), "port", Integer.toString(port),
                "bind", bind, "ca", ca.toString(), "cert", certificate.toString(), "key", key.toString(), "acl",
                acl.toString(), "user", user)), StandardCharsets.UTF_8);
        return conf;
    }

    private static String render(String template, Map<String, String> values) throws IOException {
        String text;
        try (InputStream in = BrokerConfiguration.class.getResourceAsStream(template)) {
            if (in == null) {
                throw new IOException("the template " + template + " is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException(template + " has an unknown placeholder " + matcher.group());
            }
            if (value.contains("\n") && !matcher.group(1).equals("operators")) {
                throw new IllegalArgumentException(matcher.group(1) + " must be one line");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
