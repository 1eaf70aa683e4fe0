package dev.citeqa.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.citeqa.chat.QuestionRewriter;
import dev.citeqa.chat.RuleBasedRewriter;
import dev.citeqa.chat.Turn;
import dev.citeqa.chat.Workspace;
import dev.citeqa.index.Embedder;
import dev.citeqa.testing.SeedWorkspace;

/**
 * The three retrieval modes on the gold questions about the seeds: recall@5 (a passage from a right file among
 * the first five) and MRR (of the first such passage, over the first ten). Writes target/retrieval-comparison.md
 * and fails if hybrid falls below BM25. Other models: -Dciteqa.bench.models=bge-small-en-v1.5,all-minilm-l6-v2
 */
class RetrievalComparisonTest {

    /**
     * A gold question, the questions asked before it (a follow-up is searched as the rewriter makes it), and the
     * seed files (names or number prefixes) that answer it.
     */
    record GoldQuestion(String question, List<String> history, Set<String> files) {

        /** The question as the conversation searches it: rewritten against the questions before it. */
        String searched(QuestionRewriter rewriter) {
            List<Turn> turns = new ArrayList<>();
            for (String earlier : history) {
                turns.add(new Turn(earlier, rewriter.standalone(earlier, turns), null, List.of(), 0, null));
            }
            return rewriter.standalone(question, turns);
        }

        boolean answeredBy(RankedPassage hit) {
            return files.stream().anyMatch(f -> hit.passage().file().startsWith(f)
                    || hit.alsoIn().stream().anyMatch(a -> a.startsWith(f)));
        }
    }

    /** What one mode scored. */
    record Score(double recallAt5, double mrr, int questions) {
    }

    private static final QuestionRewriter REWRITER = new RuleBasedRewriter();

    @TempDir
    Path folder;

    @Test
    void hybridRetrievalIsNoWorseThanBm25OnTheGoldQuestions() throws IOException {
        Map<String, List<GoldQuestion>> sets = new LinkedHashMap<>();
        sets.put("team gold (eval/gold.jsonl, answerable)", teamGold());
        sets.put("seed questions (retrieval/seed-questions.tsv)", gold());
        // the product's default model (application.yml) unless others are named
        List<String> models = List.of(System.getProperty("citeqa.bench.models", Embedder.BGE_SMALL).split(","));
        StringBuilder report = new StringBuilder("| questions | model | mode | recall@5 | MRR@10 |\n|---|---|---|---|---|\n");
        Map<String, Score> forDefault = new LinkedHashMap<>();
        for (String model : models) {
            try (Workspace workspace = SeedWorkspace.open(folder.resolve(model), model)) {
                for (Map.Entry<String, List<GoldQuestion>> set : sets.entrySet()) {
                    for (RetrievalMode mode : RetrievalMode.values()) {
                        Score score = score(workspace.retrieval(), mode, set.getValue(), REWRITER);
                        report.append(String.format("| %s (%d) | %s | %s | %.3f | %.3f |%n", set.getKey(),
                                score.questions(), model, mode.label(), score.recallAt5(), score.mrr()));
                        if (model.equals(models.getFirst())) {
                            forDefault.put(set.getKey() + "/" + mode.label(), score);
                        }
                    }
                }
                List<GoldQuestion> followUps = sets.values().stream().flatMap(List::stream)
                        .filter(q -> !q.history().isEmpty()).toList();
                if (!followUps.isEmpty()) {
                    QuestionRewriter asTyped = (question, history) -> question;
                    for (QuestionRewriter rewriter : List.of(asTyped, REWRITER)) {
                        Score score = score(workspace.retrieval(), RetrievalMode.HYBRID, followUps, rewriter);
                        report.append(String.format("| follow-ups (%d), %s | %s | hybrid | %.3f | %.3f |%n",
                                followUps.size(), rewriter == REWRITER ? "rewritten" : "searched as typed", model,
                                score.recallAt5(), score.mrr()));
                    }
                }
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "retrieval-comparison.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);

        for (String set : sets.keySet()) {
            Score bm25 = forDefault.get(set + "/bm25");
            Score hybrid = forDefault.get(set + "/hybrid");
            assertThat(hybrid.recallAt5()).as(set + ": hybrid recall@5 vs BM25").isGreaterThanOrEqualTo(bm25.recallAt5());
            assertThat(hybrid.mrr()).as(set + ": hybrid MRR vs BM25").isGreaterThanOrEqualTo(bm25.mrr());
        }
    }

    static Score score(PassageRetrieval retrieval, RetrievalMode mode, List<GoldQuestion> gold,
                       QuestionRewriter rewriter) {
        double hits = 0;
        double reciprocal = 0;
        for (GoldQuestion q : gold) {
            List<RankedPassage> ranked = retrieval.retrieve(q.searched(rewriter), mode, 10);
            if (Boolean.getBoolean("citeqa.bench.verbose")) {
                System.out.println(mode + " | " + q.searched(rewriter) + " | " + ranked.stream().limit(5)
                        .map(r -> r.passage().file().substring(0, 3) + "(" + r.bm25Rank() + "/" + r.vectorRank() + ")").toList());
            }
            for (int i = 0; i < ranked.size(); i++) {
                if (q.answeredBy(ranked.get(i))) {
                    reciprocal += 1.0 / (i + 1);
                    if (i < 5) {
                        hits++;
                    }
                    break;
                }
            }
        }
        return new Score(hits / gold.size(), reciprocal / gold.size(), gold.size());
    }

    static List<GoldQuestion> gold() throws IOException {
        List<GoldQuestion> gold = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/retrieval/seed-questions.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            gold.add(new GoldQuestion(parts[0], List.of(), Set.of(parts[1].split(","))));
        }
        return gold;
    }

    /** The team's gold set: its answerable questions, with the files it lists as their sources. */
    static List<GoldQuestion> teamGold() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<GoldQuestion> gold = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("eval/gold.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode q = json.readTree(line);
            if (!q.path("answerable").asBoolean() || q.path("sources").isEmpty()) {
                continue;
            }
            List<String> history = new ArrayList<>();
            q.path("history").forEach(h -> history.add(h.asText()));
            Set<String> files = new java.util.HashSet<>();
            q.path("sources").forEach(f -> files.add(f.asText()));
            gold.add(new GoldQuestion(q.path("question").asText(), history, files));
        }
        return gold;
    }
}
