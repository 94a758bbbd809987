package io.runnel.examples.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> tokenize(String line) {
        List<String> words = new ArrayList<>();
        new Tokenizer().flatMap(line, words::add);
        return words;
    }

    @Test
    void splitsOnEverythingButLettersAndDigits() {
        assertEquals(List.of("river", "s", "end", "2001", "sea", "river"),
                tokenize("  River's end, 2001 -- sea-RIVER!"));
        assertEquals(List.of(), tokenize(""));
        assertEquals(List.of(), tokenize(" ... "));
    }
}
