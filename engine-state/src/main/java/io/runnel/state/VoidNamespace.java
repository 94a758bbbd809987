package io.runnel.state;

/**
 * The namespace of keyed state that is not scoped further than by key (everything except window state).
 *
 * <p><b>Threading:</b> immutable singleton.
 */
public enum VoidNamespace {
    INSTANCE
}
