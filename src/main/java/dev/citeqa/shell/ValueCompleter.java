package dev.citeqa.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.ProviderKind;

/**
 * Tab at the prompt: command names first, then the values a command takes: provider names after {@code provider},
 * retrieval modes after {@code --retrieval}, folders after {@code index}, {@code --docs} and {@code --data}, and the
 * last answer's source numbers after {@code show}; a word starting with "--" gets the command's options.
 */
final class ValueCompleter implements Completer {

    private static final Set<String> FOLDER_OPTIONS = Set.of("--docs", "--data");

    private final CommandRegistry registry;
    private final IntSupplier sources;

    /** @param sources how many sources the last answer cites (for show) */
    ValueCompleter(CommandRegistry registry, IntSupplier sources) {
        this.registry = registry;
        this.sources = sources;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (String value : values(line.words(), line.wordIndex(), line.word().substring(0, line.wordCursor()))) {
            boolean folder = value.endsWith("/");
            // a folder is not complete: Tab again goes into it
            candidates.add(new Candidate(value, value, null, null, null, null, !folder));
        }
    }

    /** The completions of the word at {@code index}, which begins with {@code typed}. */
    List<String> values(List<String> words, int index, String typed) {
        if (index == 0) {
            List<String> names = new ArrayList<>(registry.getCommands().stream().filter(c -> !c.isHidden())
                    .map(Command::getName).filter(n -> !n.contains(" ")).distinct().toList());
            names.add(HelpCommands.EXIT);
            return matching(names.stream(), typed);
        }
        String command = words.getFirst();
        String previous = words.get(index - 1);
        if (previous.equals("--retrieval")) {
            return matching(CiteqaProperties.Retrieval.MODES.stream(), typed);
        }
        if (FOLDER_OPTIONS.contains(previous) || (command.equals("index") && index == 1 && !typed.startsWith("-"))) {
            return folders(typed);
        }
        if (typed.startsWith("-")) {
            Command found = registry.getCommandByName(command);
            return found == null ? List.of() : matching(found.getOptions().stream().map(CommandOption::longName)
                    .map(o -> "--" + o), typed);
        }
        if (command.equals("provider") && index == 1) {
            return matching(ProviderKind.ids().stream(), typed);
        }
        if (command.equals("show") && index == 1) {
            return matching(IntStream.rangeClosed(1, sources.getAsInt()).mapToObj(String::valueOf), typed);
        }
        return List.of();
    }

    private static List<String> matching(Stream<String> values, String typed) {
        return values.filter(v -> v.startsWith(typed)).sorted().toList();
    }

    /** Folders under the typed path's folder whose names begin with what follows its last '/'. */
    static List<String> folders(String typed) {
        int slash = typed.lastIndexOf('/');
        String parent = slash < 0 ? "" : typed.substring(0, slash + 1);
        String prefix = typed.substring(slash + 1);
        Path dir = Path.of(parent.isEmpty() ? "." : parent.replaceFirst("^~/", System.getProperty("user.home") + "/"));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && (prefix.startsWith(".") || !n.startsWith(".")))
                    .sorted().map(n -> parent + n + "/").toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
