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
import java.util.Objects;

/**
 * A bounded source of records read from CSV files, one record per line.
 *
 * <pre>{@code
 * record Flight(LocalDateTime departure, String origin, String destination, int delayMinutes, double distance) {
 * }
 *
 * env.fromSource(CsvSource.forRecord(Flight.class, dir).skipMalformedLines(true).build(), "flights")
 *         .sinkTo(sink);
 * JobExecutionResult result = env.execute("skipping csv");
 * long skipped = result.getCounter(CsvSource.SKIPPED_LINES_COUNTER);
 * }</pre>
 * (from {@code CsvSourceIT})
 *
 * <p><b>Contract:</b>
 * <ul>
 *   <li>Files, directories, splits, gzip, UTF-8 and errors as in {@link TextLineFileSource}.</li>
 *   <li>Fields are separated by commas and may be double-quoted ({@code "a,b"}, {@code ""} for a quote); a field
 *       cannot span lines. {@link #forRecord} maps fields positionally to a record's components, typed as listed
 *       in {@code CsvFieldParsers} (String, int, long, double, boolean and their boxes, LocalDate,
 *       LocalDateTime as {@code yyyy-MM-dd HH:mm:ss} or ISO, enums); {@link #forMapper} uses a
 *       {@link CsvRowMapper}.</li>
 *   <li>With a header (the default) the first line of each file is skipped.</li>
 *   <li>A malformed line (broken quoting, wrong field count, a field that does not parse, a mapper exception)
 *       fails the job by default with a {@link MalformedCsvLineException} whose message names the file, the
 *       1-based line number, the reason and the line. With {@code skipMalformedLines(true)} it is skipped, counted
 *       in the counter {@value #SKIPPED_LINES_COUNTER} (so {@code JobExecutionResult.getCounter} reports the
 *       total) and the first few per reader are logged as warnings.</li>
 *   <li>A record class whose constructor cannot be called is a programming error, not a malformed line: its
 *       {@link IllegalStateException} fails the job even with {@code skipMalformedLines(true)}.</li>
 * </ul>
 *
 * <p><b>Threading:</b> immutable; lines are read and parsed on each reader's fetcher thread, so a
 * {@link CsvRowMapper} runs there.
 *
 * @param <T> the record type
 */
@Public
public final class CsvSource<T> implements Source<T, FileSplit, List<FileSplit>>, ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    /** The name of the counter of skipped malformed lines (summed over all readers in the job's result). */
    public static final String SKIPPED_LINES_COUNTER = "csv.skipped-lines";

    private final LineFileFormat<T> format;
    private final Class<T> type;

    private CsvSource(LineFileFormat<T> format, Class<T> type) {
        this.format = format;
        this.type = type;
    }

    /**
     * @param recordClass a Java record whose components match the columns, in order
     * @param paths files or directories
     * @return a builder of a source of {@code recordClass} records
     * @throws IllegalArgumentException if the class is not a record, a component type is not supported, or no
     *     path is given
     */
    public static <T> Builder<T> forRecord(Class<T> recordClass, Path... paths) {
        return new Builder<>(RecordRowMapper.of(recordClass), false, recordClass, paths);
    }

    /**
     * @param mapper maps a line's fields to a record
     * @param type the record class
     * @param paths files or directories
     * @return a builder of a source of {@code type} records
     * @throws IllegalArgumentException if no path is given
     */
    public static <T> Builder<T> forMapper(CsvRowMapper<T> mapper, Class<T> type, Path... paths) {
        return new Builder<>(mapper, true, type, paths);
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
    public SourceReader<T, FileSplit> createReader(SourceReaderContext context) {
        return format.createReader(context);
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return TypeInformation.of(type);
    }

    /**
     * Configures a {@link CsvSource}.
     *
     * <p><b>Threading:</b> not thread-safe; use it from the thread that builds the job.
     *
     * @param <T> the record type
     */
    public static final class Builder<T> {

        private final CsvRowMapper<T> mapper;
        private final boolean anyMapperExceptionIsMalformed;
        private final Class<T> type;
        private final List<String> paths;
        private boolean header = true;
        private boolean skipMalformed;

        private Builder(CsvRowMapper<T> mapper, boolean anyMapperExceptionIsMalformed, Class<T> type,
                Path... paths) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            this.anyMapperExceptionIsMalformed = anyMapperExceptionIsMalformed;
            this.type = Objects.requireNonNull(type, "type");
            this.paths = FileSplits.absolute(paths);
        }

        /** Whether the first line of each file is a header to skip; default true. @return this */
        public Builder<T> withHeader(boolean hasHeader) {
            this.header = hasHeader;
            return this;
        }

        /** Whether malformed lines are skipped and counted instead of failing the job; default false. @return this */
        public Builder<T> skipMalformedLines(boolean skip) {
            this.skipMalformed = skip;
            return this;
        }

        /** @return the source */
        public CsvSource<T> build() {
            CsvLineParser<T> parser = new CsvLineParser<>(mapper, anyMapperExceptionIsMalformed);
            LineFileFormat<T> format = new LineFileFormat<>(paths, parser, header,
                    skipMalformed ? SKIPPED_LINES_COUNTER : null);
            return new CsvSource<>(format, type);
        }
    }
}
