package dev.citeqa.testing;

import java.nio.file.Path;

import dev.citeqa.SeedFolder;
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
                new CiteqaProperties.Answer("extractive", 3, 0.5));
    }

    public static Embedder embedder(String model) {
        return Embedder.shared(model); // models load in one to two seconds: tests share one instance of each
    }

    /** A synced workspace over copies of the seeds. */
    public static Workspace open(Path folder, String model, String... prefixes) {
        Path docs = SeedFolder.copyTo(folder.resolve("docs"), prefixes);
        Workspace workspace = new Workspace(docs, folder.resolve("data"),
                settings(docs, folder.resolve("data"), "hybrid", model), embedder(model));
        workspace.sync(p -> {
        });
        return workspace;
    }
}
