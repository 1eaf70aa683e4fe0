package dev.citeqa.shell;

import java.io.PrintWriter;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.citeqa.answer.Answerer;
import dev.citeqa.answer.Answerers;

/** Which model writes the answers: showing it, and switching without a restart. */
@Component
public class ProviderCommands {

    private final Answerers answerers;

    public ProviderCommands(Answerers answerers) {
        this.answerers = answerers;
    }

    @Command(name = "provider", description = "Show the active answer provider and the configured ones, or switch: "
            + "provider openai gpt-4.1-mini (the conversation is kept)")
    public void provider(CommandContext context,
                         @Argument(index = 0, description = "provider: extractive, openai, openai-compatible, ollama, "
                                 + "anthropic or gemini") String name,
                         @Argument(index = 1, description = "model (default: the configured one)") String model,
                         @Option(longName = "base-url", description = "the provider's base URL") String baseUrl) {
        PrintWriter out = context.outputWriter();
        if (name == null || name.isBlank()) {
            show(out);
            return;
        }
        Answerer now = answerers.use(name, model, baseUrl);
        out.println("Answers now come from " + describe(now) + ".");
    }

    private void show(PrintWriter out) {
        out.println("Active: " + describe(answerers.active()));
        out.println();
        out.println("Configured:");
        for (Answerers.Status s : answerers.statuses()) {
            String state;
            if (s.provider().equals("extractive")) {
                state = "offline, needs no key";
            } else if (s.problem() != null) {
                state = "not ready: " + s.problem();
            } else if (s.keyVariable() == null) {
                state = s.baseUrl() + ", needs no key";
            } else {
                state = s.baseUrl() + ", " + s.keyVariable() + (s.keySet() ? " is set" : " not set (optional)");
            }
            out.printf("%s %-18s %-28s %s%n", s.active() ? "*" : " ", s.provider(), s.model(),
                    TerminalText.safe(state));
        }
        out.println();
        out.println("Switch with: provider <name> [model] [--base-url URL]; keys are read from the environment only.");
    }

    static String describe(Answerer answerer) {
        return answerer.provider().map(p -> TerminalText.safe(p.describe()))
                .orElse(answerer.name() + " (offline: sentences picked from the passages, no model)");
    }
}
