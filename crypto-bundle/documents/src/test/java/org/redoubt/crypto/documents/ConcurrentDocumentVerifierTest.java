package org.redoubt.crypto.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every verdict of {@link DocumentVerifierTest} again, with the signatures of a k-of-n document
 * checked at the same time on a second thread.
 */
class ConcurrentDocumentVerifierTest extends DocumentVerifierTest {

    private static final AtomicInteger OFF_THREAD = new AtomicInteger();
    private static final ExecutorService CHECKS = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(() -> {
            OFF_THREAD.incrementAndGet();
            task.run();
        }, "signature-checks");
        thread.setDaemon(true);
        return thread;
    });
    private static final AtomicInteger TASKS = new AtomicInteger();

    @AfterAll
    static void stop() {
        CHECKS.shutdownNow();
    }

    @Override
    DocumentVerifier newVerifier() {
        return new DocumentVerifier(Fixtures.PROVIDER, task -> CHECKS.execute(() -> {
            TASKS.incrementAndGet();
            task.run();
        }));
    }

    @Test
    void theSecondSignatureOfATwoOfThreeDocumentIsCheckedOnTheExecutor() {
        int before = TASKS.get();
        assertInstanceOf(Verdict.Accepted.class,
                verify(Fixtures.envelope(Fixtures.POLICY_TYPE, Fixtures.policyFor(1, "x"), policyEd, policySm)));
        assertEquals(before + 1, TASKS.get(), "one check besides the caller's");
        assertEquals(1, OFF_THREAD.get(), "all on the one executor thread");
    }

    @Test
    void anExecutorThatRefusesWorkLeavesTheChecksToTheCaller() {
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown();
        DocumentVerifier verifier = new DocumentVerifier(Fixtures.PROVIDER, stopped);
        Verdict verdict = verifier.verify(Fixtures.envelope(Fixtures.POLICY_TYPE, Fixtures.policyFor(1, "x"), policyEd, policyEc),
                new Expectation(Role.POLICY, Fixtures.POLICY_TYPE, Fixtures.POLICY_DOC, Fixtures.DEVICE_A, 64 * 1024),
                rootForTests(), new Fixtures.MemoryFloors(), new Fixtures.MemoryTime(Fixtures.NOW));
        assertTrue(verdict instanceof Verdict.Accepted, () -> "verdict " + verdict);
    }
}
