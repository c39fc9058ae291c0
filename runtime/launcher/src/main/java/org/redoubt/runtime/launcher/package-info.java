/**
 * The Redoubt launcher: verified boot of a release in an embedded Apache Felix.
 *
 * <p>{@link org.redoubt.runtime.launcher.Main} opens the data directory, provisions the factory
 * release on first boot, verifies the committed release, installs exactly its verified bytes into
 * a fresh framework, waits for readiness and prints one machine-readable line. Exit codes are in
 * {@link org.redoubt.runtime.launcher.ExitCode}; the data directory layout is in
 * {@link org.redoubt.runtime.launcher.DataDirectory}.
 *
 * <p>Before the release is installed the system bundle gets the resolver hook that admits only the
 * release ({@code ReleaseOnlyResolution}) and the service firewall that enforces the release's
 * service rules ({@code ServiceFirewall}, {@code FirewallResolution}, {@code ViolationReporter};
 * the API is {@link org.redoubt.runtime.firewall}); {@code AdmittedReleases} holds what is in force
 * for the running release and a staged candidate.
 */
package org.redoubt.runtime.launcher;
