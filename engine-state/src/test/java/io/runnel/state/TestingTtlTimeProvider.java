package io.runnel.state;

/**
 * A manual TTL clock for tests: time moves only when the test sets or advances it, so expiry is checked at exact
 * milliseconds without sleeping. It may also move backwards, which tests use to tell a value that was physically
 * removed from one that is merely hidden as expired.
 *
 * <p><b>Threading:</b> test thread only.
 */
public final class TestingTtlTimeProvider implements TtlTimeProvider {

    /** Owner: test thread. */
    private long nowMillis;

    /** @param startMillis the initial time, ms */
    public TestingTtlTimeProvider(long startMillis) {
        this.nowMillis = startMillis;
    }

    @Override
    public long currentTimestampMillis() {
        return nowMillis;
    }

    /** Sets the time, ms; may go backwards. */
    public void setMillis(long millis) {
        nowMillis = millis;
    }
}
