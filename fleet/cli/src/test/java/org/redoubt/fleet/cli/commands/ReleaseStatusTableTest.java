package org.redoubt.fleet.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.redoubt.fleet.cli.mqtt.DeviceStatus;
import org.redoubt.fleet.cli.mqtt.ProgressBar;
import org.redoubt.fleet.cli.mqtt.ReleaseAck;
import org.redoubt.fleet.cli.mqtt.RolloutBoard;

/** How a rollout is drawn: a bar while downloading, the reason of a rollback, the running release. */
class ReleaseStatusTableTest {

    private static ReleaseAck ack(String json) {
        return ReleaseAck.parse(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void barsHaveTenCellsOfATenthEach() {
        assertEquals("[----------] 0%", ProgressBar.of(0));
        assertEquals("[#####-----] 50%", ProgressBar.of(50));
        assertEquals("[#####-----] 52%", ProgressBar.of(52));
        assertEquals("[#########-] 99%", ProgressBar.of(99));
        assertEquals("[##########] 100%", ProgressBar.of(100));
        assertEquals("[##########] 100%", ProgressBar.of(130));
    }

    @Test
    void acksOfOtherDocumentsAreNotReleaseAcks() {
        assertTrue(ReleaseAck.parse("{\"document\":\"redoubt.policy\",\"envelope\":\"sha256:00\",\"result\":\"APPLIED\"}"
                .getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(ReleaseAck.parse("not json".getBytes(StandardCharsets.UTF_8)).isEmpty());
    }

    @Test
    void theTableShowsProgressRunningReleaseAndReason() {
        ReleaseAck downloading = ack("{\"document\":\"redoubt.release\",\"version\":2,\"envelope\":\"sha256:ab\","
                + "\"result\":\"DOWNLOADING\",\"received\":1000,\"total\":2000,\"at\":\"2026-12-02T10:00:00Z\"}");
        ReleaseAck rolledBack = ack("{\"document\":\"redoubt.release\",\"version\":2,\"envelope\":\"sha256:ab\","
                + "\"result\":\"ROLLED_BACK\",\"reason\":\"HEALTH_CHECK_FAILED\",\"detail\":\"modem not ready\","
                + "\"at\":\"2026-12-02T10:01:00Z\"}");
        DeviceStatus running = DeviceStatus.parse("device-b", "{\"state\":\"ONLINE\",\"release\":1}"
                .getBytes(StandardCharsets.UTF_8));
        String table = ReleaseStatus.table(List.of(new RolloutBoard.Row("device-a", Optional.of(downloading),
                Optional.empty()), new RolloutBoard.Row("device-b", Optional.of(rolledBack), Optional.of(running)),
                new RolloutBoard.Row("device-c", Optional.empty(), Optional.empty())));
        List<String> lines = table.lines().toList();
        assertEquals(4, lines.size(), table);
        assertTrue(lines.get(0).matches("DEVICE\\s+STATE\\s+PROGRESS\\s+RELEASE\\s+RUNNING\\s+REASON"), table);
        assertTrue(lines.get(1).matches("device-a\\s+DOWNLOADING\\s+\\[#####-----\\] 50%\\s+2\\s+-\\s+-"), table);
        assertTrue(lines.get(2).matches("device-b\\s+ROLLED_BACK\\s+-\\s+2\\s+1\\s+HEALTH_CHECK_FAILED: modem not ready"),
                table);
        assertTrue(lines.get(3).matches("device-c\\s+-\\s+-\\s+-\\s+-\\s+-"), table);
    }
}
