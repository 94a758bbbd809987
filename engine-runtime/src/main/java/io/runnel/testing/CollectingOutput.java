package io.runnel.testing;

import io.runnel.api.common.OutputTag;
import io.runnel.runtime.operators.Output;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;
import io.runnel.streamrecord.WatermarkStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output the operator under test emits into: the main output (records, watermarks and statuses in emission
 * order) and each side output by tag id, as immutable {@link OutputElement}s. Records are converted at once,
 * because the operator may reuse its {@code StreamRecord} after the call returns.
 *
 * <p><b>Threading:</b> harness thread only.
 *
 * @param <T> the main output's value type
 */
final class CollectingOutput<T> implements Output<T> {

    /** Owner: harness thread. */
    private final List<OutputElement> main = new ArrayList<>();
    /** Owner: harness thread. Records of each side output, by tag id. */
    private final Map<String, List<OutputElement.Record<?>>> sides = new LinkedHashMap<>();

    @Override
    public void collect(StreamRecord<T> record) {
        main.add(toElement(record));
    }

    @Override
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
        sides.computeIfAbsent(tag.getId(), id -> new ArrayList<>()).add(toElement(record));
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        main.add(new OutputElement.Watermark(watermark.timestamp()));
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        main.add(new OutputElement.WatermarkStatus(status.idle()));
    }

    private static <X> OutputElement.Record<X> toElement(StreamRecord<X> record) {
        return new OutputElement.Record<>(record.getValue(), record.getTimestamp());
    }

    /** @return a copy of the main output so far */
    List<OutputElement> main() {
        return List.copyOf(main);
    }

    /** @return a copy of the records of the side output with {@code tagId} so far; empty if none */
    @SuppressWarnings({"unchecked", "rawtypes"})
    <X> List<OutputElement.Record<X>> side(String tagId) {
        return (List) List.copyOf(sides.getOrDefault(tagId, List.of()));
    }

    /** Forgets everything emitted so far. */
    void clear() {
        main.clear();
        sides.clear();
    }
}
