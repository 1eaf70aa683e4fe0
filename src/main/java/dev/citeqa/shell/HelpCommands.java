package dev.citeqa.shell;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import dev.citeqa.config.Problem;

/** Lists the commands, or one command with its options; generated from the registered commands. */
@Component
public class HelpCommands {

    static final String EXIT = "exit";

    @Command(name = "help", description = "List the commands, or describe one: help <command>", group = "Shell")
    public void help(CommandContext context, @Argument(index = 0, description = "a command") String name) {
        PrintWriter out = context.outputWriter();
        List<org.springframework.shell.core.command.Command> commands = context.commandRegistry().getCommands()
                .stream().filter(c -> !c.isHidden())
                .sorted(Comparator.comparing(org.springframework.shell.core.command.Command::getName)).toList();
        if (name != null && !name.isBlank()) {
            var command = commands.stream().filter(c -> c.getName().equals(name.strip())).findFirst()
                    .orElseThrow(() -> new Problem("There is no command '" + name.strip() + "': type help to see them."));
            out.println(command.getName() + " - " + command.getDescription());
            List<CommandOption> options = command.getOptions();
            if (!options.isEmpty()) {
                out.println("options:");
                int width = options.stream().mapToInt(o -> o.longName().length()).max().orElse(0) + 2;
                for (CommandOption option : options) {
                    out.printf("  --%-" + width + "s %s%n", option.longName(), option.description());
                }
            }
            return;
        }
        out.println("Type a question and press Enter to ask it. Commands:");
        int width = Math.max(EXIT.length(), commands.stream().mapToInt(c -> c.getName().length()).max().orElse(0));
        for (var command : commands) {
            out.printf("  %-" + width + "s  %s%n", command.getName(), command.getDescription());
        }
        // read by the prompt itself rather than registered, so that it works even while a command cannot run
        out.printf("  %-" + width + "s  %s%n", EXIT, "Leave citeqa (also quit, or Ctrl-D)");
        out.println("ask, index, docs and status take --docs <folder> and --data <folder>; help <command> lists the options.");
    }
}
