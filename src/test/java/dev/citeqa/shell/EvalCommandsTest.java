package dev.citeqa.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.Map;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

import dev.citeqa.answer.Answerers;
import dev.citeqa.chat.AskService;
import dev.citeqa.chat.Workspaces;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;
import dev.citeqa.config.TestSettings;
import dev.citeqa.eval.EvalReport;
import dev.citeqa.eval.EvalService;
import dev.citeqa.eval.ReportJson;
import dev.citeqa.eval.RetrievalModes;
import dev.citeqa.index.EmbeddingProgress;

/** The eval commands as the shell calls them, without a terminal. */
class EvalCommandsTest {

    private final StringWriter printed = new StringWriter();
    private final CommandContext context = new CommandContext(ParsedInput.builder().commandName("eval").build(),
            new CommandRegistry(), new PrintWriter(printed, true), new InputReader() {
            });

    /** Two questions over the seeds: the whole gold set runs once per build, in EvalRegressionTest. */
    static final String SMALL_GOLD = """
            {"id": "s1", "question": "Where did Khalid al-Obeidi and Hossein Dehqan sign the agreement?", "answerable": true, "answer": "Tehran", "facts": [["Tehran"]], "sources": ["003_ca31ee2c64d02175.txt"]}
            {"id": "s2", "question": "What is the capital of Peru?", "answerable": false, "answer": "none", "facts": [], "sources": []}
            """;

    private EvalCommands commands(Workspaces workspaces) {
        CiteqaProperties settings = TestSettings.product();
        Answerers answerers = new Answerers(settings);
        return new EvalCommands(new EvalService(settings, workspaces, answerers, new AskService(settings, answerers)),
                settings, new RetrievalModes(), new StaticListableBeanFactory(Map.of("launch", Launch.parse(List.of("eval"))))
                .getBeanProvider(Launch.class));
    }

    @Test
    void evalRunsTheGoldSetAndWritesTheThreeReports(@TempDir Path dir) throws Exception {
        CiteqaProperties settings = TestSettings.product();
        Path gold = Files.writeString(dir.resolve("gold.jsonl"), SMALL_GOLD);
        try (Workspaces workspaces = new Workspaces(settings)) {
            Path out = dir.resolve("run");
            commands(workspaces).eval(context, gold.toString(), "seeds", dir.resolve("data").toString(), null,
                    null, null, out.toString());

            assertThat(printed.toString()).contains("Gold: " + gold + ", 2 questions (1 answerable, 1 unanswerable)",
                    "answer_accuracy", "Report (extractive): " + out + "/report.json, report.md, report.html");
            assertThat(out.resolve("report.md")).exists();
            assertThat(out.resolve("report.html")).content().contains("<svg");
            EvalReport report = ReportJson.read(out.resolve("report.json"));
            assertThat(report.provider()).isEqualTo("extractive");
            assertThat(report.questions()).isEqualTo(2);
            assertThat(report.results()).extracting(r -> r.id()).containsExactly("s1", "s2");
        }
    }

    @Test
    void evalEmbedsTheNewPassagesAndReportsHowFarAlong(@TempDir Path dir) throws Exception {
        CiteqaProperties settings = TestSettings.product();
        Path gold = Files.writeString(dir.resolve("gold.jsonl"), SMALL_GOLD);
        List<EmbeddingProgress> seen = new ArrayList<>();
        try (Workspaces workspaces = new Workspaces(settings)) {
            Answerers answerers = new Answerers(settings);
            EvalService service = new EvalService(settings, workspaces, answerers, new AskService(settings, answerers));
            EvalService.Outcome outcome = service.run(new EvalService.Request(gold, "seeds",
                    dir.resolve("data").toString(), List.of(), null, dir.resolve("run")), p -> {
            }, seen::add, p -> {
            });

            assertThat(outcome.indexed().passages()).isGreaterThan(20);
            assertThat(seen).isNotEmpty();
            assertThat(seen.getLast().done()).isEqualTo(seen.getLast().total())
                    .isEqualTo(outcome.indexed().passages());
            assertThat(workspaces.current().vectorsWaiting()).isZero();
        }
    }

