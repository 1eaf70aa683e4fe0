package dev.citeqa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.citeqa.chat.Workspace;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.index.Embedder;

/** The real seed articles copied into a temporary folder, indexed with real Lucene and a real in-jar model. */
public final class SeedWorkspace {

    private SeedWorkspace() {
    }

    public static CiteqaProperties settings(Path docs, Path data, String mode, String model) {
        return new CiteqaProperties(docs, data,
                CiteqaProperties.Ingest.defaults(),
                new CiteqaProperties.Retrieval(5, mode, 60, 50, model),
                new CiteqaProperties.Answer("extractive", 3));
    }

    public static Embedder embedder(String model) {
        return Embedder.shared(model); // models load in one to two seconds: tests share one instance of each
    }

    /** Copies the named seed files (all when none is named) into {@code folder}/docs. */
    public static Path copySeeds(Path folder, String... prefixes) {
        Path docs = folder.resolve("docs");
        try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
            Files.createDirectories(docs);
            for (Path seed : seeds.sorted().toList()) {
                String name = seed.getFileName().toString();
                if (prefixes.length == 0 || Stream.of(prefixes).anyMatch(name::startsWith)) {
                    Files.copy(seed, docs.resolve(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** A synced workspace over copies of the seeds. */
    public static Workspace open(Path folder, String model, String... prefixes) {
        Path docs = copySeeds(folder, prefixes);
        Workspace workspace = new Workspace(docs, folder.resolve("data"),
                settings(docs, folder.resolve("data"), "hybrid", model), embedder(model));
        workspace.sync(p -> {
        });
        return workspace;
    }
}
