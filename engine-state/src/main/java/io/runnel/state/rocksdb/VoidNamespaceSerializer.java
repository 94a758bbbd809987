package io.runnel.state.rocksdb;

import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.VoidNamespace;

/**
 * Serializes {@link VoidNamespace} as zero bytes, so state without a namespace costs no key bytes. This keeps key
 * prefixes unambiguous because the key serializer before it is self-delimiting.
 *
 * <p><b>Threading:</b> stateless.
 */
final class VoidNamespaceSerializer extends TypeSerializer<VoidNamespace> {

    static final VoidNamespaceSerializer INSTANCE = new VoidNamespaceSerializer();
    private static final long serialVersionUID = 1L;

    private VoidNamespaceSerializer() {
    }

    @Override
    public void serialize(VoidNamespace value, DataOutputView out) {
        // Nothing: there is only one value.
    }

    @Override
    public VoidNamespace deserialize(DataInputView in) {
        return VoidNamespace.INSTANCE;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
