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

import dev.citeqa.chat.Workspace;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.testing.SeedWorkspace;

/**
 * The three retrieval modes on the gold questions about the seeds: recall@5 (a passage from a right file among
 * the first five) and MRR (of the first such passage, over the first ten). Writes target/retrieval-comparison.md
 * and fails if hybrid falls below BM25. Other models: -Dciteqa.bench.models=bge-small-en-v1.5,all-minilm-l6-v2
 */
class RetrievalComparisonTest {

    /** A gold question and the seed files (by number prefix) that answer it. */
    record GoldQuestion(String question, Set<String> files) {
        boolean answeredBy(RankedPassage hit) {
            return files.stream().anyMatch(f -> hit.passage().file().startsWith(f)
                    || hit.alsoIn().stream().anyMatch(a -> a.startsWith(f)));
        }
    }

    /** What one mode scored. */
    record Score(double recallAt5, double mrr, int questions) {
    }

    @TempDir
    Path folder;

    @Test
    void hybridRetrievalIsNoWorseThanBm25OnTheGoldQuestions() throws IOException {
        List<GoldQuestion> gold = gold();
        String defaultModel = new CiteqaProperties.Retrieval(5, "hybrid", 60, 50, "bge-small-en-v1.5")
                .embeddingModel();
        List<String> models = List.of(System.getProperty("citeqa.bench.models", defaultModel).split(","));
        StringBuilder report = new StringBuilder("| model | mode | recall@5 | MRR@10 |\n|---|---|---|---|\n");
        Map<String, Score> forDefault = new LinkedHashMap<>();
        for (String model : models) {
            try (Workspace workspace = SeedWorkspace.open(folder.resolve(model), model)) {
                for (RetrievalMode mode : RetrievalMode.values()) {
                    Score score = score(workspace.retrieval(), mode, gold);
                    report.append(String.format("| %s | %s | %.3f | %.3f |%n", model, mode.label(), score.recallAt5(),
                            score.mrr()));
                    if (model.equals(models.getFirst())) {
                        forDefault.put(mode.label(), score);
                    }
                }
            }
        }
        report.append("\n").append(gold.size()).append(" questions from src/test/resources/retrieval/seed-questions.tsv\n");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "retrieval-comparison.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);

        Score bm25 = forDefault.get("bm25");
        Score hybrid = forDefault.get("hybrid");
        assertThat(hybrid.recallAt5()).as("hybrid recall@5 vs BM25").isGreaterThanOrEqualTo(bm25.recallAt5());
        assertThat(hybrid.mrr()).as("hybrid MRR vs BM25").isGreaterThanOrEqualTo(bm25.mrr());
    }

    static Score score(PassageRetrieval retrieval, RetrievalMode mode, List<GoldQuestion> gold) {
        double hits = 0;
        double reciprocal = 0;
        for (GoldQuestion q : gold) {
            List<RankedPassage> ranked = retrieval.retrieve(q.question(), mode, 10);
            if (Boolean.getBoolean("citeqa.bench.verbose")) {
                System.out.println(mode + " | " + q.question() + " | " + ranked.stream().limit(5)
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
            gold.add(new GoldQuestion(parts[0], Set.of(parts[1].split(","))));
        }
        return gold;
    }
}
