package dev.citeqa.shell;

import java.io.PrintWriter;
import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import dev.citeqa.chat.AskService;
import dev.citeqa.chat.Turn;

/** The conversation itself: what was asked so far, and starting over. */
@Component
public class ConversationCommands {

    private final AskService asking;

    public ConversationCommands(AskService asking) {
        this.asking = asking;
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
