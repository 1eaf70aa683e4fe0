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
import dev.citeqa.index.StoredFile;

/** Indexing a documents folder and listing what is indexed. */
@Component
public class IndexCommands {

    private final Workspaces workspaces;
    private final InterruptKey interruptKey;

    public IndexCommands(Workspaces workspaces, InterruptKey interruptKey) {
        this.workspaces = workspaces;
        this.interruptKey = interruptKey;
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
        Progress.summary(workspace.sync(interruptKey.stopping(Progress.to(out))), out);
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
    }
}
