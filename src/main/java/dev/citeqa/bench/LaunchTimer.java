package dev.citeqa.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times a real start from outside the JVM: spawns the launcher with a pipe for input, as a person's terminal or a
 * script would, and stops the clock when the prompt appears on its output. Then types exit.
 */
final class LaunchTimer {

    static final String PROMPT = "citeqa> ";
    private static final long TIMEOUT_SECONDS = 120;

    private LaunchTimer() {
    }

    /**
     * One start: nanoseconds from spawn to the prompt, and the CPU time the process had used by then (all its
     * threads: JIT and GC run beside the main one), which other load on the machine does not inflate.
     */
    record Start(long wallNanos, long cpuNanos) {
    }

    static Start time(List<String> command, Path workingDir) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
        // a heap limit given to the bench's own JVM must not change the start being measured
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        long begin = System.nanoTime();
        Process process = builder.start();
        try (InputStream out = process.getInputStream(); OutputStream in = process.getOutputStream()) {
            StringBuilder seen = new StringBuilder();
            byte[] buffer = new byte[4096];
            long deadline = begin + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (seen.indexOf(PROMPT) < 0) {
                int n = out.read(buffer);
                if (n < 0 || System.nanoTime() > deadline) {
                    throw new IOException("no prompt from " + String.join(" ", command) + "; it printed: "
                            + tail(seen.toString()));
                }
                seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            long elapsed = System.nanoTime() - begin;
            long cpu = process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
            in.write("exit\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            out.transferTo(OutputStream.nullOutputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("the shell did not exit after exit was typed");
            }
            return new Start(elapsed, cpu);
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * One single command (such as {@code ./chat ask "..."}) from spawn to exit: nanoseconds of wall-clock time, and
     * the last CPU time read from the process while it ran (taken every few milliseconds; -1 when not reported).
     */
    static Start timeToExit(List<String> command, Path workingDir) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        long begin = System.nanoTime();
        Process process = builder.start();
        try (InputStream out = process.getInputStream()) {
            Thread drain = Thread.ofVirtual().start(() -> {
                try {
                    out.transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // the process ended
                }
            });
            long cpu = -1;
            long deadline = begin + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (!process.waitFor(5, TimeUnit.MILLISECONDS)) {
                cpu = process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(cpu);
                if (System.nanoTime() > deadline) {
                    throw new IOException(String.join(" ", command) + " did not end within " + TIMEOUT_SECONDS + " s");
                }
            }
            long elapsed = System.nanoTime() - begin;
            drain.join();
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + process.exitValue());
            }
            return new Start(elapsed, cpu);
        } finally {
            process.destroyForcibly();
        }
    }

    static List<Start> timesToExit(List<String> command, Path workingDir, int runs)
            throws IOException, InterruptedException {
        List<Start> runsTimed = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            runsTimed.add(timeToExit(command, workingDir));
        }
        return runsTimed;
    }

    static List<Start> times(List<String> command, Path workingDir, int runs) throws IOException, InterruptedException {
        List<Start> starts = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            starts.add(time(command, workingDir));
        }
        return starts;
    }

    static Distribution wall(List<Start> starts) {
        return Distribution.ofNanos(starts.stream().mapToLong(Start::wallNanos).toArray());
    }

    /** CPU time to the prompt, or null when the platform does not report it. */
    static Distribution cpu(List<Start> starts) {
        long[] cpu = starts.stream().mapToLong(Start::cpuNanos).toArray();
        return java.util.Arrays.stream(cpu).anyMatch(c -> c < 0) ? null : Distribution.ofNanos(cpu);
    }

    private static String tail(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 300 ? flat : "..." + flat.substring(flat.length() - 300);
    }
}
