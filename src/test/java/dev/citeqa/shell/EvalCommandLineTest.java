package dev.citeqa.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.citeqa.CiteqaApplication;

/** {@code ./chat eval ...} as the launcher runs it: arguments through Launch and the line parser, one command. */
class EvalCommandLineTest {

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        Launch launch = Launch.parse(List.of(args));
        SpringApplication application = new SpringApplication(CiteqaApplication.class);
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("launch", launch));
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (ConfigurableApplicationContext context = application.run(
                launch.springArguments().toArray(String[]::new))) {
            return new Run(context.getBean(ShellSession.class).exitCode(), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @Test
    void evalWithDocsAndDataWritesItsReports(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path gold = Files.writeString(dir.resolve("gold.jsonl"), EvalCommandsTest.SMALL_GOLD);
        Run run = run("eval", "--gold", gold.toString(), "--docs", "seeds", "--data", dir.resolve("data").toString(),
                "--out", out.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Gold: " + gold + ", 2 questions", "answer_accuracy");
        assertThat(run.err()).contains("[########################] 2/2");
        assertThat(out.resolve("report.json")).exists();
        assertThat(out.resolve("report.html")).exists();
    }

    @Test
    void aFaultyGoldFileStopsWithItsLineNumbersBeforeIndexing(@TempDir Path dir) throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, "{\"id\": \"a\", \"question\": \"q\", \"answerable\": false, \"answer\": \"x\", "
                + "\"facts\": [], \"sources\": []}\n{\"id\": \"b\"}\n");

        Run run = run("eval", "--gold", gold.toString(), "--data", dir.resolve("data").toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("The gold file has", gold + " line 2: missing \"question\"")
                .doesNotContain("line 1:");
        try (var files = Files.list(dir.resolve("data/index"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.startsWith("segments"));
        }
    }

    @Test
    void compareTakesReportsAsSubCommandArguments(@TempDir Path dir) throws Exception {
        String report = """
                {"gold": "g.jsonl", "provider": "extractive", "model": "extractive", "questions": 1,
                 "metrics": {"answer_accuracy": 1.0}, "results": [{"id": "g01", "question": "Where?",
                 "answer": "x", "abstained": %s, "correct": %s, "citations": [], "latency_ms": 3}]}
                """;
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("a/report.json"), report.formatted("true", "false"));
        Files.writeString(dir.resolve("b/report.json"), report.formatted("false", "true"));

        Run run = run("eval", "compare", dir.resolve("a/report.json").toString(), dir.resolve("b").toString(),
                "--html", dir.resolve("c.html").toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("extractive (a)", "extractive (b)", "g01    declined | right");
        assertThat(dir.resolve("c.html")).exists();
    }
}
