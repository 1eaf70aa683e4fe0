package dev.citeqa.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.citeqa.SeedFolder;

/** Runs the packaged jar as a user does: one-shot commands, a piped session, and bad input. */
public class JarIT {

    public static final Path JAR = Path.of("target/citeqa.jar").toAbsolutePath();
    /** The JVM flags ./chat starts the jar with that change what runs: its context as generated code (Spring AOT). */
    public static final List<String> LAUNCHER_FLAGS = List.of("--enable-native-access=ALL-UNNAMED",
            "-Dspring.aot.enabled=true");

    @TempDir
    static Path temp;
    static Path docs;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void seeds() {
        docs = SeedFolder.copyTo(temp.resolve("docs"));
    }

    static Run run(Path workingDir, String stdin, String... args) throws IOException, InterruptedException {
        return runWith(List.of("-Duser.home=" + temp.resolve("home")), workingDir, stdin, args);
    }

    /** Runs the jar with these JVM flags (another home folder, the launcher's citeqa-home). */
    static Run runWith(List<String> jvm, Path workingDir, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(LAUNCHER_FLAGS);
        command.addAll(jvm);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the jar finishes").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err).replaceAll(
                "(?m)^WARNING: Using incubator modules.*\\R", ""));
    }

    @Test
    void oneShotAskPrintsJsonAndExitsZero() throws Exception {
        Run run = run(temp, "", "--docs", docs.toString(), "--data", temp.resolve("data1").toString(),
                "ask", "--json", "Where did Khalid al-Obeidi and Hossein Dehqan sign the agreement?");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("answer").asText()).contains("Tehran");
        assertThat(json.get("citations").get(0).get("file").asText()).endsWith(".txt");
    }

    @Test
    void theJarStartedWithoutItsGeneratedContextAnswersToo() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-Duser.home=" + temp.resolve("home"), "-jar", JAR.toString(),
                "--docs", docs.toString(), "--data", temp.resolve("data-plain").toString(), "ask", "--json",
                "Where did Khalid al-Obeidi and Hossein Dehqan sign the agreement?"));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(new ObjectMapper().readTree(out).get("answer").asText()).contains("Tehran");
    }

    @Test
    void aOneShotAnswerEndsWithItsSourcesAndADeclinedOneExitsWithItsOwnStatus() throws Exception {
        String data = temp.resolve("data-oneshot").toString();
        Run answered = run(temp, "", "--docs", docs.toString(), "--data", data, "ask",
                "Where did Khalid al-Obeidi and Hossein Dehqan sign the agreement?");
        assertThat(answered.exit()).as(answered.err()).isZero();
        assertThat(answered.out()).contains("Tehran").contains("Sources:").doesNotContain("show <n>");
        assertThat(answered.out().strip().lines().toList().getLast()).startsWith("     \"");

        Run declined = run(temp, "", "--docs", docs.toString(), "--data", data, "ask",
                "What is the population of Brazil?");
        assertThat(declined.exit()).as(declined.err()).isEqualTo(3);
        assertThat(declined.out()).contains("The documents do not answer this question: they do not mention Brazil.");
        assertThat(declined.err()).isBlank();

        Run json = run(temp, "", "--docs", docs.toString(), "--data", data, "ask", "--json",
                "What is the population of Brazil?");
        assertThat(json.exit()).isZero();
        assertThat(new ObjectMapper().readTree(json.out()).get("abstained").asBoolean()).isTrue();
    }

    @Test
    void aPipedSessionAnswersAndListsSources() throws Exception {
        Run run = run(temp, "Who is the president of Brazil?\nWhere did Khalid al-Obeidi and Hossein Dehqan sign "
                        + "the agreement?\nsources\nexit\n",
                "--docs", docs.toString(), "--data", temp.resolve("data2").toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains(ShellSession.PROMPT)
                .contains("The documents do not answer this question: they do not mention Brazil.")
                .contains("Tehran").contains("Cited:");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void anApostropheOrAnUnmatchedQuoteInATypedQuestionDoesNotSwallowTheLinesAfterIt() throws Exception {
        Run run = run(temp, "Who said that Iran's increased support for the Iraqi armed forces is a strategic "
                        + "necessity?\nWhat did \"Dehqan say?\nWhat is the population of Brazil?\nexit\n",
                "--docs", docs.toString(), "--data", temp.resolve("data3").toString(), "--retrieval", "bm25");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).doesNotContain("quote>")
                .contains("strategic necessity").contains("The sources disagree: ")
                .contains("The documents do not answer this question: they do not mention Brazil.");
        // three questions, three answers: each line was read as one question, and every answer ends with its
        // sources or with "(no sources cited)"
        String out = run.out();
        int answers = (out.split("\nSources:\n", -1).length - 1)
                + (out.split("\\(no sources cited\\)", -1).length - 1);
        assertThat(answers).as(out).isEqualTo(3);
    }

    @Test
    void aBadSettingIsOneLineNamingIt() throws Exception {
        Run run = run(temp, "", "--docs", docs.toString(), "--citeqa.retrieval.top-k=0", "ask", "anything");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(
                "Setting citeqa.retrieval.top-k is not valid: use a whole number from 1 to 100.");
    }

    @Test
    void aMissingDocumentsFolderIsOneLine() throws Exception {
        Run run = run(temp, "", "--docs", temp.resolve("nowhere").toString(), "--data",
                temp.resolve("data3").toString(), "ask", "anything");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).contains("does not exist").contains("--docs <folder>").doesNotContain("\n");
    }

    @Test
    void aMissingDocumentsFolderStopsTheShellAtStartAndLeavesNoIndexBehind() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home-missing"));
        String missing = temp.resolve("nonexistent").toString();

        Run shell = runWith(List.of("-Duser.home=" + home), temp, "Where was it signed?\nexit\n", "--docs", missing);
        assertThat(shell.exit()).isEqualTo(2);
        assertThat(shell.err().strip()).isEqualTo("The documents folder " + missing
                + " does not exist or is not a folder: create it or pass --docs <folder>.");
        assertThat(shell.out()).doesNotContain(ShellSession.PROMPT);

        Run ask = runWith(List.of("-Duser.home=" + home), temp, "", "ask", "--docs", missing, "Where?");
        assertThat(ask.exit()).isEqualTo(2);
        assertThat(ask.err().strip()).contains("does not exist");
        assertThat(home.resolve(".citeqa/indexes")).doesNotExist();
    }

    @Test
    void theDefaultDocumentsAreTheLaunchersSeedsWhereverItIsStartedAndNothingIsWrittenToTheCurrentFolder()
            throws Exception {
        Path launcherFolder = Files.createDirectories(temp.resolve("citeqa-install"));
        SeedFolder.copyTo(launcherFolder.resolve("seeds"));
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Path home = Files.createDirectories(temp.resolve("home-default"));

        Run run = runWith(List.of("-Duser.home=" + home, "-Dciteqa-home=" + launcherFolder), elsewhere,
                "Where did Khalid al-Obeidi and Hossein Dehqan sign the agreement?\nexit\n");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("documents in " + launcherFolder.resolve("seeds")).contains("Tehran");
        try (var left = Files.list(elsewhere)) {
            assertThat(left.toList()).as("files left in the current folder").isEmpty();
        }
        assertThat(home.resolve(".citeqa/history.log")).content().contains("Khalid al-Obeidi");
    }

    @Test
    void eachDataFolderHasItsOwnLog() throws Exception {
        Path home = Files.createDirectories(temp.resolve("home-logs"));
        for (String data : List.of("data-a", "data-b")) {
            Run run = runWith(List.of("-Duser.home=" + home), temp, "", "--docs", docs.toString(), "--data",
                    temp.resolve(data).toString(), "docs");
            assertThat(run.exit()).as(run.err()).isZero();
        }
        try (var logs = Files.list(home.resolve(".citeqa/logs"))) {
            assertThat(logs.map(p -> p.getFileName().toString()).sorted().toList())
                    .satisfiesExactly(a -> assertThat(a).startsWith("data-a-").endsWith(".log"),
                            b -> assertThat(b).startsWith("data-b-").endsWith(".log"));
        }
    }

    @Test
    void aMistypedCommandInAPipedSessionIsReportedAndNotAsked() throws Exception {
        Run run = run(temp, "Where did Khalid al-Obeidi and Hossein Dehqan sign the agreement?\nfrobnicate\nshwo 1\n"
                + "history\nexit\n", "--docs", docs.toString(), "--data", temp.resolve("data-typo").toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Unknown command 'frobnicate'. Type help to see the commands")
                .contains("Unknown command 'shwo'. Did you mean: show?")
                .contains("1. Where did Khalid al-Obeidi").doesNotContain("2. ").doesNotContain("frobnicate?");
    }

    @Test
    void aSettingOfTheWrongTypeAMisspeltSettingAndAnUnknownOptionAreEachOneLine() throws Exception {
        Run wrongType = run(temp, "", "--docs", docs.toString(), "--citeqa.retrieval.top-k=abc", "ask", "anything");
        assertThat(wrongType.exit()).isEqualTo(2);
        assertThat(wrongType.err().strip()).isEqualTo("Setting citeqa.retrieval.top-k cannot be 'abc': use a whole number.");

        Run misspelt = run(temp, "", "--docs", docs.toString(), "--citeqa.retreival.top-k=8", "ask", "anything");
        assertThat(misspelt.exit()).isEqualTo(2);
        assertThat(misspelt.err().strip()).isEqualTo("Unknown setting citeqa.retreival.top-k (value '8', from the "
                + "command line): did you mean citeqa.retrieval.top-k?");

        Run option = run(temp, "", "--frobnicate");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err().strip()).startsWith("Unknown option --frobnicate. Options before a command: ")
                .contains("--docs").doesNotContain("for ask").doesNotContain("\n");
        assertThat(run(temp, "", "--doc", "x").err().strip()).startsWith("Unknown option --doc: did you mean --docs?");
    }

    @Test
    void anUnknownCommandIsOneLine() throws Exception {
        Run run = run(temp, "", "--docs", docs.toString(), "/frobnicate");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("Unknown command '/frobnicate'").doesNotContain("\n");
    }

    @Test
    void aMalformedSettingsFileIsOneLine() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("broken-yml"));
        Files.writeString(folder.resolve("application.yml"), "citeqa:\n  retrieval:\n    top-k: [5\n  docs: : :\n");
        Run run = run(folder, "", "--docs", docs.toString(), "ask", "anything");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("application.yml is not valid YAML").doesNotContain("\n");
        assertThat(run.out()).doesNotContain("Application run failed").doesNotContain("\tat ");
    }
    @Test
    void aCitationOfAConvertedFileGivesItsLineOrPageInTheFileBesideTheOffsets() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("converted"));
        StringBuilder html = new StringBuilder("<html><head><title>Lighthouse</title></head><body>\n");
        for (int i = 0; i < 60; i++) {
            html.append("<div class=\"spacer\"></div>\n");
        }
        html.append("<main><h2>Opening hours</h2>\n<p>The lighthouse museum at Port Ellen opens at nine in the "
                + "morning from April to October.\nIt closes at five.</p>\n</main></body></html>\n");
        Files.writeString(folder.resolve("lighthouse.html"), html);
        int line = 63;
        assertThat(html.toString().split("\n")[line - 1]).contains("opens at nine");
        Files.write(folder.resolve("quay.pdf"), twoPagePdf("The quay crane can lift loads of up to forty tonnes."));

        Path data = temp.resolve("data-converted");
        Run html1 = run(temp, "", "--docs", folder.toString(), "--data", data.toString(), "ask", "--json",
                "When does the lighthouse museum at Port Ellen open?");
        assertThat(html1.exit()).as(html1.err()).isZero();
        JsonNode citation = new ObjectMapper().readTree(html1.out()).get("citations").get(0);
        assertThat(citation.get("file").asText()).isEqualTo("lighthouse.html");
        assertThat(citation.get("line").asInt()).isEqualTo(line);
        assertThat(citation.get("section").asText()).isEqualTo("Opening hours");
        assertThat(citation.get("start").asInt()).as("offsets still count the extracted text").isLessThan(40);
        assertThat(citation.get("text").asText()).startsWith("The lighthouse museum at Port Ellen opens at nine");

        Run pdf = run(temp, "", "--docs", folder.toString(), "--data", data.toString(), "ask", "--json",
                "How many tonnes can the quay crane lift?");
        assertThat(pdf.exit()).as(pdf.err()).isZero();
        JsonNode pdfCitation = new ObjectMapper().readTree(pdf.out()).get("citations").get(0);
        assertThat(pdfCitation.get("file").asText()).isEqualTo("quay.pdf");
        assertThat(pdfCitation.get("page").asInt()).isEqualTo(2);

        Run session = run(temp, "When does the lighthouse museum at Port Ellen open?\nshow 1\nexit\n",
                "--docs", folder.toString(), "--data", data.toString());
        assertThat(session.out()).contains("lines " + line + "-" + (line + 1) + " of the file").contains("section \"Opening hours\"")
                .contains("(passage lighthouse.html#0-");
    }

    /** A PDF whose first page is an introduction and whose second page holds {@code fact}. */
    static byte[] twoPagePdf(String fact) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.font.PDType1Font font = new org.apache.pdfbox.pdmodel.font.PDType1Font(
                    org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA);
            for (String text : List.of("This guide describes the equipment of the north quay. The harbour office wrote it.",
                    fact)) {
                org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
                pdf.addPage(page);
                try (org.apache.pdfbox.pdmodel.PDPageContentStream content =
                             new org.apache.pdfbox.pdmodel.PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.newLineAtOffset(72, 700);
                    content.showText(text);
                    content.endText();
                }
            }
            pdf.save(bytes);
        }
        return bytes.toByteArray();
    }
}
