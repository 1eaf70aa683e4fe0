package dev.citeqa.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.citeqa.config.Problem;

/**
 * A local SolrCloud in a JVM of its own (Solr 9 carries Lucene 9, which cannot share a classpath with the
 * product's Lucene 10): the solr-engine module's launcher, started with the classpath that module's build wrote.
 * It prints a ready line with its node URLs, takes "stop n" / "start n" on its input, and stops when its input
 * closes, so a parent that dies leaves no engine behind.
 */
public final class LocalCluster implements AutoCloseable {

    private static final String LAUNCHER = "dev.citeqa.engine.LocalSolrCloud";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(1024);
    private final List<String> urls;
    private final Path dir;
    private final Thread stopOnExit;

    private LocalCluster(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
        this.commands = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
        Thread.ofPlatform().daemon().name("solr-engine-output").start(() -> {
            try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.offer(line);
                }
            } catch (IOException e) {
                // the engine is gone; waiting callers time out or see it exited
            }
        });
        this.stopOnExit = new Thread(this::stop, "solr-engine-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        String ready = await("ready ", START_TIMEOUT);
        if (ready == null) {
            stop();
            throw new Problem("The local SolrCloud did not start within " + START_TIMEOUT.toMinutes()
                    + " minutes; its log is " + dir.resolve("solr.log") + " and " + dir.resolve("engine.err") + ".");
        }
        this.urls = Arrays.asList(ready.split(" ")[1].split(","));
    }

    /**
     * Starts a cluster of {@code nodes} nodes whose state lives in {@code dir} (reused when it holds one);
     * {@code port} is the first node's port on a first start, 0 for any free ports.
     */
    public static LocalCluster start(Path dir, int nodes, int port) {
        Path home = engineHome();
        try {
            Files.createDirectories(dir);
            Path args = dir.resolve("engine.args");
            String classpath = home.resolve("target/classes") + java.io.File.pathSeparator
                    + Files.readString(home.resolve("target/engine.classpath")).strip();
            Files.writeString(args, "-cp \"" + classpath.replace("\\", "\\\\") + "\"\n");
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + (256 + 384 * nodes) + "m",
                    "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                    "-Dciteqa.engine.log=" + dir.resolve("solr.log"), "-Dsolr.log.dir=" + dir,
                    "@" + args, LAUNCHER, "--dir", dir.toString(), "--nodes", String.valueOf(nodes),
                    "--port", String.valueOf(port)));
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("engine.err").toFile()))
                    .start();
            return new LocalCluster(process, dir);
        } catch (IOException e) {
            throw new Problem("Cannot start the local SolrCloud in " + dir + " (" + e.getMessage() + ").", e);
        }
    }

    /** The node base URLs, first node first. */
    public List<String> urls() {
        return urls;
    }

    public Path dir() {
        return dir;
    }

    /** The engine's process id, to measure its memory. */
    public long pid() {
        return process.pid();
    }

    /** Stops node n (1-based) and waits until it is down. */
    public void stopNode(int n) {
        command("stop " + n, "stopped ");
    }

    /** Starts node n (1-based) again and waits until it is live. */
    public void startNode(int n) {
        command("start " + n, "started ");
    }

    private void command(String command, String done) {
        commands.println(command);
        if (await(done, Duration.ofMinutes(2)) == null) {
            throw new IllegalStateException("the engine did not confirm '" + command + "'; see " + dir);
        }
    }

    private String await(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                if (line == null && !process.isAlive() && lines.isEmpty()) {
                    return null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** Waits until the engine exits by itself (its input closed elsewhere, or it failed). */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Closes the engine's input, which stops every node and ZooKeeper; kills it if it has not stopped in 60 s. */
    private void stop() {
        commands.close();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs stop() again, which returns at once
        }
    }

    private static String java() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString()
                : ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * The solr-engine module beside the project's build: named by the system property citeqa.solr.engine, or
     * found above the working folder or the running jar.
     */
    static Path engineHome() {
        List<Path> tried = new ArrayList<>();
        Optional.ofNullable(System.getProperty("citeqa.solr.engine")).map(Path::of).ifPresent(tried::add);
        addParents(tried, Path.of("").toAbsolutePath());
        try {
            addParents(tried, Path.of(LocalCluster.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            // only the working folder is searched
        }
        for (Path candidate : tried) {
            if (Files.isRegularFile(candidate.resolve("target/engine.classpath"))) {
                return candidate;
            }
        }
        throw new Problem("The local SolrCloud is not built: run ./run-tests or mvn package in the citeqa project "
                + "(it builds solr-engine/), or set -Dciteqa.solr.engine=<project>/solr-engine.");
    }

    private static void addParents(List<Path> tried, Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            tried.add(p.resolve("solr-engine"));
        }
    }
}
