package dev.citeqa.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.citeqa.config.Problem;

/**
 * Reads the BEIR format: {@code corpus.jsonl} ({@code _id, title, text}), {@code queries.jsonl} ({@code _id, text})
 * and {@code qrels.tsv} ({@code query-id corpus-id score}, tab-separated, with a header). Faults are reported with
 * their line numbers.
 */
public final class BeirFiles {

    /** A corpus document. */
    public record CorpusDoc(String id, String title, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private BeirFiles() {
    }

    /** Hands each corpus document to {@code sink} as it is read, so a large corpus is never held in memory. */
    public static int corpus(Path file, BiConsumer<Integer, CorpusDoc> sink) {
        List<String> faults = new ArrayList<>();
        int[] count = {0};
        java.util.Set<String> ids = new java.util.HashSet<>();
        jsonLines(file, faults, (line, node) -> {
            String id = id(node);
            String text = node.path("text").isTextual() ? node.get("text").textValue() : null;
            if (id == null || text == null) {
                faults.add(file + " line " + line + ": needs \"_id\" and \"text\"");
                return;
            }
            if (!ids.add(id)) {
                faults.add(file + " line " + line + ": _id \"" + id + "\" is used twice");
                return;
            }
            String title = node.path("title").isTextual() ? node.get("title").textValue() : "";
            sink.accept(count[0]++, new CorpusDoc(id, title, text));
        });
        fail(faults);
        if (count[0] == 0) {
            throw new Problem(file + " holds no documents.");
        }
        return count[0];
    }

    /** Query text by id, in file order. */
    public static Map<String, String> queries(Path file) {
        List<String> faults = new ArrayList<>();
        Map<String, String> queries = new LinkedHashMap<>();
        jsonLines(file, faults, (line, node) -> {
            String id = id(node);
            if (id == null || !node.path("text").isTextual()) {
                faults.add(file + " line " + line + ": needs \"_id\" and \"text\"");
                return;
            }
            if (queries.putIfAbsent(id, node.get("text").textValue()) != null) {
                faults.add(file + " line " + line + ": _id \"" + id + "\" is used twice");
            }
        });
        fail(faults);
        return queries;
    }

    /** Judgments by query id, then document id; queries in file order. */
    public static Map<String, Map<String, Integer>> qrels(Path file) {
        List<String> faults = new ArrayList<>();
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] columns = text.split("\t");
            if (columns.length != 3) {
                faults.add(file + " line " + (i + 1) + ": needs three tab-separated columns: query-id, corpus-id, score");
                continue;
            }
            int score;
            try {
                score = Integer.parseInt(columns[2].strip());
            } catch (NumberFormatException e) {
                if (i == 0) {
                    continue; // the header
                }
                faults.add(file + " line " + (i + 1) + ": the score \"" + columns[2] + "\" is not a whole number");
                continue;
            }
            Integer earlier = qrels.computeIfAbsent(columns[0].strip(), q -> new LinkedHashMap<>())
                    .put(columns[1].strip(), score);
            if (earlier != null) {
                faults.add(file + " line " + (i + 1) + ": " + columns[0] + " / " + columns[1] + " is judged twice");
            }
        }
        fail(faults);
        if (qrels.isEmpty()) {
            throw new Problem(file + " holds no judgments.");
        }
        return qrels;
    }

    private static String id(JsonNode node) {
        JsonNode id = node.get("_id");
        return id != null && (id.isTextual() || id.isNumber()) && !id.asText().isBlank() ? id.asText() : null;
    }

    private static void jsonLines(Path file, List<String> faults, BiConsumer<Integer, JsonNode> each) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    faults.add(file + " line " + line + ": not valid JSON (" + e.getOriginalMessage() + ")");
                    continue;
                }
                if (!node.isObject()) {
                    faults.add(file + " line " + line + ": not a JSON object");
                    continue;
                }
                each.accept(line, node);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Problem("The file " + file + " does not exist.");
        } catch (IOException e) {
            throw new Problem("Cannot read " + file + " (" + e.getMessage() + ").", e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Problem("The file " + file + " does not exist.");
        } catch (IOException e) {
            throw new Problem("Cannot read " + file + " (" + e.getMessage() + ").", e);
        }
    }

    private static void fail(List<String> faults) {
        if (!faults.isEmpty()) {
            throw new Problem("The benchmark files have " + faults.size() + " fault" + (faults.size() == 1 ? "" : "s")
                    + "; nothing was run:\n" + String.join("\n", faults.subList(0, Math.min(20, faults.size())))
                    + (faults.size() > 20 ? "\n(" + (faults.size() - 20) + " more)" : ""));
        }
    }
}
