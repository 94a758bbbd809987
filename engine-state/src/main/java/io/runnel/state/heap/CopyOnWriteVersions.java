package io.runnel.state.heap;

import io.runnel.annotation.GuardedBy;
import io.runnel.annotation.TaskThread;
import java.util.TreeSet;

/**
 * The snapshot versions of one heap backend: which snapshots are live (taken and not yet materialized or
 * cancelled), so that the tables know when an array or a state object is still read by a snapshot and must be
 * copied before it is written. The idea of numbered snapshot versions and a "highest required version" follows
 * Flink's {@code CopyOnWriteStateMap}; here arrays are shared whole and copied per key group on first write.
 *
 * <p><b>Contract:</b> versions are {@code 1, 2, 3, ...} in the order the task thread takes snapshots (an int
 * lasts 2^31 snapshots of one backend, 68 years at one a second), and {@code highestLive() == max(live versions)},
 * or 0 when none is live. A state object stamped {@code s} (see {@link StateMap}) is read by a live snapshot iff
 * {@code s < highestLive()}: snapshot v holds exactly the objects written before it was taken, whose stamps are
 * below v. An array first handed to snapshot {@code f} and not copied since is held by every snapshot taken after,
 * so it is shared iff {@code highestLive() >= f}.
 *
 * <p><b>Threading:</b> {@link #take()}, {@link #latest()} and {@link #highestLive()} on the task thread;
 * {@link #release(int)} on any thread (a snapshot is released by the async thread that materialized it). The
 * maximum is published in a volatile field, written under the lock. The task thread keeps its own plain copy and
 * reads the volatile field only while that copy says a snapshot is live: only the task thread raises the maximum
 * (in {@code take}), and releases only lower it, so a copy of 0 stays right until the task thread itself takes a
 * snapshot, and a copy above 0 is refreshed at every check. A check that races with a release sees the value
 * before it, which is too high: that costs a needless copy and is never unsafe. This keeps a volatile read, after
 * which the JIT may not reuse loads made before it, off the state access path (three checks per value-then-update)
 * whenever no snapshot is running. Flink's {@code CopyOnWriteStateMap} reads its
 * {@code highestRequiredSnapshotVersion} on the task thread as a plain field, written by the releasing thread;
 * here the task thread alone writes its copy.
 */
final class CopyOnWriteVersions {

    /** The version of the newest snapshot taken; 0 before the first. Owner: task thread (written under lock). */
    private int latest;
    /** The versions taken and not yet released. */
    @GuardedBy("this")
    private final TreeSet<Integer> live = new TreeSet<>();
    /** max(live), or 0; written under the lock, read without it (see the class javadoc). */
    private volatile int publishedHighestLive;
    /** The task thread's copy of {@link #publishedHighestLive}, never below it. Owner: task thread. */
    private int highestLive;

    /**
     * Starts a snapshot: the new version becomes live.
     *
     * @return the new version, greater than every version taken before
     */
    @TaskThread
    synchronized int take() {
        latest++;
        live.add(latest);
        publishedHighestLive = latest;
        highestLive = latest;
        return latest;
    }

    /**
     * Ends a snapshot; releasing a version twice or one never taken changes nothing.
     *
     * @param version a version from {@link #take()}
     */
    synchronized void release(int version) {
        live.remove(version);
        publishedHighestLive = live.isEmpty() ? 0 : live.last();
    }

    /** @return the newest version taken (0 if none): the stamp of an object written now. Task thread. */
    @TaskThread
    int latest() {
        return latest;
    }

    /**
     * @return the highest live version, or 0 if no snapshot is live; possibly too high while a release on another
     *     thread races with this call, never too low
     */
    @TaskThread
    int highestLive() {
        // Kept this small so that it inlines into every state access; the volatile read is in the method below.
        return highestLive == 0 ? 0 : refreshHighestLive();
    }

    /** @return the published maximum, which becomes the task thread's copy */
    @TaskThread
    private int refreshHighestLive() {
        int h = publishedHighestLive;
        highestLive = h;
        return h;
    }

    /** @return the number of live snapshots, for tests */
    synchronized int liveCount() {
        return live.size();
    }
}
