package dev.citeqa.answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.citeqa.config.Problem;
import dev.citeqa.retrieve.RankedPassage;

/**
 * The prompt templates, plain text files loaded by name: {@code <name>.txt} from the configured folder when it has
 * one, else the copy packaged from the project's {@code prompts/} folder. Placeholders are {@code {{name}}}; values
 * are put in one pass, so a passage that contains "{{question}}" stays as written.
 */
public final class Prompts {

    public static final String SYSTEM = "system";
    public static final String ANSWER = "answer";
    public static final String REWRITE = "rewrite";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z]+)\\s*}}");
    private static final Map<String, Set<String>> REQUIRED = Map.of(
            SYSTEM, Set.of(),
            ANSWER, Set.of("passages", "question"),
            REWRITE, Set.of("history", "question"));
    private static final Pattern FENCE_TAG = Pattern.compile("(?i)<(/?\\s*passages?\\b)");

    private final Path folder;

    /** @param folder a folder whose files replace the packaged ones, or null */
    public Prompts(Path folder) {
        this.folder = folder;
    }

    /** The system prompt and the user message for an answer. */
    public record Messages(String system, String user) {
    }

    public Messages answer(AnswerRequest request) {
        Map<String, String> values = Map.of(
                "passages", passages(request.context()),
                "question", request.question(),
                "count", Integer.toString(request.context().size()));
        return new Messages(render(SYSTEM, values), render(ANSWER, values));
    }

    /** Fills a template's placeholders; a placeholder with no value is an error in the template file. */
    public String render(String name, Map<String, String> values) {
        String template = template(name);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new Problem("Prompt " + source(name) + " uses {{" + m.group(1) + "}}, which it cannot have; "
                        + "it may use: " + String.join(", ", new TreeSet<>(values.keySet())) + ".");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    /** The template text, checked for the placeholders it must have. */
    public String template(String name) {
        String text = read(name);
        Set<String> used = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            used.add(m.group(1));
        }
        for (String required : REQUIRED.getOrDefault(name, Set.of())) {
            if (!used.contains(required)) {
                throw new Problem("Prompt " + source(name) + " must contain {{" + required + "}}: restore it, or "
                        + "remove the file to use the packaged prompt.");
            }
        }
        return text;
    }

    /**
     * The passages numbered [1]..[n], each fenced in a passage tag. Tag-like text inside a passage is escaped, so a
     * document cannot close the fence and speak as the prompt.
     */
    static String passages(List<RankedPassage> context) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < context.size(); i++) {
            var p = context.get(i).passage();
            out.append("<passage n=\"").append(i + 1).append("\" file=\"").append(attribute(p.file()))
                    .append("\" title=\"").append(attribute(p.title())).append('"')
                    .append(p.date() == null ? "" : " date=\"" + p.date() + "\"").append(">\n")
                    .append('[').append(i + 1).append("] ").append(escape(p.text().strip())).append("\n</passage>\n");
        }
        return out.toString().strip();
    }

    private static String escape(String text) {
        return FENCE_TAG.matcher(text).replaceAll("&lt;$1");
    }

    private static String attribute(String value) {
        return value == null ? "" : escape(value).replace("\"", "'").replaceAll("\\s+", " ");
    }

    private String read(String name) {
        if (folder != null) {
            Path file = folder.resolve(name + ".txt");
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new Problem("Cannot read prompt " + file + ": " + e.getMessage());
                }
            }
        }
        try (InputStream in = Prompts.class.getResourceAsStream("/prompts/" + name + ".txt")) {
            if (in == null) {
                throw new Problem("No prompt named " + name + ": the jar lacks prompts/" + name + ".txt; rebuild it.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String source(String name) {
        Path file = folder == null ? null : folder.resolve(name + ".txt");
        return file != null && Files.isRegularFile(file) ? file.toString() : "prompts/" + name + ".txt";
    }
}
