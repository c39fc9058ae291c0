package org.redoubt.release.agent.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redoubt.release.agent.internal.TransferFailure.Reason;

/** A bundle file from chunks: any order, repeats ignored, resumable, never past its listed size, kept only when its digest fits. */
class ChunkAssemblerTest {

    private static final int CHUNK = 4096;

    @TempDir
    Path staging;

    private static byte[] file(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static BlobSpec spec(byte[] file) throws Exception {
        return new BlobSpec(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)), file.length, CHUNK);
    }

    private static byte[] chunk(byte[] file, BlobSpec spec, int index) {
        return Arrays.copyOfRange(file, index * CHUNK, index * CHUNK + spec.lengthOf(index));
    }

    @Test
    void chunksInAnyOrderAndRepeatedMakeTheFile() throws Exception {
        byte[] file = file(10 * CHUNK + 123);
        BlobSpec spec = spec(file);
        try (ChunkAssembler assembler = ChunkAssembler.open(staging, spec)) {
            for (int index : new int[] {10, 3, 0, 3, 9, 1, 2, 4, 5, 6, 7, 8}) {
                assembler.accept(index, chunk(file, spec, index));
            }
            assertFalse(assembler.accept(0, chunk(file, spec, 0)), "a repeated chunk is ignored");
            Path blob = assembler.finish();
            assertArrayEquals(file, Files.readAllBytes(blob));
            assertEquals(spec.digest() + ".blob", blob.getFileName().toString());
        }
    }

    @Test
    void moreChunksThanListedOrAWrongLengthAreRefused() throws Exception {
        byte[] file = file(3 * CHUNK);
        BlobSpec spec = spec(file);
        try (ChunkAssembler assembler = ChunkAssembler.open(staging, spec)) {
            assertEquals(Reason.TOO_LARGE, assertThrows(TransferFailure.class, () -> assembler.accept(3, new byte[CHUNK])).reason());
            assertEquals(Reason.MALFORMED_CHUNK,
                    assertThrows(TransferFailure.class, () -> assembler.accept(1, new byte[CHUNK + 1])).reason());
            assertEquals(Reason.MALFORMED_CHUNK, assertThrows(TransferFailure.class, () -> assembler.accept(-1, new byte[1])).reason());
            assertTrue(Files.size(staging.resolve(spec.digest() + ".part")) <= spec.size(), "nothing written past the size");
        }
    }

    @Test
    void aSubstitutedChunkFailsTheDigestAndNothingIsKept() throws Exception {
        byte[] file = file(2 * CHUNK + 7);
        BlobSpec spec = spec(file);
        try (ChunkAssembler assembler = ChunkAssembler.open(staging, spec)) {
            assembler.accept(0, chunk(file, spec, 0));
            byte[] forged = chunk(file, spec, 1);
            forged[17] ^= 1;
            assembler.accept(1, forged);
            assembler.accept(2, chunk(file, spec, 2));
            assertEquals(Reason.DIGEST_MISMATCH, assertThrows(TransferFailure.class, assembler::finish).reason());
        }
        try (var left = Files.list(staging)) {
            assertEquals(0, left.count(), "no part, marks or blob left");
        }
    }

    @Test
    void anInterruptedTransferResumesWithOnlyTheMissingChunks() throws Exception {
        byte[] file = file(6 * CHUNK + 1);
        BlobSpec spec = spec(file);
        try (ChunkAssembler first = ChunkAssembler.open(staging, spec)) {
            for (int index : new int[] {0, 2, 4, 6}) {
                first.accept(index, chunk(file, spec, index));
            }
        }
        try (ChunkAssembler resumed = ChunkAssembler.open(staging, spec)) {
            assertArrayEquals(new int[] {1, 3, 5}, resumed.missing());
            for (int index : resumed.missing()) {
                resumed.accept(index, chunk(file, spec, index));
            }
            assertArrayEquals(file, Files.readAllBytes(resumed.finish()));
        }
    }

    @Test
    void chunkTopicsAreParsedStrictly() throws Exception {
        BlobSpec spec = spec(file(CHUNK));
        assertEquals(0, spec.indexOf(spec.topic(0)));
        assertEquals(12, spec.indexOf(spec.topic(12)));
        assertEquals(-1, spec.indexOf(spec.topic(0) + "x"));
        assertEquals(-1, spec.indexOf(BlobSpec.TOPIC_PREFIX + spec.digest() + "/01"));
        assertEquals(-1, spec.indexOf(BlobSpec.TOPIC_PREFIX + spec.digest() + "/"));
        assertEquals(-1, spec.indexOf(BlobSpec.TOPIC_PREFIX + "00" + spec.digest().substring(2) + "/0"));
        assertEquals(-1, spec.indexOf(BlobSpec.TOPIC_PREFIX + spec.digest() + "/9999999999"));
    }
}
