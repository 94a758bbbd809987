package io.runnel.bench;

import io.runnel.annotation.NotThreadSafe;
import io.runnel.api.typeutils.TypeInformation;

/**
 * W2's input: the word at index {@code i} is {@code ZipfTable.of(n, s).wordFor(draw(seed, i))}, a word of
 * {@code w0 .. w(n-1)} drawn from Zipf(s) (see {@link DrawCursor} for {@code draw}).
 *
 * <p><b>Contract:</b> an {@link IndexedGenerator}: the word at an index depends only on (n, s, seed, index). Every
 * draw of a rank returns the same {@code String} instance, as {@link ZipfTable#wordFor} does.
 *
 * <p><b>Threading:</b> immutable; cursors are owned by one thread.
 *
 * @param vocabularySize n, the number of distinct words, {@code >= 1}
 * @param exponent the Zipf exponent s, {@code > 0}
 * @param seed the seed of the draws
 */
record ZipfWordGenerator(int vocabularySize, double exponent, long seed) implements IndexedGenerator<String> {

    @Override
    public Cursor<String> cursorAt(long index) {
        return new WordCursor(ZipfTable.of(vocabularySize, exponent), new DrawCursor(seed, index));
    }

    @Override
    public TypeInformation<String> producedType() {
        return TypeInformation.of(String.class);
    }

    /** One table lookup per draw. Threading: one owner thread. */
    @NotThreadSafe
    private static final class WordCursor implements Cursor<String> {
        private final ZipfTable table;
        private final DrawCursor draws;

        WordCursor(ZipfTable table, DrawCursor draws) {
            this.table = table;
            this.draws = draws;
        }

        @Override
        public String next() {
            return table.wordFor(draws.nextDouble());
        }
    }
}
