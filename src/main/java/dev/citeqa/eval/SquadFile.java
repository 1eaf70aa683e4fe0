package dev.citeqa.eval;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.citeqa.config.Problem;

/**
 * A file in the official SQuAD 2.0 JSON layout ({"data": [{"title", "paragraphs": [{"context", "qas": [...]}]}]}),
 * read article by article so that a fault is reported with the line it is on.
 */
public final class SquadFile {

    /** An answer span: its text and where it starts in the paragraph. */
    public record Span(String text, int start) {
    }

    /** A question; an unanswerable one has no answers. */
    public record Question(String id, String question, boolean impossible, List<Span> answers) {
    }

    public record Paragraph(String context, List<Question> questions) {
    }

    public record Article(String title, List<Paragraph> paragraphs) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SquadFile() {
    }

    /**
     * The articles of the file.
     *
     * @throws Problem naming the file and line when it is missing, not JSON, or not in the SQuAD layout
     */
    public static List<Article> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new Problem("The training file " + file + " does not exist: give a SQuAD 2.0 JSON file, for example "
                    + "--squad ../shared/datasets/squad2-train-partial/train-v2.0.first10articles.json");
        }
        List<Article> articles = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file); JsonParser parser = JSON.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw fault(file, parser.currentLocation(), "the file does not start with a JSON object");
            }
            boolean data = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"data".equals(field)) {
                    parser.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw fault(file, parser.currentLocation(), "\"data\" is not a list of articles");
                }
                data = true;
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    JsonLocation at = parser.currentLocation();
                    JsonNode article = JSON.readTree(parser);
                    articles.add(article(file, at, article));
                }
            }
            if (!data) {
                throw fault(file, parser.currentLocation(), "no \"data\" list of articles");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new Problem("The training file " + file + " is not valid JSON at line "
                    + (at == null ? "?" : at.getLineNr()) + ": " + e.getOriginalMessage() + ".");
        } catch (IOException e) {
            throw new Problem("The training file " + file + " could not be read: " + e.getMessage() + ".");
        }
        return articles;
    }

    private static Article article(Path file, JsonLocation at, JsonNode node) {
        String title = node.path("title").asText(null);
        if (title == null || !node.path("paragraphs").isArray()) {
            throw fault(file, at, "an article without \"title\" or \"paragraphs\"");
        }
        List<Paragraph> paragraphs = new ArrayList<>();
        for (JsonNode p : node.path("paragraphs")) {
            String context = p.path("context").asText(null);
            if (context == null || !p.path("qas").isArray()) {
                throw fault(file, at, "a paragraph of \"" + title + "\" without \"context\" or \"qas\"");
            }
            List<Question> questions = new ArrayList<>();
            for (JsonNode qa : p.path("qas")) {
                String question = qa.path("question").asText(null);
                if (question == null || !qa.path("answers").isArray()) {
                    throw fault(file, at, "a question of \"" + title + "\" without \"question\" or \"answers\"");
                }
                List<Span> answers = new ArrayList<>();
                for (JsonNode a : qa.path("answers")) {
                    answers.add(new Span(a.path("text").asText(), a.path("answer_start").asInt(-1)));
                }
                questions.add(new Question(qa.path("id").asText(), question,
                        qa.path("is_impossible").asBoolean(answers.isEmpty()), List.copyOf(answers)));
            }
            paragraphs.add(new Paragraph(context, List.copyOf(questions)));
        }
        return new Article(title, List.copyOf(paragraphs));
    }

    private static Problem fault(Path file, JsonLocation at, String what) {
        return new Problem("The training file " + file + " is not in the SQuAD 2.0 layout at line "
                + (at == null ? "?" : at.getLineNr()) + ": " + what + ".");
    }
}
