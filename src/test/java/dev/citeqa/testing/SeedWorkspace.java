package dev.citeqa.testing;

import java.nio.file.Path;
import java.util.Map;

import dev.citeqa.SeedFolder;
import dev.citeqa.chat.Workspace;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.TestSettings;
import dev.citeqa.index.Embedder;

/** The real seed articles copied into a temporary folder, indexed with real Lucene and a real in-jar model. */
public final class SeedWorkspace {

    private SeedWorkspace() {
    }

    /** The product's settings over these folders, with this retrieval mode and embedding model. */
    public static CiteqaProperties settings(Path docs, Path data, String mode, String model) {
        return TestSettings.product(Map.of("citeqa.docs", docs.toString(), "citeqa.data", data.toString(),
                "citeqa.retrieval.mode", mode, "citeqa.retrieval.embedding-model", model));
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
