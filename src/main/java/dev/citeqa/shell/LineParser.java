package dev.citeqa.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import java.util.Locale;

import org.jline.utils.Levenshtein;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

import dev.citeqa.chat.RuleBasedRewriter;
import dev.citeqa.config.Problem;

/**
 * Reads a typed line (or the program's arguments) into a command. A line that does not start with a command is a
 * question for {@code ask}, so people can just type. Quotes group words only where a word starts with one, so
 * "Iran's" stays a word; the question keeps its words as typed. Kept over JLine's DefaultParser, which reads the
 * same question text from every gold question but takes an option typed after "Iran's" into a quotation
 * (LineTokenizerTest measures both).
 */
public final class LineParser implements CommandParser {

    static final String ASK = "ask";

    private final CommandRegistry registry;

    public LineParser(CommandRegistry registry) {
        this.registry = registry;
    }

    /** A word of the input: its value without quotes, and how it was written. */
    record Token(String value, String raw) {
    }

    @Override
    public ParsedInput parse(String input) {
        return parse(tokenize(input == null ? "" : input.strip()));
    }

    /** Parses the program's arguments, which the operating system has already split. */
    public ParsedInput parseArguments(List<String> arguments) {
        return parse(arguments.stream().map(a -> new Token(a, a)).toList());
    }

    private ParsedInput parse(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return ParsedInput.builder().commandName(ASK).build();
        }
        int words = commandWords(tokens);
        if (words == 0) {
            if (looksLikeCommand(tokens)) {
                // reported as an unknown command, never asked: asked, it would be joined to the last question
                return ParsedInput.builder().commandName(tokens.getFirst().value()).build();
            }
            return build(ASK, List.of(), registry.getCommandByName(ASK), tokens);
        }
        String name = tokens.getFirst().value();
        List<String> sub = tokens.subList(1, words).stream().map(Token::value).toList();
        Command command = registry.getCommandByName(String.join(" ", tokens.subList(0, words).stream()
                .map(Token::value).toList()));
        return build(name, sub, command, tokens.subList(words, tokens.size()));
    }

    private ParsedInput build(String name, List<String> sub, Command command, List<Token> rest) {
        if (rest.stream().anyMatch(t -> t.raw().equals("--help") || t.raw().equals("-h"))) {
            // "ask --help" is "help ask": Spring Shell's help lists the command's options
            return ParsedInput.builder().commandName("help")
                    .addArgument(new CommandArgument(0, commandLabel(name, sub))).build();
        }
        ParsedInput.Builder builder = ParsedInput.builder().commandName(name);
        sub.forEach(builder::addSubCommand);
        List<Token> positional = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            Token token = rest.get(i);
            String raw = token.raw();
            if (!raw.startsWith("--") || raw.length() < 3 || !Character.isLetter(raw.charAt(2))) {
                positional.add(token);
                continue;
            }
            String body = token.value().substring(2);
            String optionName = body.contains("=") ? body.substring(0, body.indexOf('=')) : body;
            CommandOption declared = command == null ? null : command.getOptions().stream()
                    .filter(o -> optionName.equals(o.longName())).findFirst().orElse(null);
            if (declared == null) {
                throw new Problem("Unknown option --" + optionName + " for " + commandLabel(name, sub)
                        + ": type " + commandLabel(name, sub) + " --help to see its options.");
            }
            String value;
            if (body.contains("=")) {
                value = body.substring(body.indexOf('=') + 1);
            } else if (declared.type() == boolean.class || declared.type() == Boolean.class) {
                value = "true";
            } else if (i + 1 < rest.size()) {
                value = rest.get(++i).value();
            } else {
                throw new Problem("Option --" + optionName + " of " + commandLabel(name, sub) + " needs a value.");
            }
            builder.addOption(CommandOption.with().longName(optionName).value(value).build());
        }
        if (ASK.equals(name) && sub.isEmpty()) {
            String question = positional.size() == 1 ? positional.getFirst().value()
                    : String.join(" ", positional.stream().map(Token::raw).toList());
            builder.addArgument(new CommandArgument(0, question));
        } else {
            for (int i = 0; i < positional.size(); i++) {
                builder.addArgument(new CommandArgument(i, positional.get(i).value()));
            }
        }
        return builder.build();
    }

    private static String commandLabel(String name, List<String> sub) {
        return sub.isEmpty() ? name : name + " " + String.join(" ", sub);
    }

    /** How many leading words name a registered command (0 when none does). */
    private int commandWords(List<Token> tokens) {
        int found = 0;
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < tokens.size() && i < 3; i++) {
            if (!tokens.get(i).raw().equals(tokens.get(i).value()) && i > 0) {
                break; // a quoted word is an argument, not a sub-command
            }
            if (i > 0) {
                name.append(' ');
            }
            name.append(tokens.get(i).value());
            if (registry.getCommandByName(name.toString()) != null) {
                found = i + 1;
            }
        }
        return found;
    }

    /**
     * A line that is not a question but a mistyped or unknown command, read from its shape: one bare word with no
     * question mark ("frobnicate", "histroy"), or a word a typing error or two from a command's name followed by
     * an argument or two ("shwo 1"). Words that open questions ("why", "how", "and") never count, so "why" and
     * "and Iraq?" stay questions.
     */
    boolean looksLikeCommand(List<Token> tokens) {
        Token first = tokens.getFirst();
        String last = tokens.getLast().raw();
        if (last.endsWith("?") || RuleBasedRewriter.opensAQuestion(first.value())) {
            return false;
        }
        if (tokens.size() == 1) {
            return first.raw().matches("[/:]?[\\p{L}\\p{N}_-]+");
        }
        return tokens.size() <= 3 && first.raw().equals(first.value()) && !nearCommands(first.value()).isEmpty();
    }

    /** Commands whose names are one or two typing errors away from the word, nearest first. */
    List<String> nearCommands(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replaceFirst("^[/:]", "");
        return registry.getCommands().stream().filter(c -> !c.isHidden()).map(Command::getName)
                .filter(n -> !n.contains(" ")).distinct()
                .filter(n -> n.length() >= 3 && Levenshtein.distance(lower, n) <= (n.length() >= 4 ? 2 : 1))
                .sorted(Comparator.comparingInt((String n) -> Levenshtein.distance(lower, n)).thenComparing(n -> n))
                .toList();
    }

    /** The one line for a command that does not exist, with the near names when there are some. */
    String unknownCommand(String name) {
        List<String> near = nearCommands(name);
        return "Unknown command '" + name + "'. " + (near.isEmpty()
                ? "Type help to see the commands, or ask a question in plain words (one word asks with a ?)."
                : "Did you mean: " + String.join(", ", near) + "?");
    }


    /** Splits on white space; a word that starts with a quote runs to the matching quote. */
    static List<Token> tokenize(String line) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                int close = line.indexOf(c, i + 1);
                if (close > 0 && (close + 1 == n || Character.isWhitespace(line.charAt(close + 1)))) {
                    tokens.add(new Token(line.substring(i + 1, close), line.substring(i, close + 1)));
                    i = close + 1;
                    continue;
                }
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            String word = line.substring(start, i);
            tokens.add(new Token(word, word));
        }
        return tokens;
    }
}
