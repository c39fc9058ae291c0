package org.redoubt.policy.agent.internal;

import java.util.List;

/**
 * The MQTT topics of one handset (DESIGN.md section 4), under {@code redoubt/v1}. The broker's ACL
 * lets a handset read only its own {@code devices/<id>/...} and the fleet's topics, and write only
 * its own status, ack and audit.
 *
 * @param deviceId the handset's id: its certificate's common name and its client id
 */
record Topics(String deviceId) {

    static final String PREFIX = "redoubt/v1/";
    static final String FLEET_POLICY = PREFIX + "fleet/policy";
    static final String FLEET_ROOT = PREFIX + "fleet/root";

    String policy() {
        return device("policy");
    }

    String command() {
        return device("command");
    }

    String root() {
        return device("root");
    }

    String status() {
        return device("status");
    }

    String ack() {
        return device("ack");
    }

    /** @return what the handset subscribes to */
    List<String> inbound() {
        return List.of(policy(), FLEET_POLICY, command(), root(), FLEET_ROOT);
    }

    private String device(String leaf) {
        return PREFIX + "devices/" + deviceId + "/" + leaf;
    }
}
