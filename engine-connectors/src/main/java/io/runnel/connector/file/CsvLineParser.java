package io.runnel.connector.file;

/**
 * Parses a CSV line: splits it into fields ({@link CsvFieldSplitter}) and maps them with a {@link CsvRowMapper}.
 *
 * <p><b>Contract:</b> broken quoting makes the line malformed. For a user's mapper ({@link CsvSource#forMapper})
 * any exception of the mapper makes the line malformed, as {@link CsvRowMapper} documents. For a
 * {@link RecordRowMapper} ({@link CsvSource#forRecord}) only its {@link MalformedLineException} does: it reports
 * every problem of the data that way, so any other exception (e.g. the {@link IllegalStateException} of a record
 * constructor that cannot be called) is a programming error and propagates, failing the task even when
 * malformed lines are skipped.
 *
 * <p><b>Threading:</b> fetcher thread only (one instance per reader after deserialization).
 *
 * @param <T> the record type
 */
final class CsvLineParser<T> implements LineParser<T> {

    private static final long serialVersionUID = 1L;

    private final CsvRowMapper<T> mapper;
    private final boolean anyMapperExceptionIsMalformed;

    /**
     * @param mapper maps the fields to a record
     * @param anyMapperExceptionIsMalformed true for a user's mapper; false when only a
     *     {@link MalformedLineException} of the mapper means a malformed line
     */
    CsvLineParser(CsvRowMapper<T> mapper, boolean anyMapperExceptionIsMalformed) {
        this.mapper = mapper;
        this.anyMapperExceptionIsMalformed = anyMapperExceptionIsMalformed;
    }

    @Override
    public T parse(String line) throws MalformedLineException {
        String[] fields = CsvFieldSplitter.split(line);
        T value;
        try {
            value = mapper.map(fields);
        } catch (MalformedLineException e) {
            throw e;
        } catch (RuntimeException e) {
            if (!anyMapperExceptionIsMalformed) {
                throw e;
            }
            throw malformed(e);
        } catch (Exception e) {
            throw malformed(e);
        }
        if (value == null) {
            throw new MalformedLineException("the row mapper returned null");
        }
        return value;
    }

    private static MalformedLineException malformed(Exception e) {
        return new MalformedLineException(e.getMessage() != null ? e.getMessage() : e.toString());
    }
}
