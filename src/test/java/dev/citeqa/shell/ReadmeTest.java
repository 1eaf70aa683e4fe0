package dev.citeqa.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

import dev.citeqa.config.CiteqaProperties;

/**
 * Keeps the README true: every command line it shows is accepted by the launcher and the shell's parser (parsed,
 * not run), every {@code --option} it names belongs to a command or the launcher, and every link into the
 * repository resolves. The README is read when the test runs, so what others add to it is checked too.
 */
class ReadmeTest extends ShellSessionTest {

    private static final Path README = Path.of("README.md");
    /** Words the session loop reads itself rather than as commands (ShellSession.run). */
    private static final Set<String> SESSION_WORDS = Set.of("exit", "quit");
    private static final Pattern CODE_BLOCK = Pattern.compile("(?ms)^```[a-z]*\\n(.*?)^```");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*)");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Autowired
    CommandRegistry registry;

    private static String readme() throws IOException {
        return Files.readString(README);
    }

    /** Every {@code ./chat ...} invocation in the README's code blocks and code spans, as its arguments. */
    static List<List<String>> chatInvocations(String markdown) {
        List<String> lines = new ArrayList<>();
        Matcher block = CODE_BLOCK.matcher(markdown);
        while (block.find()) {
            lines.addAll(block.group(1).lines().toList());
        }
        Matcher span = CODE_SPAN.matcher(CODE_BLOCK.matcher(markdown).replaceAll(""));
        while (span.find()) {
            lines.add(span.group(1));
        }
        List<List<String>> invocations = new ArrayList<>();
        for (String line : lines) {
            List<String> words = shellWords(line);
            int chat = words.indexOf("./chat");
            if (chat < 0) {
                continue;
            }
            // ./chat starts the command, or its pipeline segment, after environment assignments only
            int start = words.subList(0, chat).lastIndexOf("|") + 1;
            if (!words.subList(start, chat).stream().allMatch(w -> w.matches("[A-Z_][A-Z0-9_]*=.*"))) {
                continue;
            }
            List<String> args = new ArrayList<>();
            for (String word : words.subList(chat + 1, words.size())) {
                if (word.equals("#") || word.equals("|") || word.equals("&&") || word.equals(";")) {
                    break;
                }
                args.add(word);
            }
            invocations.add(args);
        }
        return invocations;
    }

    /** Splits a command line as a POSIX shell does for these examples: quotes group, {@code #} starts a comment. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                words.add("#");
                break;
            } else if (c == '|' && !inWord) {
                words.add("|");
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void everyChatCommandLineInTheReadmeIsAcceptedByTheLauncherAndTheShell() throws IOException {
        List<List<String>> invocations = chatInvocations(readme());
        assertThat(invocations).as("./chat command lines found in README.md").hasSizeGreaterThanOrEqualTo(5);
        LineParser parser = new LineParser(registry);
        List<String> refused = new ArrayList<>();
        for (List<String> args : invocations) {
            try {
                Launch launch = Launch.parse(args);
                launch.springArguments().stream().filter(a -> a.startsWith("--citeqa."))
                        .map(a -> a.substring(2, a.contains("=") ? a.indexOf('=') : a.length()))
                        .filter(setting -> !isSetting(setting))
                        .forEach(setting -> refused.add(args + ": no setting " + setting));
                if (launch.command().isEmpty()) {
                    continue;
                }
                ParsedInput parsed = parser.parseArguments(launch.command());
                String name = commandName(parsed);
                if (registry.getCommandByName(name) == null) {
                    refused.add(args + ": no command '" + name + "'");
                } else if (!launch.command().getFirst().equals(parsed.commandName())) {
                    refused.add(args + ": '" + launch.command().getFirst() + "' was read as a question");
                }
            } catch (RuntimeException e) {
                refused.add(args + ": " + e.getMessage());
            }
        }
        assertThat(refused).as("command lines of README.md the launcher or the shell refuses").isEmpty();
    }

    @Test
    void everyCommandOfTheReadmesTableExistsWithTheOptionsItsRowNames() throws IOException {
        List<String> rows = readme().lines().filter(l -> l.startsWith("| `")).toList();
        assertThat(rows).as("rows of the commands table").hasSizeGreaterThanOrEqualTo(5);
        List<String> wrong = new ArrayList<>();
        for (String row : rows) {
            String[] cells = row.split("(?<!\\\\)\\|");
            Matcher spans = CODE_SPAN.matcher(cells[1]);
            while (spans.find()) {
                List<String> words = List.of(spans.group(1).strip().split("\\s+"));
                String first = words.getFirst();
                if (SESSION_WORDS.contains(first)) {
                    continue;
                }
                String name = words.size() > 1 && registry.getCommandByName(first + " " + words.get(1)) != null
                        ? first + " " + words.get(1) : first;
                Command command = registry.getCommandByName(name);
                if (command == null) {
                    wrong.add("no command '" + name + "' (row: " + row + ")");
                    continue;
                }
                Matcher options = OPTION.matcher(cells.length > 2 ? cells[2] : "");
                while (options.find()) {
                    if (!hasOption(command, options.group(1))) {
                        wrong.add(name + " has no option --" + options.group(1));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyOptionTheReadmeNamesBelongsToACommandOrTheLauncher() throws IOException {
        Set<String> options = new LinkedHashSet<>();
        Matcher m = OPTION.matcher(readme());
        while (m.find()) {
            options.add(m.group(1));
        }
        assertThat(options).as("--options named in README.md").isNotEmpty();
        List<String> unknown = options.stream()
                .filter(o -> !Launch.SHORT_SETTINGS.containsKey("--" + o))
                .filter(o -> !(o.startsWith("citeqa.") && isSetting(o)))
                .filter(o -> !o.startsWith("spring.") && !o.startsWith("logging."))
                .filter(o -> !o.equals("help"))
                .filter(o -> registry.getCommands().stream().noneMatch(c -> hasOption(c, o)))
                .map(o -> "--" + o).toList();
        assertThat(unknown).as("options no command and no launcher setting accepts").isEmpty();
    }

    @Test
    void everyLinkIntoTheRepositoryResolves() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path page : pages) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1).replaceFirst("#.*$", "");
                if (target.isEmpty() || target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
                    continue; // an anchor in the page, or a URL
                }
                links++;
                Path resolved = page.resolveSibling(target).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(page + " -> " + m.group(1));
                }
            }
        }
        assertThat(links).as("links into the repository").isPositive();
        assertThat(broken).isEmpty();
    }

    @Test
    void theParsingRulesOfThisTestRefuseWhatTheShellRefuses() {
        // the checks above are only as good as this reading of a command line: it must see a wrong option
        assertThat(chatInvocations("```bash\nX=1 ./chat ask --colour red \"why?\"   # note\n```\n"))
                .containsExactly(List.of("ask", "--colour", "red", "why?"));
        LineParser parser = new LineParser(registry);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parser.parseArguments(
                Launch.parse(List.of("ask", "--colour", "red", "why?")).command()))
                .hasMessageStartingWith("Unknown option --colour for ask");
        assertThat(isSetting("citeqa.retrieval.top-k")).isTrue();
        assertThat(isSetting("citeqa.retrieval.topk")).isFalse();
    }

    private static String commandName(ParsedInput parsed) {
        return parsed.subCommands().isEmpty() ? parsed.commandName()
                : parsed.commandName() + " " + String.join(" ", parsed.subCommands());
    }

    private static boolean hasOption(Command command, String option) {
        return command.getOptions().stream().map(CommandOption::longName).anyMatch(option::equals);
    }

    /** Whether a dotted, kebab-case name such as citeqa.retrieval.top-k is a component of the settings records. */
    static boolean isSetting(String name) {
        String[] parts = name.split("\\.");
        if (!parts[0].equals("citeqa")) {
            return false;
        }
        Class<?> type = CiteqaProperties.class;
        for (int i = 1; i < parts.length; i++) {
            if (!type.isRecord()) {
                return false;
            }
            String wanted = parts[i];
            RecordComponent found = Stream.of(type.getRecordComponents())
                    .filter(c -> c.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT).equals(wanted))
                    .findFirst().orElse(null);
            if (found == null) {
                return false;
            }
            type = found.getType();
        }
        return !type.isRecord();
    }
}
