package dev.citeqa.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.citeqa.config.Problem;

/**
 * report.json: the top-level names {@code gold, provider, model, questions, metrics, results} and the metric and
 * result names are fixed, so scripts can read them. Results carry a few more fields after the fixed ones.
 */
public final class ReportJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static String write(EvalReport report) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("gold", report.gold());
        top.put("provider", report.provider());
        top.put("model", report.model());
        top.put("questions", report.questions());
        top.put("metrics", report.metrics().byName());
        List<Map<String, Object>> results = new ArrayList<>();
        for (QuestionResult r : report.results()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("question", r.question());
            m.put("answer", r.answer());
            m.put("abstained", r.abstained());
            m.put("correct", r.correct());
            List<Map<String, Object>> citations = new ArrayList<>();
            for (QuestionResult.Cited c : r.citations()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("n", c.n());
                cm.put("file", c.file());
                cm.put("passage_id", c.passageId());
                citations.add(cm);
            }
            m.put("citations", citations);
            m.put("latency_ms", r.latencyMs());
            m.put("answerable", r.answerable());
            m.put("outcome", r.outcome());
            m.put("missing_facts", r.missingFacts());
            m.put("sources", r.sources());
            m.put("citation_precision", r.citationPrecision());
            m.put("citation_recall", r.citationRecall());
            m.put("unsupported_citations", r.unsupported());
            m.put("retrieval_rank", r.retrievalRank());
            m.put("tokens_input", r.inputTokens());
            m.put("tokens_output", r.outputTokens());
            m.put("error", r.error());
            results.add(m);
        }
        top.put("results", results);
        try {
            return JSON.writeValueAsString(top) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings, numbers and lists always serialise", e);
        }
    }

    /** Reads a report.json, written by this or an earlier version: fields after the fixed ones may be missing. */
    public static EvalReport read(Path file) {
        JsonNode top;
        try {
            top = JSON.readTree(Files.readString(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Problem("The report " + file + " does not exist.");
        } catch (IOException e) {
            throw new Problem("The report " + file + " is not readable JSON (" + e.getMessage().lines().findFirst()
                    .orElse("") + ").", e);
        }
        for (String name : List.of("gold", "provider", "model", "questions", "metrics", "results")) {
            if (top == null || !top.has(name)) {
                throw new Problem("The report " + file + " has no \"" + name + "\": is it a report.json of eval?");
            }
        }
        JsonNode m = top.get("metrics");
        EvalMetrics metrics = new EvalMetrics(number(m, "answer_accuracy"), number(m, "abstention_accuracy"),
                number(m, "citation_precision"), number(m, "citation_recall"),
                (long) number(m, "unsupported_citations"), number(m, "retrieval_recall_at_5"), number(m, "mrr"),
                number(m, "latency_ms_p50"), number(m, "latency_ms_p95"), (long) number(m, "tokens_input"),
                (long) number(m, "tokens_output"), (long) number(m, "errors"));
        List<QuestionResult> results = new ArrayList<>();
        for (JsonNode r : top.get("results")) {
            List<QuestionResult.Cited> cited = new ArrayList<>();
            for (JsonNode c : r.path("citations")) {
                cited.add(new QuestionResult.Cited(c.path("n").asInt(), c.path("file").asText(),
                        c.path("passage_id").asText()));
            }
            List<List<String>> missing = new ArrayList<>();
            for (JsonNode group : r.path("missing_facts")) {
                missing.add(strings(group));
            }
            results.add(new QuestionResult(r.path("id").asText(), r.path("question").asText(),
                    r.path("answerable").asBoolean(true), r.path("answer").asText(), r.path("abstained").asBoolean(),
                    r.path("correct").asBoolean(), missing, cited, strings(r.path("sources")),
                    nullableNumber(r, "citation_precision"), nullableNumber(r, "citation_recall"),
                    r.path("unsupported_citations").asInt(), r.path("retrieval_rank").asInt(),
                    r.path("latency_ms").asLong(), r.path("tokens_input").asInt(), r.path("tokens_output").asInt(),
                    r.path("error").isTextual() ? r.get("error").textValue() : null));
        }
        return new EvalReport(top.get("gold").asText(), top.get("provider").asText(), top.get("model").asText(),
                top.get("questions").asInt(), metrics, results);
    }

    private static double number(JsonNode metrics, String name) {
        JsonNode value = metrics.get(name);
        return value != null && value.isNumber() ? value.doubleValue() : Double.NaN;
    }

    private static Double nullableNumber(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isNumber() ? value.doubleValue() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
