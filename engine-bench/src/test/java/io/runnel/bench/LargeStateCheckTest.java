package io.runnel.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class LargeStateCheckTest {

    @Test
    void writesEveryKeyThenVerifiesEveryKeyOnceInAScatteredOrder() {
        for (long keys : new long[] {1, 2, 1_000, 2_000_000}) {
            LargeStateCheck.Operations ops = new LargeStateCheck.Operations(keys);
            IndexedGenerator.Cursor<LargeStateCheck.StateOperation> cursor = ops.cursorAt(0);
            BitSet written = new BitSet();
            BitSet verified = new BitSet();
            long inOrder = 0;
            for (long i = 0; i < 2 * keys; i++) {
                LargeStateCheck.StateOperation op = cursor.next();
                assertEquals(i >= keys, op.verify(), "operation " + i);
                BitSet seen = op.verify() ? verified : written;
                assertFalse(seen.get((int) op.key()), "key " + op.key() + " twice");
                seen.set((int) op.key());
                if (op.verify() && op.key() == i - keys) {
                    inOrder++;
                }
            }
            assertEquals(keys, written.cardinality());
            assertEquals(keys, verified.cardinality());
            assertTrue(keys < 1_000 || inOrder < keys / 100, "the reads are not in key order");
        }
    }

    @Test
    void valueIsAFixedIncompressibleFunctionOfTheKey() {
        byte[] a = LargeStateCheck.valueOf(42);
        assertEquals(LargeStateCheck.VALUE_BYTES, a.length);
        assertArrayEquals(a, LargeStateCheck.valueOf(42));
        assertFalse(Arrays.equals(a, LargeStateCheck.valueOf(43)));
        int[] counts = new int[256];
        for (byte b : a) {
            counts[b & 0xff]++;
        }
        assertTrue(Arrays.stream(counts).max().orElseThrow() < 10, "bytes look random");
    }

    @Test
    void summarizesTheResultLineInHumanUnits() {
        String line = LargeStateCheck.PREFIX + " keys=2000000 verified=2000000 mismatches=0 elapsedMillis=95234"
                + " writeMillis=40100 diskBytes=1310000000 peakRssBytes=817889280";
        assertEquals("large state: 2,000,000 keys verified, 0 mismatches in 95.2 s (writes 40.1 s); 1.31 GB on disk"
                + " before close, peak RSS 780 MiB", LargeStateCheck.summarize(line));
    }

    @Test
    void readsThePeakResidentSetSize() {
        long peak = LargeStateCheck.peakRssBytes();
        assertTrue(peak == -1 || peak > 1 << 20, "VmHWM " + peak);
    }
}
