package io.runnel.connector.file;

/**
 * Parses a CSV line: splits it into fields ({@link CsvFieldSplitter}) and maps them with a {@link CsvRowMapper}.
 * Any exception of the mapper makes the line malformed.
 *
 * <p><b>Threading:</b> fetcher thread only (one instance per reader after deserialization).
 *
 * @param <T> the record type
 */
final class CsvLineParser<T> implements LineParser<T> {

    private static final long serialVersionUID = 1L;

    private final CsvRowMapper<T> mapper;

    CsvLineParser(CsvRowMapper<T> mapper) {
        this.mapper = mapper;
    }

    @Override
    public T parse(String line) throws MalformedLineException {
        String[] fields = CsvFieldSplitter.split(line);
        T value;
        try {
            value = mapper.map(fields);
        } catch (MalformedLineException e) {
            throw e;
        } catch (Exception e) {
            throw new MalformedLineException(e.getMessage() != null ? e.getMessage() : e.toString());
        }
        if (value == null) {
            throw new MalformedLineException("the row mapper returned null");
        }
        return value;
    }
}
