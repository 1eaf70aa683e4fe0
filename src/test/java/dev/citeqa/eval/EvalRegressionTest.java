package dev.citeqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.answer.Answerers;
import dev.citeqa.answer.SentenceMeaning;
import dev.citeqa.chat.AskService;
import dev.citeqa.chat.Workspace;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.TestSettings;
import dev.citeqa.index.Embedder;

/**
 * The regression gate: the offline eval of eval/gold.jsonl over the seeds, with the product's settings and reader
 * (sentence meaning from the configured embedding model, as the shell's and eval's answerers have it), must not fall
 * below eval/baseline.json by more than each metric's tolerance.
 */
class EvalRegressionTest {

    @Test
    void offlineEvalOfTheGoldSetHoldsTheBaseline(@TempDir Path data) {
        Baseline baseline = Baseline.read(Path.of("eval/baseline.json"));
        CiteqaProperties settings = TestSettings.product();
        Path docs = Path.of("seeds").toAbsolutePath();
        GoldSet gold = GoldSet.read(Path.of(baseline.gold()), docs);
        try (Workspace workspace = new Workspace(docs, data, settings)) {
            workspace.sync(p -> {
            });
            // the reader reads sentence meaning with the session's embedding model, as the product's answerers do
            Answerers answerers = new Answerers(settings,
                    SentenceMeaning.of(Embedder.shared(settings.retrieval().embeddingModel())));
            EvalReport report = new EvalRunner(new AskService(settings, answerers))
                    .run(gold, baseline.gold(), workspace, answerers.forProvider(baseline.provider(), null), null,
                            p -> {
                            });

            assertThat(report.questions()).isEqualTo(gold.questions().size());
            List<String> regressions = baseline.regressions(report.metrics()).stream()
                    .map(Baseline.Regression::line).toList();
            assertThat(regressions).as("metrics measured: %s", report.metrics().byName()).isEmpty();
        }
    }
}
