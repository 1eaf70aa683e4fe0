package dev.citeqa.shell;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import dev.citeqa.index.EmbeddingProgress;
import dev.citeqa.index.IndexSummary;
import dev.citeqa.index.Indexer;
import dev.citeqa.ingest.DocumentReader;

/**
 * Progress of work that lasts longer than about a second: files read, passages split, passages embedded with the
 * rate and the time left. Nothing is shown for shorter work. On a terminal one line is redrawn in place; elsewhere
 * (a pipe, a log, stderr of a script) a plain line is written every few seconds.
 */
final class Progress implements AutoCloseable {

    /** Work that ends sooner shows no progress. */
    static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    /** How often a plain line is written; a line redrawn in place is redrawn every {@link #REDRAW_NANOS}. */
    static final long LINE_EVERY_NANOS = 5_000_000_000L;
    static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter out;
    private final boolean inPlace;
    private final LongSupplier clock;
    private final long begin;
    private long shownAt = -1;
    private boolean drawn;

    Progress(PrintWriter out, boolean inPlace) {
        this(out, inPlace, System::nanoTime);
    }

    Progress(PrintWriter out, boolean inPlace, LongSupplier clock) {
        this.out = out;
        this.inPlace = inPlace;
        this.clock = clock;
        this.begin = clock.getAsLong();
    }

    /** Plain lines: for logs, pipes and a script's stderr. */
    static Progress lines(PrintWriter out) {
        return new Progress(out, false);
    }

    /** Files read, then passages split; the turn from one to the other is shown at once. */
    Consumer<Indexer.Progress> files() {
        boolean[] splitting = {false};
        return p -> {
            if (p.done() < p.total()) {
                show(String.format("Indexing: %d/%d files read", p.done(), p.total()), false);
            } else {
                show(String.format("Indexing: %d files read, %d passages split", p.total(), p.passages()),
                        !splitting[0]);
                splitting[0] = true;
            }
        };
    }

    /** Passages embedded, the rate and the time left. */
    Consumer<EmbeddingProgress> embedding() {
        return p -> show(p.line(), false);
    }

    private void show(String line, boolean turn) {
        long now = clock.getAsLong();
        if (now - begin < SHOW_AFTER_NANOS
                || !turn && shownAt >= 0 && now - shownAt < (inPlace ? REDRAW_NANOS : LINE_EVERY_NANOS)) {
            return;
        }
        shownAt = now;
        if (inPlace) {
            out.print("\r\033[K" + line);
            drawn = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Clears a line drawn in place, so that what follows starts on a clean line. */
    @Override
    public void close() {
        if (drawn) {
            out.print("\r\033[K");
            out.flush();
            drawn = false;
        }
    }

    /** Progress as lines to {@code out}: what callers without a terminal of their own use. */
    static Consumer<Indexer.Progress> to(PrintWriter out) {
        return lines(out).files();
    }

    /** The files left out, one line each, then the summary line. */
    static void summary(IndexSummary summary, PrintWriter out) {
        for (DocumentReader.Skipped skipped : summary.skipped()) {
            out.println("  skipped " + TerminalText.safe(skipped.file()) + ": " + TerminalText.safe(skipped.reason()));
        }
        out.println(summary.line());
    }

    static PrintWriter stderr() {
        return new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    }
}
