package io.runnel.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.state.KeyGroupRange;
import io.runnel.state.snapshot.ByteStreamStateHandle;
import io.runnel.state.snapshot.FileStateHandle;
import io.runnel.state.snapshot.IncrementalKeyedStateHandle;
import io.runnel.state.snapshot.KeyGroupsStateHandle;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metadata file round-trips every kind of handle; missing, truncated, corrupt and future-version files fail
 * with an error naming the file; restoring "latest" from a job root falls back past a corrupt newest checkpoint.
 */
class CheckpointMetadataIOTest {

    private static CompletedCheckpoint sample(Path dir, long id) {
        FileStateHandle keyedFile = new FileStateHandle(dir.resolve("keyed-1"), 123);
        KeyGroupsStateHandle full = new KeyGroupsStateHandle(KeyGroupRange.of(0, 2), new long[] {0, 40, 80},
                keyedFile);
        IncrementalKeyedStateHandle incremental = new IncrementalKeyedStateHandle("backend-a", id,
                KeyGroupRange.of(3, 9), Map.of("000012.sst", new FileStateHandle(dir.getParent().resolve("shared")
                .resolve("a-1-000012.sst"), 4_096)), Map.of("MANIFEST-000005",
                new ByteStreamStateHandle("manifest", new byte[] {1, 2, 3})));
        OperatorState op = new OperatorState("count", 2, 128, Map.of(
                0, new OperatorSubtaskState(new ByteStreamStateHandle("op", new byte[] {9, 8}), full, false),
                1, new OperatorSubtaskState(null, incremental, false)), null);
        OperatorState source = new OperatorState("numbers", 2, 128, Map.of(0, OperatorSubtaskState.FINISHED),
                new byte[] {7, 7, 7});
        return new CompletedCheckpoint(id, 1_700_000_000_000L, false, Map.of("count", op, "numbers", source), dir);
    }

    @Test
    void roundTripsEveryHandleKindWithPathsRelativeToTheMetadata(@TempDir Path root) throws IOException {
        Path dir = root.resolve("job").resolve("chk-4");
        CompletedCheckpoint written = sample(dir, 4);
        CheckpointMetadataIO.write(written);
        CompletedCheckpoint read = CheckpointMetadataIO.read(dir.resolve("_metadata"));
        assertEquals(written.checkpointId(), read.checkpointId());
        assertEquals(written.timestampMillis(), read.timestampMillis());
        assertEquals(written.operators().get("count"), read.operators().get("count"));
        assertTrue(Arrays.equals(new byte[] {7, 7, 7}, read.operators().get("numbers").coordinatorState()));
        assertTrue(read.operators().get("numbers").subtasks().get(0).finished());
        assertEquals(dir.toAbsolutePath(), read.directory());
        assertTrue(!Files.exists(dir.resolve("_metadata.inprogress")), "temporary file renamed away");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path root) {
        Path missing = root.resolve("chk-1").resolve("_metadata");
        IOException e = assertThrows(IOException.class, () -> CheckpointMetadataIO.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"),
                e.getMessage());
    }

    @Test
    void truncatedCorruptAndFutureVersionFilesAreNamed(@TempDir Path root) throws IOException {
        Path dir = root.resolve("chk-2");
        CheckpointMetadataIO.write(sample(dir, 2));
        Path file = dir.resolve("_metadata");
        byte[] whole = Files.readAllBytes(file);

        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        IOException truncated = assertThrows(IOException.class, () -> CheckpointMetadataIO.read(file));
        assertTrue(truncated.getMessage().contains(file.toString()) && truncated.getMessage().contains("truncated"),
                truncated.getMessage());

        Files.write(file, "not a checkpoint".getBytes());
        IOException corrupt = assertThrows(IOException.class, () -> CheckpointMetadataIO.read(file));
        assertTrue(corrupt.getMessage().contains(file.toString()), corrupt.getMessage());

        Files.write(file, whole);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(4);
            raf.writeInt(CheckpointMetadataIO.VERSION + 1);
        }
        IOException version = assertThrows(IOException.class, () -> CheckpointMetadataIO.read(file));
        assertTrue(version.getMessage().contains("format version " + (CheckpointMetadataIO.VERSION + 1)),
                version.getMessage());
    }

    @Test
    void latestFallsBackPastACorruptNewestCheckpoint(@TempDir Path root) throws IOException {
        Path job = root.resolve("job");
        CheckpointMetadataIO.write(sample(job.resolve("chk-3"), 3));
        CheckpointMetadataIO.write(sample(job.resolve("chk-5"), 5));
        CheckpointMetadataIO.write(sample(job.resolve("chk-10"), 10));
        Files.write(job.resolve("chk-10").resolve("_metadata"), new byte[] {1, 2});
        assertEquals(5, CheckpointRestorer.resolve(job.toString()).checkpointId(), "10 is corrupt, 5 is next");
        assertEquals(3, CheckpointRestorer.resolve(job.resolve("chk-3").toUri().toString()).checkpointId());

        Files.write(job.resolve("chk-5").resolve("_metadata"), new byte[0]);
        Files.delete(job.resolve("chk-3").resolve("_metadata"));
        IOException none = assertThrows(IOException.class, () -> CheckpointRestorer.resolve(job.toString()));
        assertTrue(none.getMessage().contains("No readable checkpoint in " + job.toAbsolutePath()), none.getMessage());
    }
}
