package org.redoubt.driver.firewalltest;

/** A second driver service interface for the firewall tests. */
public interface Keypad {
}
