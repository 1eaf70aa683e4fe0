package dev.citeqa.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.citeqa.ingest.Place;
import dev.citeqa.chat.AskService;
import dev.citeqa.chat.Turn;
import dev.citeqa.chat.Workspace;
import dev.citeqa.chat.Workspaces;
import dev.citeqa.config.Problem;

/** The conversation itself: what was asked so far, and starting over. */
@Component
public class ConversationCommands {

    private final AskService asking;
    private final Workspaces workspaces;

    public ConversationCommands(AskService asking, Workspaces workspaces) {
        this.asking = asking;
        this.workspaces = workspaces;
    }

    @Command(name = "save", description = "Write this conversation to a Markdown file: questions, answers, and "
            + "sources with their passages")
    public void save(CommandContext context,
                     @Argument(index = 0, description = "the file to write, e.g. notes.md") String file,
                     @Option(longName = "force", description = "replace the file if it exists") boolean force) {
        List<Turn> turns = asking.conversation().turns();
        if (turns.isEmpty()) {
            throw new Problem("Nothing to save yet: ask a question first.");
        }
        if (file == null || file.isBlank()) {
            throw new Problem("save needs a file name, for example: save conversation.md");
        }
        Path target = Path.of(file.strip()).toAbsolutePath().normalize();
        if (Files.exists(target) && !force) {
            throw new Problem(target + " exists: choose another name, or save " + file.strip() + " --force.");
        }
        Workspace workspace = workspaces.current();
        String markdown = ConversationMarkdown.of(turns, workspace.docs(), p -> workspace.placeOf(p).filter(place -> place.unit() == Place.Unit.LINE).map(Place::first));
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.writeString(target, markdown);
        } catch (IOException e) {
            throw new Problem("Cannot write " + target + " (" + e.getMessage() + ").", e);
        }
        context.outputWriter().println("Saved " + turns.size() + " question" + (turns.size() == 1 ? "" : "s")
                + " with their answers and sources to " + target);
    }

    @Command(name = "history", description = "List the questions of this conversation, each with what was searched "
            + "when it was a follow-up")
    public void history(CommandContext context) {
        PrintWriter out = context.outputWriter();
        List<Turn> turns = asking.conversation().turns();
        if (turns.isEmpty()) {
            out.println("No questions yet in this conversation.");
            return;
        }
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            out.printf("%d. %s%n", i + 1, TerminalText.safe(turn.question()));
            if (!turn.searched().equals(turn.question())) {
                out.printf("   searched: %s%n", TerminalText.safe(turn.searched()));
            }
            out.printf("   answer: %s%n", AnswerView.snippet(turn.answer().text()));
        }
    }

    @Command(name = "reset", description = "Start a new conversation: follow-up questions no longer refer to "
            + "earlier ones")
    public void reset(CommandContext context) {
        int turns = asking.conversation().turns().size();
        asking.conversation().reset();
        context.outputWriter().println("Started a new conversation (" + turns + " earlier question"
                + (turns == 1 ? "" : "s") + " forgotten).");
    }
}
