package io.runnel.connector.file;

import io.runnel.connector.base.StaticSplitEnumerator;
import io.runnel.annotation.Public;
import io.runnel.api.connector.source.Boundedness;
import io.runnel.api.connector.source.Source;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.api.connector.source.SplitEnumerator;
import io.runnel.api.connector.source.SplitEnumeratorContext;
import io.runnel.api.typeutils.ResultTypeQueryable;
import io.runnel.api.typeutils.TypeInformation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A bounded source of the lines of text files, without their line terminators.
 *
 * <pre>{@code
 * List<String> out = CollectSink.executeAndCollect(env.fromSource(new TextLineFileSource(dir), "lines"),
 *         "read lines");
 * }</pre>
 * (from {@code TextLineFileSourceIT})
 *
 * <p><b>Contract:</b>
 * <ul>
 *   <li>Each path is a file or a directory; a directory stands for its regular files (not recursively), sorted
 *       by name. Paths are made absolute when the source is created.</li>
 *   <li>One split per file, handed to readers on request, so every line is emitted exactly once over all
 *       subtasks, in file order within a file.</li>
 *   <li>UTF-8; malformed bytes become U+FFFD, and a byte order mark at the start of a file is dropped. A file
 *       whose name ends in {@code .gz}, in any case, is gunzipped.</li>
 *   <li>A missing path fails the job when it starts ({@code NoSuchFileException}); an I/O error while reading
 *       fails the task with that exception.</li>
 * </ul>
 *
 * <p><b>Threading:</b> immutable. Each reader reads on its own fetcher thread (see
 * {@link io.runnel.connector.base.SourceReaderBase}), in batches of 1,000 lines.
 */
@Public
public final class TextLineFileSource implements Source<String, FileSplit, List<FileSplit>>,
        ResultTypeQueryable<String> {

    private static final long serialVersionUID = 1L;

    private final LineFileFormat<String> format;

    /**
     * @param paths files or directories
     * @throws IllegalArgumentException if no path is given
     */
    public TextLineFileSource(Path... paths) {
        this.format = new LineFileFormat<>(FileSplits.absolute(paths), new IdentityParser(), false, null);
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    /** @throws IOException if a path does not exist or a directory cannot be listed */
    @Override
    public SplitEnumerator<FileSplit, List<FileSplit>> createEnumerator(SplitEnumeratorContext<FileSplit> context)
            throws IOException {
        return format.createEnumerator(context);
    }

    /** Restores the splits not yet handed out at the checkpoint. */
    @Override
    public SplitEnumerator<FileSplit, List<FileSplit>> restoreEnumerator(SplitEnumeratorContext<FileSplit> context,
                                                                 List<FileSplit> checkpoint) {
        return new StaticSplitEnumerator<>(context, checkpoint);
    }

    @Override
    public SourceReader<String, FileSplit> createReader(SourceReaderContext context) {
        return format.createReader(context);
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return TypeInformation.of(String.class);
    }

    /** The parser of plain lines: a named class rather than a lambda, so the source serializes predictably. */
    private static final class IdentityParser implements LineParser<String> {

        private static final long serialVersionUID = 1L;

        @Override
        public String parse(String line) {
            return line;
        }
    }
}
