package dev.citeqa.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory of this process at one moment.
 *
 * @param liveHeap   heap still in use right after a full collection: what the open index and its caches keep
 * @param peakHeap   most heap in use (garbage included) seen by a sampler since the phase began, or -1
 * @param rss        resident set size of the whole process (heap, mapped index files, native code)
 * @param peakRss    the kernel's high-water mark of the resident set (VmHWM) since it was last reset, or -1
 */
public record MemoryUse(long liveHeap, long peakHeap, long rss, long peakRss) {

    private static final Path STATUS = Path.of("/proc/self/status");

    /** Collects garbage first, so that {@code liveHeap} is retained memory, not allocation churn. */
    public static MemoryUse now(long peakHeap) {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new MemoryUse(live, peakHeap, statusBytes("VmRSS:"), statusBytes("VmHWM:"));
    }

    /** Asks Linux to restart the resident high-water mark; ignored where /proc does not allow it. */
    public static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // the peak then covers the whole run, which the report says
        }
    }

    static long statusBytes(String key) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").strip()) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Samples heap use in the background; the maximum approximates the phase's peak heap. */
    public static final class HeapSampler implements AutoCloseable {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long max;

        public HeapSampler() {
            thread = new Thread(() -> {
                while (running) {
                    max = Math.max(max, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "citeqa-bench-heap");
            thread.setDaemon(true);
            thread.start();
        }

        public long max() {
            return max;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
