package io.runnel.bench;

import io.runnel.annotation.ThreadSafe;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Zipf distribution over the vocabulary {@code w0 .. w(n-1)} with an alias table (Vose's method), so that a draw
 * costs one uniform double and at most two array reads, whatever {@code n}.
 *
 * <p><b>Contract:</b> {@code P(rank k) = (k + 1)^-s / H(n, s)} with {@code H(n, s) = sum_{j=1..n} j^-s}; rank 0 is
 * the word {@code "w0"}. {@link #sample(double)} maps a uniform {@code u} in {@code [0, 1)} to a rank
 * deterministically. The word strings are built once, so every draw of a rank returns the same {@code String}
 * instance (with its hash code cached after first use).
 *
 * <p><b>Threading:</b> immutable after construction; {@link #of} caches one table per (n, s) in the JVM so that
 * every reader and loop of a fork shares it.
 */
@ThreadSafe
final class ZipfTable {

    private record Key(int vocabularySize, double exponent) {
    }

    private static final Map<Key, ZipfTable> CACHE = new ConcurrentHashMap<>();

    private final String[] words;
    private final double[] pmf;
    /** Alias method: column k keeps rank k when the fractional part is below {@code threshold[k]}. */
    private final double[] threshold;
    private final int[] alias;

    private ZipfTable(int vocabularySize, double exponent) {
        this.words = new String[vocabularySize];
        this.pmf = new double[vocabularySize];
        double harmonic = 0;
        for (int k = 0; k < vocabularySize; k++) {
            words[k] = "w" + k;
            pmf[k] = Math.pow(k + 1, -exponent);
            harmonic += pmf[k];
        }
        for (int k = 0; k < vocabularySize; k++) {
            pmf[k] /= harmonic;
        }
        this.threshold = new double[vocabularySize];
        this.alias = new int[vocabularySize];
        buildAliasTable(pmf, threshold, alias);
    }

    /**
     * @param vocabularySize number of words, {@code >= 1}
     * @param exponent the Zipf exponent {@code s > 0}
     * @return the (cached) table
     */
    static ZipfTable of(int vocabularySize, double exponent) {
        if (vocabularySize < 1 || !(exponent > 0)) {
            throw new IllegalArgumentException("need vocabularySize >= 1 and exponent > 0, got " + vocabularySize
                    + " and " + exponent);
        }
        return CACHE.computeIfAbsent(new Key(vocabularySize, exponent), k -> new ZipfTable(k.vocabularySize(),
                k.exponent()));
    }

    /** Vose's alias method: O(n), numerically stable. */
    private static void buildAliasTable(double[] pmf, double[] threshold, int[] alias) {
        int n = pmf.length;
        double[] scaled = new double[n];
        ArrayDeque<Integer> small = new ArrayDeque<>();
        ArrayDeque<Integer> large = new ArrayDeque<>();
        for (int k = 0; k < n; k++) {
            scaled[k] = pmf[k] * n;
            (scaled[k] < 1.0 ? small : large).add(k);
        }
        while (!small.isEmpty() && !large.isEmpty()) {
            int s = small.poll();
            int l = large.poll();
            threshold[s] = scaled[s];
            alias[s] = l;
            scaled[l] = (scaled[l] + scaled[s]) - 1.0;
            (scaled[l] < 1.0 ? small : large).add(l);
        }
        // What is left has scaled probability 1 up to rounding: it always keeps its own column.
        for (Integer k : large) {
            threshold[k] = 1.0;
            alias[k] = k;
        }
        for (Integer k : small) {
            threshold[k] = 1.0;
            alias[k] = k;
        }
    }

    /**
     * @param u a uniform draw in {@code [0, 1)}
     * @return the rank it selects, in {@code [0, n)}
     */
    int sample(double u) {
        double x = u * threshold.length;
        // u * n can round up to n for u just below 1.
        int column = Math.min((int) x, threshold.length - 1);
        return x - column < threshold[column] ? column : alias[column];
    }

    /** @return the word that {@code u} selects; the same instance for every draw of a rank */
    String wordFor(double u) {
        return words[sample(u)];
    }

    /** @return the word of rank {@code rank}, i.e. {@code "w" + rank} */
    String word(int rank) {
        return words[rank];
    }

    /** @return the exact probability of rank {@code rank} under the Zipf formula */
    double probability(int rank) {
        return pmf[rank];
    }

    /** @return the vocabulary size n */
    int vocabularySize() {
        return words.length;
    }
}
