package org.redoubt.driver.firewalltest;

/** A driver service interface for the firewall tests: guarded by default, as every {@code org.redoubt.driver.*} name. */
public interface Modem {
    /** @return something */
    String id();
}
