package dev.citeqa.shell;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.citeqa.SeedFolder;

/**
 * Ctrl-C typed in a real terminal. CI has no terminal, so the test makes one: util-linux {@code script} runs the jar
 * on a new pseudo-terminal, and the bytes written to script's input reach the terminal as typed keys, where the
 * line discipline turns Ctrl-C into the INT signal exactly as for a person at a keyboard.
 */
class CtrlCInTerminalIT {

    private static final String CTRL_C = "\u0003";

    @TempDir
    Path temp;

    /** The shell on its own pseudo-terminal, with what it printed so far. */
    static final class TerminalSession implements AutoCloseable {
        final Process process;
        final StringBuffer screen = new StringBuffer();
        private final OutputStream keys;

        TerminalSession(List<String> command, Path home, String baseUrl) throws IOException {
            // a new pseudo-terminal has no size, and JLine cuts a prompt to a zero-wide screen: give it one
            String joined = "stty cols 160 rows 48; exec "
                    + String.join(" ", command.stream().map(TerminalSession::quoted).toList());
            ProcessBuilder builder = new ProcessBuilder("script", "-q", "-e", "-f", "-c", joined, "/dev/null")
                    .redirectErrorStream(true);
            builder.environment().put("TERM", "xterm-256color");
            builder.environment().put("HOME", home.toString());
            builder.environment().put("OPENAI_COMPATIBLE_BASE_URL", baseUrl);
            process = builder.start();
            keys = process.getOutputStream();
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try (InputStream in = process.getInputStream()) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    // the terminal closed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** The screen without its colour and cursor sequences, as a person reads it. */
        String plainScreen() {
            return screen.toString().replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "");
        }

        void type(String text) throws IOException {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        }

        /** Waits until the screen, after {@code from}, holds {@code text}; returns where it ends. */
        int await(String text, int from, int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                int at = screen.indexOf(text, from);
                if (at >= 0) {
                    return at + text.length();
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the terminal never showed \"" + text + "\" after position " + from
                    + "; it shows:\n" + screen.substring(Math.max(0, from - 200)));
        }

        static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!condition.getAsBoolean() && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertThat(condition.getAsBoolean()).isTrue();
        }

        private static String quoted(String word) {
            return "'" + word.replace("'", "'\\''") + "'";
        }

        @Override
        public void close() {
            // the shell runs below script: stopping script alone left it running on a closed terminal
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Whether this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status), as its children then do. */
    static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseLong(line.substring(7).strip(), 16) & 0x2) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc: assume the signal is delivered
        }
        return false;
    }

    private static boolean scriptIsAvailable() {
        try {
            return new ProcessBuilder("script", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A folder big enough that reading it takes a few seconds: the seeds and many made-up notes. */
    private Path bigFolder() throws IOException {
        Path docs = SeedFolder.copyTo(temp.resolve("docs"));
        Random random = new Random(15);
        String[] words = {"river", "council", "harvest", "bridge", "meeting", "lantern", "archive", "voyage",
                "garden", "signal", "quarry", "festival", "orchard", "ledger", "harbour", "mill"};
        for (int f = 0; f < 3000; f++) {
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < 12; s++) {
                text.append("The");
                for (int w = 0; w < 14; w++) {
                    text.append(' ').append(words[random.nextInt(words.length)]);
                }
                text.append(". ");
            }
            Files.writeString(docs.resolve("note-" + f + ".txt"), text.toString());
        }
        return docs;
    }

    @Test
    void ctrlCStopsIndexingAndAnLlmAnswerAndAlwaysComesBackToThePromptAndTabAndLinksWork() throws Exception {
        assumeTrue(scriptIsAvailable(), "util-linux script makes the pseudo-terminal");
        // started from a shell's background (nohup ... &), the build and every process below it ignore SIGINT, and a
        // JVM that inherits an ignored SIGINT never sees Ctrl-C: nothing here could be tested
        assumeFalse(sigintIgnored(), "SIGINT is ignored by this process and so by the shell it starts");
        WireMockServer model = new WireMockServer(options().dynamicPort());
        model.start();
        // a model that never answers in time: only Ctrl-C ends the wait
        model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(120_000).withBody("{}")));
        Path docs = bigFolder();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(JarIT.LAUNCHER_FLAGS);
        command.addAll(List.of("-Duser.home=" + temp.resolve("home"), "-jar", JarIT.JAR.toString(),
                "--docs", docs.toString(), "--data", temp.resolve("data").toString(),
                "--citeqa.retrieval.embedding-model=none", "--provider", "openai-compatible"));
        try (TerminalSession shell = new TerminalSession(command, Files.createDirectories(temp.resolve("home")),
                model.baseUrl() + "/v1")) {
            int at = shell.await(ShellSession.PROMPT, 0, 120);

            // 1. during the first question's indexing
            shell.type("Where did Khalid al-Obeidi and Hossein Dehqan sign the agreement?\r");
            at = shell.await("Indexing", at, 120);
            shell.type(CTRL_C);
            at = shell.await("Stopped; the index keeps its last commit", at, 120);
            at = shell.await(ShellSession.PROMPT, at, 30);
            shell.type("docs\r");
            at = shell.await("Nothing is indexed", at, 60);
            at = shell.await(ShellSession.PROMPT, at, 30);

            // 2. while the model is being waited for
            shell.type("Where did Khalid al-Obeidi and Hossein Dehqan sign the agreement?\r");
            TerminalSession.waitFor(() -> !model.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))
                    .isEmpty(), 300);
            shell.type(CTRL_C);
            at = shell.await("Stopped; this answer was not kept", at, 60);
            at = shell.await(ShellSession.PROMPT, at, 30);
            shell.type("history\r");
            at = shell.await("No questions yet", at, 30);

            // 3. Tab completes a provider's name; the offline answer's sources link to their files
            at = shell.await(ShellSession.PROMPT, at, 30);
            shell.type("provider ext\t");
            TerminalSession.waitFor(() -> shell.plainScreen().contains("provider extractive"), 30);
            shell.type("\r");
            at = shell.await("Answers now come from", at, 60);
            at = shell.await(ShellSession.PROMPT, at, 30);
            shell.type("Where did Khalid al-Obeidi and Hossein Dehqan sign the agreement?\r");
            at = shell.await("Sources:", at, 120);
            at = shell.await("\u001B]8;;" + docs.toUri(), at, 30);

            // 4. at the prompt Ctrl-C only clears the line; exit leaves normally, not killed by the signal
            at = shell.await(ShellSession.PROMPT, at, 30);
            shell.type("half a question");
            Thread.sleep(1000); // echoed a letter at a time, each coloured by the highlighter
            shell.type(CTRL_C); // the terminal drops what was typed with it, so the next line waits for the prompt
            at = shell.await(ShellSession.PROMPT, at, 30);
            shell.type("exit\r");
            assertThat(shell.process.waitFor(60, TimeUnit.SECONDS)).as(shell.screen.substring(at)).isTrue();
            assertThat(shell.process.exitValue()).as(shell.screen.toString()).isZero();
        } finally {
            model.stop();
        }
    }
}
