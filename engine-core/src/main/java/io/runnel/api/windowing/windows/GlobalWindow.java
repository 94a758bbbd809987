package io.runnel.api.windowing.windows;

import io.runnel.annotation.Public;
import io.runnel.api.typeutils.DataInputView;
import io.runnel.api.typeutils.DataOutputView;
import io.runnel.api.typeutils.TypeSerializer;
import java.io.IOException;

/**
 * The one window that holds every element of a key, used by {@code GlobalWindows}; only a custom trigger ever
 * emits it. Follows Flink's {@code GlobalWindow}.
 *
 * <p><b>Contract:</b> there is one instance, {@link #get()}; {@code maxTimestamp() == Long.MAX_VALUE}, so an
 * event-time trigger fires it only at the end of input.
 *
 * <p><b>Threading:</b> immutable.
 */
@Public
public final class GlobalWindow extends Window {

    private static final GlobalWindow INSTANCE = new GlobalWindow();

    private GlobalWindow() {
    }

    /** @return the global window */
    public static GlobalWindow get() {
        return INSTANCE;
    }

    /** @return {@link Long#MAX_VALUE} */
    @Override
    public long maxTimestamp() {
        return Long.MAX_VALUE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GlobalWindow;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "GlobalWindow";
    }

    /**
     * Serializes the {@link GlobalWindow} as one zero byte; the byte keeps the encoding non-empty so that a reader
     * can tell a window from no window.
     *
     * <p><b>Threading:</b> stateless; share {@link #INSTANCE}.
     */
    @Public
    public static final class Serializer extends TypeSerializer<GlobalWindow> {

        private static final long serialVersionUID = 1L;

        /** The shared instance. */
        public static final Serializer INSTANCE = new Serializer();

        @Override
        public void serialize(GlobalWindow value, DataOutputView out) throws IOException {
            out.writeByte(0);
        }

        /** @throws IOException if the byte is not the 0 that {@link #serialize} writes */
        @Override
        public GlobalWindow deserialize(DataInputView in) throws IOException {
            byte b = in.readByte();
            if (b != 0) {
                throw new IOException("corrupt GlobalWindow byte: " + b);
            }
            return GlobalWindow.get();
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }
}
