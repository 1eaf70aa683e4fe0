package dev.citeqa.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.citeqa.config.Problem;

/**
 * A SQuAD 2.0 file read and checked ({@code {"data": [{"title", "paragraphs": [{"context", "qas": [...]}]}]}}).
 * A fault stops with one line naming the file and where in it (article, paragraph, question id; the line for JSON
 * that does not parse).
 */
public record SquadFile(Path path, List<Article> articles) {

    /** An article: a title and its paragraphs in the file's order. */
    public record Article(String title, List<Paragraph> paragraphs) {
        public Article {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** A paragraph and the questions asked about it. */
    public record Paragraph(String context, List<Question> questions) {
        public Paragraph {
            questions = List.copyOf(questions);
        }
    }

    /**
     * A question. {@code answers} are the answer texts as the annotators marked them, in order, each a span of the
     * paragraph starting at the same place in {@code starts}; {@code plausibleAnswers} are the spans an unanswerable
     * question was written to tempt towards.
     */
    public record Question(String id, String text, boolean answerable, List<String> answers, List<Integer> starts,
                           List<String> plausibleAnswers) {
        public Question {
            answers = List.copyOf(answers);
            starts = List.copyOf(starts);
            plausibleAnswers = List.copyOf(plausibleAnswers);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public SquadFile {
        articles = List.copyOf(articles);
    }

    /** The article with this title. */
    public Article article(String title) {
        return articles.stream().filter(a -> a.title().equals(title)).findFirst().orElseThrow(() -> new Problem(
                "No article \"" + title + "\" in " + path + "; its articles: "
                        + String.join(", ", articles.stream().map(Article::title).toList()) + "."));
    }

    /** Reads a SQuAD 2.0 file (1.1 files read too: a question without {@code is_impossible} is answerable). */
    public static SquadFile read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new Problem(file + (at == null ? "" : " line " + at.getLineNr()) + ": not valid JSON ("
                    + e.getOriginalMessage() + ").");
        } catch (IOException e) {
            throw new Problem(Files.exists(file) ? "Cannot read the SQuAD file " + file + " (" + e.getMessage() + ")."
                    : "The SQuAD file " + file + " does not exist: pass --squad <train-v2.0.json>.", e);
        }
        if (root == null || !root.path("data").isArray()) {
            throw new Problem(file + ": not a SQuAD file (no \"data\" list of articles).");
        }
        List<Article> articles = new ArrayList<>();
        for (JsonNode article : root.get("data")) {
            String title = text(article, "title", file + " article " + (articles.size() + 1));
            String where = file + " article \"" + title + "\"";
            List<Paragraph> paragraphs = new ArrayList<>();
            for (JsonNode paragraph : array(article, "paragraphs", where)) {
                String place = where + " paragraph " + paragraphs.size();
                String context = text(paragraph, "context", place);
                List<Question> questions = new ArrayList<>();
                for (JsonNode qa : array(paragraph, "qas", place)) {
                    questions.add(question(qa, context, place));
                }
                paragraphs.add(new Paragraph(context, questions));
            }
            articles.add(new Article(title, paragraphs));
        }
        return new SquadFile(file, articles);
    }

    private static Question question(JsonNode qa, String context, String place) {
        String id = text(qa, "id", place + " question");
        String where = place + " question " + id;
        String question = text(qa, "question", where);
        boolean answerable = !qa.path("is_impossible").asBoolean(false);
        List<String> answers = spans(qa, "answers", context, where);
        List<Integer> starts = new ArrayList<>();
        for (JsonNode answer : qa.path("answers")) {
            starts.add(answer.path("answer_start").asInt());
        }
        List<String> plausible = qa.has("plausible_answers") ? spans(qa, "plausible_answers", context, where)
                : List.of();
        if (answerable && answers.isEmpty()) {
            throw new Problem(where + ": answerable, but \"answers\" is empty.");
        }
        if (!answerable && !answers.isEmpty()) {
            throw new Problem(where + ": is_impossible, but \"answers\" is not empty.");
        }
        return new Question(id, question, answerable, answers, starts, plausible);
    }

    /** The answer texts, each checked to be the span of the paragraph its {@code answer_start} points at. */
    private static List<String> spans(JsonNode qa, String field, String context, String where) {
        List<String> texts = new ArrayList<>();
        for (JsonNode answer : array(qa, field, where)) {
            String text = text(answer, "text", where + " " + field);
            int start = answer.path("answer_start").asInt(-1);
            if (start < 0 || start + text.length() > context.length()
                    || !context.regionMatches(start, text, 0, text.length())) {
                throw new Problem(where + ": the " + field + " text \"" + text + "\" is not at answer_start " + start
                        + " of its paragraph.");
            }
            texts.add(text);
        }
        return texts;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new Problem(where + ": \"" + field + "\" must be a non-empty string.");
        }
        return value.textValue();
    }

    private static JsonNode array(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new Problem(where + ": \"" + field + "\" must be a list.");
        }
        return value;
    }
}
