package dev.citeqa.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** A benchmark run's table of scores per mode, and its files: a TREC run per mode, retrieval.json and .md. */
public final class RetrievalReport {

    private RetrievalReport() {
    }

    public static String table(RetrievalEvaluation.Outcome outcome) {
        StringBuilder table = new StringBuilder(String.format("%-10s %8s %11s %8s %8s%n", "mode", "nDCG@10",
                "Recall@100", "MRR@10", "queries"));
        for (RetrievalEvaluation.ModeResult mode : outcome.modes()) {
            table.append(String.format(Locale.ROOT, "%-10s %8.4f %11.4f %8.4f %8d%n", mode.mode(), mode.ndcg10(),
                    mode.recall100(), mode.mrr10(), mode.perQuery().size()));
        }
        return table.toString();
    }

    /** Writes the files into {@code folder}; returns the run files, one per mode. */
    public static List<Path> write(Path folder, RetrievalEvaluation.Outcome outcome, Path corpus, Path queries,
                                   Path qrels) {
        List<Path> runs = new ArrayList<>();
        Map<String, Object> modes = new LinkedHashMap<>();
        for (RetrievalEvaluation.ModeResult mode : outcome.modes()) {
            Path run = folder.resolve("run." + mode.mode() + ".trec");
            ReportFiles.writeText(run, mode.run().text());
            runs.add(run);
            Map<String, Object> scores = new LinkedHashMap<>();
            scores.put("ndcg_at_10", mode.ndcg10());
            scores.put("recall_at_100", mode.recall100());
            scores.put("mrr_at_10", mode.mrr10());
            scores.put("run", run.getFileName().toString());
            modes.put(mode.mode(), scores);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("corpus", corpus.toString());
        json.put("queries", queries.toString());
        json.put("qrels", qrels.toString());
        json.put("documents", outcome.documents());
        json.put("passages", outcome.passages());
        json.put("judged_queries", outcome.judgedQueries());
        json.put("judged_queries_without_text", outcome.judgedWithoutText());
        json.put("modes", modes);
        try {
            ReportFiles.writeText(folder.resolve("retrieval.json"), new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
        ReportFiles.writeText(folder.resolve("retrieval.md"), "# citeqa retrieval: " + corpus + "\n\n"
                + outcome.documents() + " documents, " + outcome.judgedQueries() + " judged queries (every one counted,"
                + " trec_eval -c).\n\n```\n" + table(outcome) + "```\n");
        return runs;
    }
}
