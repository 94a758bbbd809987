package io.runnel.examples.wordcount;

import io.runnel.api.functions.Collector;
import io.runnel.api.functions.FlatMapFunction;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a line of text into lower-case words: maximal runs of letters and digits. Anything else (spaces,
 * punctuation, apostrophes) separates words, so {@code "River's end."} yields {@code river}, {@code s},
 * {@code end}.
 *
 * <p><b>Threading:</b> stateless; called by its task thread.
 */
public final class Tokenizer implements FlatMapFunction<String, String> {

    private static final long serialVersionUID = 1L;
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{Nd}]+");

    @Override
    public void flatMap(String line, Collector<String> out) {
        for (String word : SEPARATORS.split(line.toLowerCase(Locale.ROOT))) {
            // split() yields one leading empty string when the line starts with a separator.
            if (!word.isEmpty()) {
                out.collect(word);
            }
        }
    }
}
