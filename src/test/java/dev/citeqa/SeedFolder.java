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

    public static Path copyTo(Path folder) {
        try (Stream<Path> files = Files.list(SEEDS)) {
            Files.createDirectories(folder);
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
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
