package io.runnel.connector.nexmark;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The made-up strings and prices of Nexmark events. The word lists are the benchmark's (queries filter on states
 * such as OR, ID and CA, so their presence matters); the rest is random text of the stated lengths.
 *
 * <p><b>Threading:</b> stateless.
 */
final class NexmarkText {

    static final List<String> US_STATES = List.of("AZ", "CA", "ID", "OR", "WA", "WY");
    static final List<String> US_CITIES = List.of("Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland",
            "Bend", "Redmond", "Seattle", "Kent", "Cheyenne");
    static final List<String> FIRST_NAMES = List.of("Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate",
            "Julie", "Sarah", "Deiter", "Walter");
    static final List<String> LAST_NAMES = List.of("Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton",
            "Smith", "Jones", "Noris");
    static final List<String> HOT_CHANNELS = List.of("Google", "Facebook", "Baidu", "Apple");
    /** Channels that are not hot are {@code channel-0 .. channel-(CHANNELS - 1)}. */
    static final int CHANNELS = 10_000;

    private static final int MIN_WORD_LENGTH = 3;

    private NexmarkText() {
    }

    static String pick(List<String> words, SplittableRandom random) {
        return words.get(random.nextInt(words.size()));
    }

    /** @return lowercase letters, of a length uniform in {@code [3, maxLength]} */
    static String word(SplittableRandom random, int maxLength) {
        int length = MIN_WORD_LENGTH + random.nextInt(Math.max(1, maxLength - MIN_WORD_LENGTH + 1));
        return letters(random, length);
    }

    /** @return lowercase letters and spaces of exactly {@code length} characters */
    static String letters(SplittableRandom random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            // About one character in eight is a space, so long strings read as words.
            chars[i] = random.nextInt(8) == 0 && i > 0 && i < length - 1 ? ' ' : (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    /** @return padding whose length is uniform in {@code [0, 2 * (avgSize - currentSize)]}, so it averages the gap */
    static String extra(SplittableRandom random, int currentSize, int avgSize) {
        int gap = avgSize - currentSize;
        if (gap <= 0) {
            return "";
        }
        return letters(random, random.nextInt(2 * gap + 1));
    }

    /** @return a price in cents, log-uniform in {@code [100, 10^8]} (one dollar to a million) */
    static long price(SplittableRandom random) {
        return Math.round(Math.pow(10.0, random.nextDouble() * 6.0) * 100.0);
    }

    /** @return sixteen digits in four groups of four */
    static String creditCard(SplittableRandom random) {
        StringBuilder sb = new StringBuilder(19);
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%04d", random.nextInt(10_000)));
        }
        return sb.toString();
    }

    /** @return the url of a bid page on {@code channel} */
    static String url(SplittableRandom random, String channel) {
        return "https://www.nexmark.com/" + channel.toLowerCase() + "/" + letters(random, 5).replace(' ', '_')
                + "/item.htm?query=1";
    }
}
