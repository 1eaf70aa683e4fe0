package dev.citeqa.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.SeedFolder;

/**
 * A real JVM is killed with SIGKILL after it has written every passage of a run and before its commit; the last
 * good commit is what the next run opens, and that run finishes the work.
 */
class KilledIndexingIT {

    static final Path JAR = Path.of("target/citeqa.jar").toAbsolutePath();

    @TempDir
    Path temp;

    private ProcessBuilder citeqa(Path docs, String... args) {
        return withModel("none", List.of(), docs, args);
    }

    private ProcessBuilder citeqa(Path docs, List<String> jvmFlags, String... args) {
        return withModel("none", jvmFlags, docs, args);
    }

    private ProcessBuilder withModel(String model, Path docs, String... args) {
        return withModel(model, List.of(), docs, args);
    }

    private ProcessBuilder withModel(String model, List<String> jvmFlags, Path docs, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmFlags);
        command.addAll(dev.citeqa.shell.JarIT.LAUNCHER_FLAGS);
        command.addAll(List.of("-Duser.home=" + temp.resolve("home"), "-jar", JAR.toString(),
                "--docs", docs.toString(), "--data", temp.resolve("data").toString(),
                "--citeqa.retrieval.embedding-model=" + model));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private String run(Path docs, String... args) throws IOException, InterruptedException {
        return run(citeqa(docs, args));
    }

    private String run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void aRunKilledMidIndexingLeavesTheLastCommitAndTheNextRunFinishes() throws Exception {
        Path docs = SeedFolder.copyTo(temp.resolve("docs"));
        assertThat(run(docs, "index")).contains("5 added");

        Random random = new Random(7);
        String[] words = "harbour ferry council budget river bridge school tram museum winter market station"
                .split(" ");
        for (int f = 0; f < 2500; f++) {
            StringBuilder text = new StringBuilder("Town report number " + f + "\n\n");
            for (int s = 0; s < 30; s++) {
                text.append("The ").append(words[random.nextInt(words.length)]).append(" plan number ")
                        .append(random.nextInt(1000)).append(" was discussed by the ")
                        .append(words[random.nextInt(words.length)]).append(" committee on day ").append(s)
                        .append(". ");
            }
            Files.writeString(docs.resolve("report-" + f + ".txt"), text.append('\n').toString());
        }

        // the run writes every passage, then holds before its commit: the kill lands at that known point
        Process indexing = citeqa(docs, List.of("-D" + Indexer.HOLD_BEFORE_COMMIT + "=true"), "index").start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(indexing.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains(Indexer.HELD)) {
                seen.add(line);
            }
            assertThat(line).as("the run reached its commit; it printed %s", seen).isNotNull();
            indexing.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback
        }
        assertThat(indexing.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(indexing.exitValue()).isNotZero();

        String listing = run(docs, "docs");
        assertThat(listing).as("the last good commit, the five seeds, is what is indexed")
                .contains("004_35665f7e3260056a.txt").contains("5 documents").doesNotContain("report-");

        String resumed = run(docs, "index");
        assertThat(resumed).contains("Indexed: 2500 added, 0 changed, 0 removed, 5 unchanged, 0 skipped");
        assertThat(run(docs, "docs")).contains("2505 documents");
        assertThat(run(docs, "index")).contains("0 added, 0 changed, 0 removed, 2505 unchanged");
    }

    @Test
    void anEmbeddingKilledAfterItsFirstBatchKeepsThatBatchAndTheNextRunEmbedsOnlyTheRest() throws Exception {
        Path docs = SeedFolder.copyTo(temp.resolve("docs"));
        Random random = new Random(11);
        String[] words = "harbour ferry council budget river bridge school tram museum winter market station"
                .split(" ");
        for (int f = 0; f < 120; f++) {
            StringBuilder text = new StringBuilder("Town report number " + f + "\n\n");
            for (int s = 0; s < 21; s++) {
                text.append("The ").append(words[random.nextInt(words.length)]).append(" plan number ")
                        .append(random.nextInt(1000)).append(" was discussed by the ")
                        .append(words[random.nextInt(words.length)]).append(" committee on day ").append(s)
                        .append(". ");
            }
            Files.writeString(docs.resolve("report-" + f + ".txt"), text.append('\n').toString());
        }
        String model = "all-minilm-l6-v2";
        Pattern progress = Pattern.compile("Embedding: (\\d+)/(\\d+) passages");
        Process indexing = withModel(model, docs, "index").start();
        int total = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(indexing.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = progress.matcher(line);
                // past the first batch of 256: it is committed before the next one starts
                if (m.find() && Integer.parseInt(m.group(1)) > 256) {
                    total = Integer.parseInt(m.group(2));
                    break;
                }
            }
            assertThat(line).as("the embedding reported its progress past its first batch").isNotNull();
            indexing.destroyForcibly(); // SIGKILL in the middle of a batch
        }
        assertThat(indexing.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Matcher kept = Pattern.compile("Vectors \\(" + model + "\\): (\\d+) of (\\d+) passages")
                .matcher(run(withModel(model, docs, "status")));
        assertThat(kept.find()).isTrue();
        int committed = Integer.parseInt(kept.group(1));
        assertThat(Integer.parseInt(kept.group(2))).isEqualTo(total);
        assertThat(committed).as("whole batches of 256 were committed").isPositive().isLessThan(total)
                .matches(n -> n % 256 == 0);

        String resumed = run(withModel(model, docs, "index"));
        assertThat(resumed).contains("0 added, 0 changed, 0 removed")
                .contains(total + " passages, " + (total - committed) + " embedded");
        assertThat(run(withModel(model, docs, "status")))
                .contains("Vectors (" + model + "): " + total + " of " + total + " passages: every passage has its vector.");
    }
}
