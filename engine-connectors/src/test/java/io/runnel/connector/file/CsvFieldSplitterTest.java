package io.runnel.connector.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CsvFieldSplitterTest {

    @Test
    void splitsOnCommas() throws Exception {
        assertArrayEquals(new String[] {"a", "b", "c"}, CsvFieldSplitter.split("a,b,c"));
        assertArrayEquals(new String[] {"", "b", ""}, CsvFieldSplitter.split(",b,"));
        assertArrayEquals(new String[] {""}, CsvFieldSplitter.split(""));
        assertArrayEquals(new String[] {" a ", "b c"}, CsvFieldSplitter.split(" a ,b c"));
    }

    @Test
    void quotedFieldsKeepCommasAndUnescapeDoubledQuotes() throws Exception {
        assertArrayEquals(new String[] {"a,b", "c"}, CsvFieldSplitter.split("\"a,b\",c"));
        assertArrayEquals(new String[] {"He said \"hi\", then left", "2"},
                CsvFieldSplitter.split("\"He said \"\"hi\"\", then left\",2"));
        assertArrayEquals(new String[] {"", "x", ""}, CsvFieldSplitter.split("\"\",x,\"\""));
        assertArrayEquals(new String[] {"\""}, CsvFieldSplitter.split("\"\"\"\""));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsLiteral() throws Exception {
        assertArrayEquals(new String[] {"5\" disk", "x"}, CsvFieldSplitter.split("5\" disk,x"));
    }

    @Test
    void anUnterminatedQuoteIsMalformed() {
        MalformedLineException e = assertThrows(MalformedLineException.class,
                () -> CsvFieldSplitter.split("a,\"b,c"));
        assertEquals("unterminated quoted field starting at column 3", e.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() {
        MalformedLineException e = assertThrows(MalformedLineException.class,
                () -> CsvFieldSplitter.split("\"a\"b,c"));
        assertEquals("unexpected character 'b' after the closing quote at column 4", e.getMessage());
    }
}
