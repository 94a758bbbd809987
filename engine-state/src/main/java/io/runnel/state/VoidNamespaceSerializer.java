package io.runnel.state;

import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.TypeSerializer;

/**
 * Serializes {@link VoidNamespace} as zero bytes: state and timers without a namespace cost nothing extra in
 * backends that store bytes.
 *
 * <p><b>Threading:</b> stateless; thread-safe.
 */
public final class VoidNamespaceSerializer extends TypeSerializer<VoidNamespace> {

    private static final long serialVersionUID = 1L;

    /** The only instance. */
    public static final VoidNamespaceSerializer INSTANCE = new VoidNamespaceSerializer();

    private VoidNamespaceSerializer() {
    }

    @Override
    public void serialize(VoidNamespace value, DataOutputView out) {
        // Nothing to write: there is one value.
    }

    @Override
    public VoidNamespace deserialize(DataInputView in) {
        return VoidNamespace.INSTANCE;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
