package io.runnel.connector.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.connector.datagen.CollectionSource;
import io.runnel.connector.datagen.SequenceSource;
import io.runnel.connector.file.LineFileSink;
import io.runnel.connector.print.PrintSink;
import io.runnel.connector.testing.TestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinksIT {

    record Word(String text, int count) implements java.io.Serializable {
    }

    @TempDir
    Path dir;

    @Test
    void twoCollectSinksInOneJobKeepTheirOwnResults() throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(1);
        CollectSink<Word> words = new CollectSink<>();
        CollectSink<String> texts = new CollectSink<>();
        var source = env.fromSource(CollectionSource.of(new Word("a", 1), new Word("b", 2)), "words");
        source.sinkTo(words);
        source.map(Word::text).sinkTo(texts);

        JobExecutionResult result = env.execute("two collects");

        assertEquals(List.of(new Word("a", 1), new Word("b", 2)), words.getResults(result));
        assertEquals(List.of("a", "b"), texts.getResults(result));
    }

    @Test
    void lineFileSinkWritesOnePartFilePerSubtask() throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(2);
        LineFileSink<Long> sink = new LineFileSink<>(dir.resolve("out"), n -> "n" + n);
        env.fromSource(new SequenceSource(1, 10_000), "numbers").sinkTo(sink);
        env.fromSource(new SequenceSource(1, 3), "print me").sinkTo(new PrintSink<>("it", false));

        env.execute("write lines");

        List<String> lines = new ArrayList<>(TestFiles.read(sink.partFile(0)));
        lines.addAll(TestFiles.read(sink.partFile(1)));
        assertEquals(IntStream.rangeClosed(1, 10_000).mapToObj(i -> "n" + i).sorted().toList(),
                lines.stream().sorted().toList());
    }
}
