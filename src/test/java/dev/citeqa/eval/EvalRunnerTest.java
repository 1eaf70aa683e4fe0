package dev.citeqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.answer.Answerer;
import dev.citeqa.answer.Answerers;
import dev.citeqa.answer.Reply;
import dev.citeqa.chat.AskService;
import dev.citeqa.chat.Workspace;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.TestSettings;

class EvalRunnerTest {

    /** Stands for a remote provider: cites the first passage, and fails on one question. */
    static final class ScriptedAnswerer implements Answerer {
        final List<String> asked = new ArrayList<>();

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Reply answer(AnswerRequest request, Consumer<String> tokens) {
            asked.add(request.question());
            if (request.question().contains("Samarra")) {
                throw new IllegalStateException("HTTP 503 from the provider");
            }
            return new Reply("It was signed in Tehran [1].", "scripted-model-1", 100, 7);
        }
    }

    @Test
    void asksHistoryFirstScoresEachQuestionAndRecordsAFailedOne(@TempDir Path data, @TempDir Path dir)
            throws Exception {
        Path goldFile = dir.resolve("gold.jsonl");
        java.nio.file.Files.writeString(goldFile, """
                {"id": "a", "question": "And where was it signed?", "history": ["Who signed the 2014 agreement?", "When?"], "answerable": true, "answer": "Tehran", "facts": [["Tehran"]], "sources": ["003_ca31ee2c64d02175.txt"]}
                {"id": "b", "question": "Who was killed in Samarra?", "answerable": true, "answer": "Taqavi", "facts": [["Taqavi"]], "sources": ["001_427b068eda7f8d6f.txt"]}
                {"id": "c", "question": "What is the capital of Peru?", "answerable": false, "answer": "none", "facts": [], "sources": []}
                """);
        CiteqaProperties settings = TestSettings.product();
        Path docs = Path.of("seeds").toAbsolutePath();
        ScriptedAnswerer answerer = new ScriptedAnswerer();
        List<EvalRunner.Progress> progress = new ArrayList<>();
        EvalReport report;
        try (Workspace workspace = new Workspace(docs, data, settings)) {
            workspace.sync(p -> {
            });
            report = new EvalRunner(new AskService(settings, new Answerers(settings)))
                    .run(GoldSet.read(goldFile, docs), "gold.jsonl", workspace, answerer, null, progress::add);
        }

        // the answerer gets the history first, then each question as it was searched: the follow-ups made
        // standalone (they carry the earlier question's subject), the others as written
        assertThat(answerer.asked).hasSize(5);
        assertThat(answerer.asked.get(0)).isEqualTo("Who signed the 2014 agreement?");
        assertThat(answerer.asked.get(1)).startsWith("When").contains("2014 agreement").isNotEqualTo("When?");
        assertThat(answerer.asked.get(2)).startsWith("And where was it signed").contains("2014 agreement");
        assertThat(answerer.asked.subList(3, 5)).containsExactly("Who was killed in Samarra?",
                "What is the capital of Peru?");
        assertThat(report.provider()).isEqualTo("scripted");
        assertThat(report.model()).isEqualTo("scripted-model-1");
        assertThat(report.results()).extracting(QuestionResult::outcome).containsExactly("right", "error", "answered");
        assertThat(report.results().get(1).error()).isEqualTo("IllegalStateException: HTTP 503 from the provider");
        assertThat(report.metrics().errors()).isEqualTo(1);
        assertThat(report.metrics().answerAccuracy()).isEqualTo(0.5);
        assertThat(report.metrics().abstentionAccuracy()).isCloseTo(1 / 3.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(report.metrics().tokensInput()).isEqualTo(400); // a: its two history turns and itself; c: itself
        assertThat(report.metrics().tokensOutput()).isEqualTo(28);
        assertThat(progress).extracting(EvalRunner.Progress::done).containsExactly(1, 2, 3);
        assertThat(progress.getLast().answerAccuracy()).isEqualTo(0.5);
    }
}
