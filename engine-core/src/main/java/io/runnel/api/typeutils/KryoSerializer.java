package io.runnel.api.typeutils;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import io.runnel.annotation.Internal;
import java.io.IOException;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * The fallback serializer for classes without a hand-written one, built on Kryo 5. With a concrete class it
 * writes just the object; for {@code Object} it writes the class name first ({@code writeClassAndObject}).
 *
 * <p>The Kryo bytes are length-prefixed inside our stream so that Kryo's own buffering never reads past the
 * value.
 *
 * <p><b>Threading:</b> a Kryo instance is not thread-safe; each thread uses its own {@link #duplicate()}.
 *
 * @param <T> the type serialized
 */
@Internal
public final class KryoSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private transient Kryo kryo;
    private transient Output output;
    private transient byte[] readBuffer;

    /**
     * @param type the class to serialize; {@code Object.class} writes the class of each value
     */
    public KryoSerializer(Class<T> type) {
        this.type = type;
    }

    private Kryo kryo() {
        if (kryo == null) {
            Kryo k = new Kryo();
            k.setRegistrationRequired(false);
            k.setReferences(true);
            k.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            if (cl != null) {
                k.setClassLoader(cl);
            }
            kryo = k;
            output = new Output(256, -1);
        }
        return kryo;
    }

    @Override
    public void serialize(T value, DataOutputView out) throws IOException {
        Kryo k = kryo();
        output.reset();
        if (type == Object.class) {
            k.writeClassAndObject(output, value);
        } else {
            k.writeObjectOrNull(output, value, type);
        }
        out.writeVarInt(output.position());
        out.write(output.getBuffer(), 0, output.position());
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(DataInputView in) throws IOException {
        Kryo k = kryo();
        int len = in.readVarInt();
        if (readBuffer == null || readBuffer.length < len) {
            readBuffer = new byte[Math.max(len, 256)];
        }
        in.readFully(readBuffer, 0, len);
        Input input = new Input(readBuffer, 0, len);
        if (type == Object.class) {
            return (T) k.readClassAndObject(input);
        }
        return k.readObjectOrNull(input, type);
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new KryoSerializer<>(type);
    }
}
