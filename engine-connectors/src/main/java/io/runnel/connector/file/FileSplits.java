package io.runnel.connector.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the paths of a file source into one split per file: a file is itself, a directory is its regular
 * files (not recursively), sorted by name.
 *
 * <p><b>Threading:</b> stateless.
 */
final class FileSplits {

    private FileSplits() {
    }

    /** @return the absolute, normalized form of each path, for the source to carry (Path is not serializable) */
    static List<String> absolute(Path... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("a file source needs at least one path");
        }
        List<String> result = new ArrayList<>(paths.length);
        for (Path p : paths) {
            result.add(p.toAbsolutePath().normalize().toString());
        }
        return result;
    }

    /**
     * @return one split per file, in the order of the paths (a directory's files sorted by name)
     * @throws NoSuchFileException if a path does not exist
     * @throws IOException if a directory cannot be listed
     */
    static List<FileSplit> enumerate(List<String> paths) throws IOException {
        List<FileSplit> splits = new ArrayList<>();
        for (String p : paths) {
            for (Path file : filesOf(Path.of(p))) {
                splits.add(new FileSplit(splits.size() + ":" + file, file.toString(), 0));
            }
        }
        return splits;
    }

    private static List<Path> filesOf(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "input path of a file source does not exist");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
