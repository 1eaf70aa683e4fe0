package dev.citeqa.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.citeqa.chat.Workspace;
import dev.citeqa.chat.Workspaces;
import dev.citeqa.index.EmbeddingProgress;
import dev.citeqa.index.Embedder;
import dev.citeqa.index.IndexSummary;
import dev.citeqa.index.StoredFile;

/** Indexing a documents folder and listing what is indexed. */
@Component
public class IndexCommands {

    private final Workspaces workspaces;
    private final boolean interactive;
    private final InterruptKey interruptKey;

    public IndexCommands(Workspaces workspaces, InterruptKey interruptKey,
                         org.springframework.beans.factory.ObjectProvider<Launch> launch) {
        this.workspaces = workspaces;
        this.interruptKey = interruptKey;
        Launch started = launch.getIfAvailable();
        this.interactive = started == null || started.interactive();
    }

    @Command(name = "index", description = "Index a documents folder, or bring its index up to date "
            + "(only changed files are read again)")
    public void index(CommandContext context,
                      @Argument(index = 0, description = "documents folder (default: the current one)") String folder,
                      @Option(longName = "docs", description = "documents folder") String docs,
                      @Option(longName = "data", description = "index folder for these documents") String data) {
        PrintWriter out = context.outputWriter();
        String target = folder != null && !folder.isBlank() ? folder : docs;
        Workspace workspace = workspaces.open(target, data);
        workspace.takeRecoveryNote().ifPresent(out::println);
        out.println("Documents: " + workspace.docs());
        out.println("Index:     " + workspace.indexLocation());
        IndexSummary summary;
        // progress of a single command goes to stderr, so that its stdout holds the summary alone
        try (Progress progress = Progress.lines(interactive ? out : Progress.stderr())) {
            summary = interruptKey.indexing(files -> workspace.sync(files, progress.embedding(),
                    interruptKey.signal()::stopped), progress.files());
        }
        Progress.summary(summary, out);
        if (interactive && !workspace.docs().equals(workspaces.sessionDocs())) {
            // indexing another folder does not move the session: say so, or its next questions seem to fail
            out.println("Questions still search " + workspaces.sessionDocs() + ". To ask about " + workspace.docs()
                    + ": ask --docs " + workspace.docs() + " <question>, or start ./chat --docs " + workspace.docs()
                    + ".");
        }
    }

    @Command(name = "status", description = "Say what is indexed and how far the embedding of passages is")
    public void status(CommandContext context,
                       @Option(longName = "docs", description = "documents folder") String docs,
                       @Option(longName = "data", description = "index folder for these documents") String data) {
        PrintWriter out = context.outputWriter();
        Workspace workspace = workspaces.open(docs, data);
        out.println("Documents: " + workspace.docs());
        out.println("Index:     " + workspace.indexLocation());
        out.println(workspace.files().size() + " documents, " + workspace.passageCount() + " passages.");
        out.println(vectors(workspace));
    }

    /** One line on the vectors: how many passages have theirs, and what questions are searched with meanwhile. */
    static String vectors(Workspace workspace) {
        int passages = workspace.passageCount();
        if (Embedder.NONE.equals(workspace.embeddingModel())) {
            return "Vectors: none (no embedding model is configured); questions are searched by BM25 alone.";
        }
        int waiting = workspace.vectorsWaiting();
        String head = String.format("Vectors (%s): %d of %d passages", workspace.embeddingModel(), passages - waiting,
                passages);
        if (waiting == 0) {
            return head + ": every passage has its vector.";
        }
        EmbeddingProgress running = workspace.backgroundEmbedding();
        if (running != null) {
            return head + " committed; embedding in the background (" + running.line().replaceFirst("^Embedding: ", "")
                    + "). Until then questions are searched by BM25 alone.";
        }
        return head + "; index embeds the rest. Until then questions are searched by BM25 alone.";
    }

    @Command(name = "docs", description = "List the indexed documents with their titles, dates and passage counts")
    public void docs(CommandContext context,
                     @Option(longName = "docs", description = "documents folder") String docs,
                     @Option(longName = "data", description = "index folder for these documents") String data) {
        PrintWriter out = context.outputWriter();
        Workspace workspace = workspaces.open(docs, data);
        List<StoredFile> files = new ArrayList<>(workspace.files().values());
        if (files.isEmpty()) {
            out.println("Nothing is indexed for " + workspace.docs() + " yet: run index, or just ask a question.");
            return;
        }
        files.sort((a, b) -> a.file().compareTo(b.file()));
        int passages = 0;
        for (StoredFile file : files) {
            out.printf("%-40s %4d passages  %-10s  %s%n", TerminalText.safe(file.file()), file.passages(),
                    file.date() == null ? "" : file.date(), AnswerView.snippet(file.title()));
            passages += file.passages();
        }
        out.printf("%d documents, %d passages, in %s%n", files.size(), passages, workspace.indexLocation());
        out.println(vectors(workspace));
    }
}
