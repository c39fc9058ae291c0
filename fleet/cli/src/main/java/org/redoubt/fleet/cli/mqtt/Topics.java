package org.redoubt.fleet.cli.mqtt;

import java.util.Optional;

import org.redoubt.fleet.cli.FleetException;
import org.redoubt.fleet.cli.documents.DocumentKind;
import org.redoubt.fleet.cli.pki.CertificateAuthority;

/**
 * Redoubt's topics (DESIGN.md section 4, prefix {@value #PREFIX}) and how each kind of document
 * is delivered: policies and roots retained (a handset that connects later still gets the latest),
 * commands not (a command is for now, never replayed to a handset that connects next week).
 * Release manifests are retained like policies; their files travel as {@link BlobChunks}.
 */
public final class Topics {

    /** The prefix of every Redoubt topic. */
    public static final String PREFIX = "redoubt/v1/";
    /** Every handset's retained status. */
    public static final String ALL_STATUS = PREFIX + "devices/+/status";
    /** Every handset's acks. */
    public static final String ALL_ACKS = PREFIX + "devices/+/ack";

    private Topics() {
    }

    /**
     * Where and how a document goes.
     *
     * @param topic    the topic
     * @param retained whether the broker keeps it for handsets that connect later
     */
    public record Delivery(String topic, boolean retained) {
    }

    /**
     * @param kind   the document's kind
     * @param device the device, or empty for the whole fleet (groups, models, everyone)
     * @return the delivery
     * @throws FleetException for a command to the fleet, or a device id that is not an identity
     */
    public static Delivery delivery(DocumentKind kind, Optional<String> device) throws FleetException {
        if (kind == DocumentKind.COMMAND && device.isEmpty()) {
            throw new FleetException("a command goes to one device (--device), never to the fleet");
        }
        if (device.isPresent()) {
            return new Delivery(deviceTopic(device.get(), kind.id()), kind != DocumentKind.COMMAND);
        }
        return new Delivery(PREFIX + "fleet/" + kind.id(), true);
    }

    /**
     * @param device the device, or empty for the fleet topic (groups and models: the target is
     *               inside the signed manifest)
     * @return where a release manifest goes, always retained
     * @throws FleetException for a device id that is not an identity
     */
    public static Delivery release(Optional<String> device) throws FleetException {
        return new Delivery(device.isPresent() ? deviceTopic(device.get(), "release") : PREFIX + "fleet/release", true);
    }

    /**
     * @param device a device id
     * @return where it acks
     * @throws FleetException when the id is not an identity
     */
    public static String ack(String device) throws FleetException {
        return deviceTopic(device, "ack");
    }

    /**
     * @param topic a status topic, {@code redoubt/v1/devices/<id>/status}
     * @return the device id in it
     */
    public static Optional<String> deviceOfStatus(String topic) {
        return deviceOf(topic, "status");
    }

    /**
     * @param topic a device topic, {@code redoubt/v1/devices/<id>/<leaf>}
     * @param leaf  the last level, e.g. {@code ack}
     * @return the device id in it, empty for another topic
     */
    public static Optional<String> deviceOf(String topic, String leaf) {
        String head = PREFIX + "devices/";
        String tail = "/" + leaf;
        if (!topic.startsWith(head) || !topic.endsWith(tail) || topic.length() <= head.length() + tail.length()) {
            return Optional.empty();
        }
        String device = topic.substring(head.length(), topic.length() - tail.length());
        return device.contains("/") || device.isEmpty() ? Optional.empty() : Optional.of(device);
    }

    private static String deviceTopic(String device, String leaf) throws FleetException {
        if (!CertificateAuthority.IDENTITY.matcher(device).matches()) {
            throw new FleetException("\"" + device + "\" is not a device id: 1..64 of A-Z a-z 0-9 _ . -");
        }
        return PREFIX + "devices/" + device + "/" + leaf;
    }
}
