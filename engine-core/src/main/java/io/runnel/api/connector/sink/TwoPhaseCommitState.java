package io.runnel.api.connector.sink;

import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a {@link TwoPhaseCommitSinkFunction} keeps in operator state at a checkpoint: the transaction open after it,
 * the pre-committed ones by checkpoint id, and the user context.
 *
 * <p><b>Threading:</b> immutable once built.
 *
 * @param openTransaction the transaction begun after the snapshot (aborted on restore), or null after the input
 *     ended (the final checkpoint)
 * @param pendingCommits the pre-committed transactions by checkpoint id, in order (committed on restore)
 * @param context the sink's user context, or null
 * @param <TXN> the transaction type
 * @param <CONTEXT> the user context type
 */
record TwoPhaseCommitState<TXN, CONTEXT>(TransactionHolder<TXN> openTransaction,
                                         List<Map.Entry<Long, TransactionHolder<TXN>>> pendingCommits,
                                         CONTEXT context) {

    /** Writes the state with the sink's transaction and context serializers. */
    static final class Serializer<TXN, CONTEXT> extends TypeSerializer<TwoPhaseCommitState<TXN, CONTEXT>> {
        private static final long serialVersionUID = 1L;
        private final TypeSerializer<TXN> transactions;
        private final TypeSerializer<CONTEXT> contexts;

        Serializer(TypeSerializer<TXN> transactions, TypeSerializer<CONTEXT> contexts) {
            this.transactions = transactions;
            this.contexts = contexts;
        }

        @Override
        public TypeSerializer<TwoPhaseCommitState<TXN, CONTEXT>> duplicate() {
            TypeSerializer<TXN> t = transactions.duplicate();
            TypeSerializer<CONTEXT> c = contexts == null ? null : contexts.duplicate();
            return t == transactions && c == contexts ? this : new Serializer<>(t, c);
        }

        @Override
        public void serialize(TwoPhaseCommitState<TXN, CONTEXT> state, DataOutputView out) throws IOException {
            out.writeBoolean(state.openTransaction() != null);
            if (state.openTransaction() != null) {
                writeHolder(state.openTransaction(), out);
            }
            out.writeInt(state.pendingCommits().size());
            for (Map.Entry<Long, TransactionHolder<TXN>> e : state.pendingCommits()) {
                out.writeLong(e.getKey());
                writeHolder(e.getValue(), out);
            }
            out.writeBoolean(state.context() != null);
            if (state.context() != null) {
                contexts.serialize(state.context(), out);
            }
        }

        private void writeHolder(TransactionHolder<TXN> holder, DataOutputView out) throws IOException {
            out.writeLong(holder.startTimeMillis());
            transactions.serialize(holder.handle(), out);
        }

        @Override
        public TwoPhaseCommitState<TXN, CONTEXT> deserialize(DataInputView in) throws IOException {
            TransactionHolder<TXN> open = in.readBoolean() ? readHolder(in) : null;
            int n = in.readInt();
            List<Map.Entry<Long, TransactionHolder<TXN>>> pending = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long checkpointId = in.readLong();
                pending.add(new AbstractMap.SimpleImmutableEntry<>(checkpointId, readHolder(in)));
            }
            CONTEXT context = in.readBoolean() ? contexts.deserialize(in) : null;
            return new TwoPhaseCommitState<>(open, pending, context);
        }

        private TransactionHolder<TXN> readHolder(DataInputView in) throws IOException {
            long start = in.readLong();
            return new TransactionHolder<>(transactions.deserialize(in), start);
        }
    }
}
