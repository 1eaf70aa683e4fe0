package dev.citeqa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies the shipped seed documents into a test's own folder, so tests can change them freely. */
public final class SeedFolder {

    public static final Path SEEDS = Path.of("seeds");

    private SeedFolder() {
    }

    /** Copies the seed files whose names start with one of {@code prefixes} (all when none is given). */
    public static Path copyTo(Path folder, String... prefixes) {
        try (Stream<Path> files = Files.list(SEEDS)) {
            Files.createDirectories(folder);
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (prefixes.length == 0 || Stream.of(prefixes).anyMatch(name::startsWith)) {
                    Files.copy(file, folder.resolve(name));
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(String file) {
        try {
            return Files.readString(SEEDS.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
