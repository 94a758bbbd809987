package io.runnel.examples.wordcount;

import io.runnel.api.common.JobExecutionException;
import io.runnel.api.common.Tuple2;
import io.runnel.api.datastream.SingleOutputStreamOperator;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.connector.file.TextLineFileSource;
import io.runnel.connector.print.PrintSink;
import io.runnel.examples.BundledInput;
import io.runnel.examples.ExampleArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The classic streaming word count: reads text files line by line, splits them into lower-case words
 * ({@link Tokenizer}), and prints a running count per word, {@code word,count}, one line per occurrence.
 *
 * <pre>
 *   TextLineFileSource → flatMap(Tokenizer) → keyBy(word) → sum(1) → PrintSink
 * </pre>
 *
 * <p>Arguments: {@code [--input PATH]... [--parallelism N]}; without {@code --input} it reads a short bundled text
 * about rivers. With parallelism above 1 the print sink prefixes each line with its subtask.
 *
 * <p><b>Errors:</b> invalid arguments throw {@link IllegalArgumentException}; a failed job throws
 * {@link JobExecutionException}. Checked against a plain-Java count in {@code WordCountIT}.
 *
 * <p><b>Threading:</b> {@link #main} and {@link #buildPipeline} run on the caller's thread.
 */
public final class WordCount {

    /** The class-path resource read when no {@code --input} is given. */
    public static final String BUNDLED_INPUT = "/text/rivers.txt";

    private static final String USAGE = "word-count [--input PATH]... [--parallelism N]";

    private WordCount() {
    }

    /**
     * Runs the job and prints the running counts to standard output.
     *
     * @throws IllegalArgumentException if the arguments are invalid
     * @throws JobExecutionException if the job fails
     */
    public static void main(String[] args) throws JobExecutionException {
        ExampleArgs parsed = ExampleArgs.parse("word-count", USAGE, args, Set.of("parallelism"), Set.of("input"));
        OptionalInt parallelism = parsed.getInt("parallelism", 1);
        List<Path> inputs = parsed.getAll("input").stream().map(Paths::get).toList();
        for (Path input : inputs) {
            if (!Files.isRegularFile(input)) {
                throw new IllegalArgumentException("word-count: input file not found: " + input);
            }
        }
        if (inputs.isEmpty()) {
            inputs = List.of(BundledInput.extract(BUNDLED_INPUT));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        parallelism.ifPresent(env::setParallelism);
        buildPipeline(env, inputs)
                .map(WordCount::format)
                .name("format")
                .sinkTo(new PrintSink<>())
                .name("print");
        env.execute("WordCount");
    }

    /**
     * Defines the job up to its running counts, so that a test can attach its own sink.
     *
     * @param env the environment to define the job on
     * @param inputs the text files
     * @return for every word occurrence, {@code (word, occurrences of word so far)}
     */
    public static SingleOutputStreamOperator<Tuple2<String, Long>> buildPipeline(StreamExecutionEnvironment env,
                                                                                 List<Path> inputs) {
        return env.fromSource(new TextLineFileSource(inputs.toArray(Path[]::new)), "text")
                .flatMap(new Tokenizer())
                .name("tokenize")
                .keyBy(word -> word)
                .sum(word -> 1L)
                .name("count");
    }

    /** @return {@code word,count} */
    static String format(Tuple2<String, Long> count) {
        return count.f0() + "," + count.f1();
    }
}
