/**
 * The service firewall: which bundle may use which service interfaces and driver API packages,
 * as the signed release manifest says. The launcher enforces the rules with the framework's
 * service hooks and its resolver hook, because OSGi permissions need the Java SecurityManager,
 * which recent JDKs no longer have. The rules change only with a new signed release.
 *
 * <p>The system bundle offers {@link org.redoubt.runtime.firewall.ServiceRules} (the rules in
 * force) and tells every {@link org.redoubt.runtime.firewall.RuleViolationListener} it finds
 * (whiteboard) of each attempt the rules stopped; the audit log is one.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.redoubt.runtime.firewall;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