    @Test
    void anUnknownProviderIsRefusedBeforeAnyQuestionIsAsked(@TempDir Path dir) {
        try (Workspaces workspaces = new Workspaces(TestSettings.product())) {
            assertThatThrownBy(() -> commands(workspaces).eval(context, "eval/gold.jsonl", "seeds",
                    dir.resolve("data").toString(), null, "extractive,nosuch", null, dir.resolve("out").toString()))
                    .isInstanceOf(Problem.class)
                    .hasMessage("Unknown provider 'nosuch': use one of extractive, openai, openai-compatible, ollama, anthropic, gemini.");
            assertThat(dir.resolve("out")).doesNotExist();
        }
    }

    @Test
    void compareNamesTheQuestionsWhoseOutcomeChanged(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a/report.json");
        Path b = dir.resolve("b/report.json");
        Files.createDirectories(a.getParent());
        Files.createDirectories(b.getParent());
        String report = """
                {"gold": "g.jsonl", "provider": "extractive", "model": "extractive", "questions": 1,
                 "metrics": {"answer_accuracy": %s, "abstention_accuracy": 1.0, "citation_precision": 1.0,
                   "citation_recall": 1.0, "unsupported_citations": 0, "retrieval_recall_at_5": 1.0, "mrr": 1.0,
                   "latency_ms_p50": 3, "latency_ms_p95": 3},
                 "results": [{"id": "g01", "question": "Where was it signed?", "answer": "x", "abstained": false,
                   "correct": %s, "citations": [], "latency_ms": 3}]}
                """;
        Files.writeString(a, report.formatted("0.0", "false"));
        Files.writeString(b, report.formatted("1.0", "true"));
        Path html = dir.resolve("compare.html");

        try (Workspaces workspaces = new Workspaces(TestSettings.product())) {
            commands(workspaces).compare(context, List.of(a.toString(), b.getParent().toString()), html.toString());
        }

        assertThat(printed.toString()).contains("extractive (a)", "extractive (b)",
                "1 question changed outcome (extractive (a) | extractive (b)):",
                "g01    wrong | right", "Comparison page: " + html);
        assertThat(html).content().contains("<svg");
    }

    @Test
    void retrievalPrintsTheScoresAndWritesTheRunFile(@TempDir Path out) {
        try (Workspaces workspaces = new Workspaces(TestSettings.product())) {
            commands(workspaces).retrieval(context, "src/test/resources/beir", null, null, "src/test/resources/beir/qrels.tsv",
                    null, out.toString());
        }
        assertThat(printed.toString()).contains("Indexed 8 documents", "5 judged queries",
                "(1 missing from the queries file, counted as 0)", "bm25", "0.4022", "Run file: " + out.resolve("run.bm25.trec"));
        assertThat(out.resolve("run.bm25.trec")).exists();
    }

    @Test
    void wikiqaPrintsRankingAndTriggeringFiguresOfTheOverlapScorer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("WikiQA-dev.tsv");
        Files.writeString(file, """
                QuestionID\tQuestion\tDocumentID\tDocumentTitle\tSentenceID\tSentence\tLabel
                Q1\tWho built the Bell Rock Lighthouse?\tD1\tBell Rock\tD1-0\tThe reef lies off Angus.\t0
                Q1\tWho built the Bell Rock Lighthouse?\tD1\tBell Rock\tD1-1\tRobert Stevenson built the Bell Rock Lighthouse.\t1
                Q2\tWho painted the lighthouse?\tD1\tBell Rock\tD1-0\tThe reef lies off Angus.\t0
                """);

        try (Workspaces workspaces = new Workspaces(TestSettings.product())) {
            commands(workspaces).wikiqa(context, null, file.toString(), "overlap", "0.5",
                    dir.resolve("per-question.tsv").toString());
            assertThatThrownBy(() -> commands(workspaces).wikiqa(context, null, file.toString(), "nosuch", null, null))
                    .isInstanceOf(Problem.class).hasMessage("Unknown sentence scorer 'nosuch': use one of overlap, cosine, reader, reader-lexical.");
        }

        assertThat(printed.toString()).contains("2 questions, 1 with an answering sentence",
                "overlap         1.0000  1.0000  1.0000          1.0000",
                "triggering at the given threshold: threshold 0.5000, precision 1.0000, recall 1.0000, F1 1.0000");
        assertThat(dir.resolve("per-question.tsv")).content().startsWith("question\tanswered\t")
                .contains("Q1\t1\t1.000000\t1\t1.000000\t1.000000\n", "Q2\t0\t");
    }
}
