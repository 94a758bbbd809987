package io.runnel.state;

/**
 * The namespace of keyed state that is not scoped further than by key (everything except window state).
 *
 * <p>A class rather than an enum so that its hash code is a constant: an enum's is the identity hash, which the
 * state maps would read from the object header on every access.
 *
 * <p><b>Threading:</b> immutable singleton.
 */
public final class VoidNamespace {

    /** The one instance. */
    public static final VoidNamespace INSTANCE = new VoidNamespace();

    private VoidNamespace() {
    }

    @Override
    public int hashCode() {
        return 0x2f6e1a3b;
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public String toString() {
        return "VoidNamespace";
    }
}
