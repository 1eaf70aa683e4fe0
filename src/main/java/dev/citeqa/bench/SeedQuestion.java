package dev.citeqa.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.citeqa.config.Problem;

/**
 * A question about the seed documents and the files that answer it, read from a gold file in the team's JSONL
 * format (only {@code question}, {@code answerable} and {@code sources} are used here).
 */
public record SeedQuestion(String question, boolean answerable, List<String> sources) {

    /** The bench's own questions about the shipped seeds, used when no gold file is given. */
    static final String BUILT_IN = "/bench/seed-questions.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    public SeedQuestion {
        sources = List.copyOf(sources);
    }

    public static List<SeedQuestion> read(Path gold) {
        if (gold == null) {
            try (InputStream in = SeedQuestion.class.getResourceAsStream(BUILT_IN)) {
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return parse(Files.readString(gold), gold.toString());
        } catch (IOException e) {
            throw new Problem("Cannot read the gold file " + gold + " (" + e.getMessage() + "): pass --gold <file.jsonl>.", e);
        }
    }

    static List<SeedQuestion> parse(String text, String where) {
        List<SeedQuestion> questions = new ArrayList<>();
        int line = 0;
        for (String row : text.split("\n")) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(row);
                List<String> sources = new ArrayList<>();
                node.path("sources").forEach(s -> sources.add(s.asText()));
                questions.add(new SeedQuestion(node.path("question").asText(), node.path("answerable").asBoolean(true),
                        sources));
            } catch (IOException e) {
                throw new Problem(where + " line " + line + " is not a JSON object: " + e.getMessage());
            }
        }
        return questions;
    }
}
