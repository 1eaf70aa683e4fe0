package dev.citeqa.chat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;
import dev.citeqa.index.Embedder;
import dev.citeqa.ingest.Hashes;

/**
 * The open workspace, switched when a command names another documents or data folder. Each documents folder gets
 * its own index by default, under ~/.citeqa/indexes, so several document sets live side by side.
 */
@Component
public class Workspaces implements AutoCloseable {

    private final CiteqaProperties settings;
    /** One model for every workspace of the session: loaded once, whichever folder is opened. */
    private final Embedder embedder;
    private Workspace current;

    /** With the process's instance of the configured model, for code that runs without Spring. */
    public Workspaces(CiteqaProperties settings) {
        this(settings, Embedder.shared(settings.retrieval().embeddingModel()));
    }

    @Autowired
    public Workspaces(CiteqaProperties settings, Embedder embedder) {
        this.settings = settings;
        this.embedder = embedder;
    }

    /** Starts loading the embedding model in the background, so the first question does not wait for it. */
    public void warmUp() {
        embedder.warmUp();
    }

    /** The workspace for these folders (null means the configured one), opening it if needed. */
    public synchronized Workspace open(String docs, String data) {
        Path docsPath = docsFolder(settings, docs);
        Path dataPath = dataFolder(settings, docs, data);
        if (current != null && current.docs().equals(docsPath) && current.data().equals(dataPath)) {
            return current;
        }
        requireFolder(docsPath); // before the index is opened: a mistyped folder leaves no empty index behind
        Workspace opened = new Workspace(docsPath, dataPath, settings, embedder);
        if (current != null) {
            current.close();
        }
        current = opened;
        return current;
    }

    /** The documents folder questions search when they name none: the session's. */
    public Path sessionDocs() {
        return docsFolder(settings, null);
    }

    public synchronized Workspace current() {
        return current != null ? current : open(null, null);
    }

    /** The documents folder a command works on: the one it names, else the configured one. */
    static Path docsFolder(CiteqaProperties settings, String docs) {
        return absolute(docs != null && !docs.isBlank() ? Path.of(docs) : settings.docs());
    }

    /** The data folder of a command's documents: the one it names, the configured one, or one of their own. */
    static Path dataFolder(CiteqaProperties settings, String docs, String data) {
        return data != null && !data.isBlank() ? absolute(Path.of(data))
                : settings.data() != null && (docs == null || docs.isBlank()) ? absolute(settings.data())
                : defaultData(docsFolder(settings, docs));
    }

    /** Stops with one line when the documents folder is missing or is a file. */
    public static void requireFolder(Path docs) {
        if (!Files.isDirectory(docs)) {
            throw new Problem("The documents folder " + docs.toAbsolutePath().normalize()
                    + " does not exist or is not a folder: create it or pass --docs <folder>.");
        }
    }

    public static Path defaultData(Path docs) {
        String name = docs.getFileName() == null ? "root" : docs.getFileName().toString();
        return Path.of(System.getProperty("user.home"), ".citeqa", "indexes",
                name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + Hashes.shortHash(docs.toString()));
    }

    /**
     * The log file of a data folder, under ~/.citeqa/logs: outside the folder, so a run that stops at a missing
     * documents folder leaves no data folder behind.
     */
    public static Path logFile(Path data) {
        Path logs = Path.of(System.getProperty("user.home"), ".citeqa", "logs");
        String name = data.getFileName() == null ? "root" : data.getFileName().toString();
        // a default data folder's name already carries the hash of its documents folder's path
        boolean named = data.getParent() != null && data.getParent().equals(logs.resolveSibling("indexes"));
        return logs.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_")
                + (named ? "" : "-" + Hashes.shortHash(data.toString())) + ".log");
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
