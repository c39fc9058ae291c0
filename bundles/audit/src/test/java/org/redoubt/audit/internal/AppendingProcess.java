package org.redoubt.audit.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.redoubt.audit.AuditEvent;
import org.redoubt.audit.AuditKind;
import org.redoubt.crypto.api.DistinguishingId;
import org.redoubt.crypto.api.SignatureScheme;
import org.redoubt.crypto.api.Suite;

/**
 * A handset that appends as fast as it can from several threads and prints {@code ack <sequence>}
 * after each append returned, until it is killed: what {@link DurabilityAcrossKillTest} kills.
 */
public final class AppendingProcess {

    private AppendingProcess() {
    }

    /**
     * @param args the audit directory, the suite, the file of the device key (PKCS#8), the number of threads
     */
    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        Suite suite = Suite.valueOf(args[1]);
        SignatureScheme scheme = suite.deviceKeyScheme();
        TestDevice device = new TestDevice("handset-a", suite, directory, TestDevice.PROVIDER.importSigningKey(scheme,
                Files.readAllBytes(Path.of(args[2])),
                scheme.needsDistinguishingId() ? DistinguishingId.SM2_DEFAULT : DistinguishingId.NONE));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        AuditJournal log = device.open(10, timer, () -> { }, System.err::println);
        PrintStream out = System.out;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(args[3]); i++) {
            int id = i;
            Thread thread = new Thread(() -> {
                for (long n = 0; ; n++) {
                    try {
                        long sequence = log.append(AuditEvent.of(AuditKind.COMMAND_EXECUTED)
                                .with("command", "T" + id + "N" + n)).sequence();
                        synchronized (out) {
                            out.println("ack " + sequence);
                            out.flush();
                        }
                    } catch (Exception e) {
                        e.printStackTrace(System.err);
                        return;
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
