package dev.citeqa.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.citeqa.config.Problem;

/**
 * A gold file read and checked: one JSON object a line, in the format of {@code eval/gold.jsonl}. Every fault is
 * reported with its line number, all at once, before any question is asked.
 */
public record GoldSet(Path path, List<GoldQuestion> questions) {

    static final Set<String> FIELDS = Set.of("id", "question", "history", "answerable", "answer", "facts", "sources");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REPORTED = 20;

    public GoldSet {
        questions = List.copyOf(questions);
    }

    public long answerable() {
        return questions.stream().filter(GoldQuestion::answerable).count();
    }

    /**
     * Reads and checks a gold file; {@code docs} is the documents folder its sources must exist in.
     *
     * @throws Problem listing every faulty line
     */
    public static GoldSet read(Path gold, Path docs) {
        List<String> lines;
        try {
            lines = Files.readAllLines(gold, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Problem("The gold file " + gold + " does not exist: pass --gold <file.jsonl>.");
        } catch (IOException e) {
            throw new Problem("Cannot read the gold file " + gold + " (" + e.getMessage() + ").", e);
        }
        List<String> errors = new ArrayList<>();
        List<GoldQuestion> questions = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            int line = i + 1;
            List<String> faults = new ArrayList<>();
            GoldQuestion question = parse(text, line, docs, faults);
            if (question != null) {
                Integer earlier = seen.putIfAbsent(question.id(), line);
                if (earlier != null) {
                    faults.add("id \"" + question.id() + "\" is already used on line " + earlier);
                }
            }
            faults.forEach(f -> errors.add(gold + " line " + line + ": " + f));
            if (faults.isEmpty()) {
                questions.add(question);
            }
        }
        if (errors.isEmpty() && questions.isEmpty()) {
            errors.add(gold + " holds no questions: write one JSON object a line.");
        }
        if (!errors.isEmpty()) {
            List<String> shown = errors.subList(0, Math.min(errors.size(), MAX_REPORTED));
            String more = errors.size() > MAX_REPORTED ? "\n(" + (errors.size() - MAX_REPORTED) + " more)" : "";
            throw new Problem("The gold file has " + errors.size() + (errors.size() == 1 ? " fault" : " faults")
                    + "; nothing was run:\n" + String.join("\n", shown) + more);
        }
        return new GoldSet(gold, questions);
    }

    private static GoldQuestion parse(String text, int line, Path docs, List<String> faults) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            faults.add("not valid JSON (" + e.getOriginalMessage() + ")");
            return null;
        }
        if (node == null || !node.isObject()) {
            faults.add("not a JSON object");
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                faults.add("unknown field \"" + name + "\" (fields: id, question, history, answerable, answer, facts, "
                        + "sources)");
            }
        });
        String id = text(node, "id", faults);
        String question = text(node, "question", faults);
        String answer = text(node, "answer", faults);
        Boolean answerable = null;
        if (!node.has("answerable")) {
            faults.add("missing \"answerable\" (true or false)");
        } else if (!node.get("answerable").isBoolean()) {
            faults.add("\"answerable\" must be true or false");
        } else {
            answerable = node.get("answerable").booleanValue();
        }
        List<String> history = node.has("history") ? strings(node.get("history"), "history", faults) : List.of();
        List<List<String>> facts = facts(node, faults);
        List<String> sources = node.has("sources") ? strings(node.get("sources"), "sources", faults) : null;
        if (sources == null && !node.has("sources")) {
            faults.add("missing \"sources\" (a list of file names, empty for unanswerable questions)");
        }
        if (answerable != null && facts != null && sources != null) {
            if (answerable && facts.isEmpty()) {
                faults.add("an answerable question needs at least one group in \"facts\", e.g. [[\"Tehran\"]]");
            }
            if (answerable && sources.isEmpty()) {
                faults.add("an answerable question needs at least one file in \"sources\"");
            }
            if (!answerable && (!facts.isEmpty() || !sources.isEmpty())) {
                faults.add("an unanswerable question has empty \"facts\" and \"sources\"");
            }
        }
        if (sources != null && docs != null) {
            for (String source : sources) {
                if (!Files.isRegularFile(docs.resolve(source))) {
                    faults.add("source \"" + source + "\" is not a file in " + docs);
                }
            }
        }
        if (!faults.isEmpty()) {
            return null;
        }
        return new GoldQuestion(id, question, history, answerable, answer, facts, sources, line);
    }

    private static String text(JsonNode node, String field, List<String> faults) {
        JsonNode value = node.get(field);
        if (value == null) {
            faults.add("missing \"" + field + "\"");
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            faults.add("\"" + field + "\" must be a non-empty string");
            return null;
        }
        return value.textValue();
    }

    private static List<String> strings(JsonNode value, String field, List<String> faults) {
        if (!value.isArray()) {
            faults.add("\"" + field + "\" must be a list of strings");
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.textValue().isBlank()) {
                faults.add("\"" + field + "\" must hold only non-empty strings");
                return null;
            }
            strings.add(item.textValue());
        }
        return strings;
    }

    private static List<List<String>> facts(JsonNode node, List<String> faults) {
        JsonNode value = node.get("facts");
        if (value == null) {
            faults.add("missing \"facts\" (a list of groups of alternatives, e.g. [[\"Tehran\"], [\"2014\", \"Dec 2014\"]])");
            return null;
        }
        String shape = "\"facts\" must be a list of non-empty lists of strings, e.g. [[\"Tehran\"], [\"1,500\", \"1500\"]]";
        if (!value.isArray()) {
            faults.add(shape);
            return null;
        }
        List<List<String>> groups = new ArrayList<>();
        for (JsonNode group : value) {
            List<String> alternatives = group.isArray() && !group.isEmpty() ? strings(group, "facts", new ArrayList<>())
                    : null;
            if (alternatives == null) {
                faults.add(shape);
                return null;
            }
            groups.add(alternatives);
        }
        return groups;
    }
}
