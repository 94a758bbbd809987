package io.runnel.state.heap;

import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.state.StateTtlConfig;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.ttl.TtlStateFactory;

/**
 * What the heap backend knows about one registered state beyond its entries: how to serialize the parts of an
 * entry for snapshots and restore, and how to copy a state object that a snapshot still reads.
 *
 * <p><b>Threading:</b> immutable; the serializers and the copier are the task thread's (a snapshot duplicates the
 * serializers it uses on the async thread).
 *
 * @param name the state's name
 * @param kind the kind of state
 * @param ttlConfig the TTL configuration, or null without TTL (then the state objects hold no
 *     {@link io.runnel.state.ttl.TtlValue}s)
 * @param namespaceSerializer serializer of the namespaces
 * @param stateSerializer serializer of whole state objects (a list state's list, a map state's map)
 * @param copier copies a state object a live snapshot reads
 */
record HeapStateMeta(String name, StateDescriptor.Kind kind, StateTtlConfig ttlConfig,
                     TypeSerializer<Object> namespaceSerializer, TypeSerializer<Object> stateSerializer,
                     StateCopier<Object> copier) {

    /** @return the metadata of a state registered with {@code descriptor} and {@code namespaceSerializer} */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static HeapStateMeta of(StateDescriptor<?> descriptor, TypeSerializer<?> namespaceSerializer) {
        // The stored values carry TTL timestamps if TTL is on: TtlStateFactory wraps the user serializer then.
        TypeSerializer values = TtlStateFactory.valueSerializer(descriptor);
        TypeSerializer state;
        StateCopier copier;
        switch (descriptor.getKind()) {
            case LIST:
                state = new HeapCollectionSerializers.ListSerializer<>(values);
                copier = StateCopier.list(values);
                break;
            case MAP:
                TypeSerializer<?> keys = ((MapStateDescriptor<?, ?>) descriptor).getKeyType().createSerializer();
                state = new HeapCollectionSerializers.MapSerializer<>(keys, values);
                copier = StateCopier.map(values);
                break;
            default:
                state = values;
                copier = StateCopier.deep(values);
                break;
        }
        return new HeapStateMeta(descriptor.getName(), descriptor.getKind(), descriptor.getTtlConfig(),
                (TypeSerializer<Object>) namespaceSerializer, state, copier);
    }

    /** @return true if the state objects carry TTL timestamps */
    boolean hasTtl() {
        return ttlConfig != null;
    }
}
