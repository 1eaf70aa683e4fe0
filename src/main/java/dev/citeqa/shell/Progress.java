package dev.citeqa.shell;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import dev.citeqa.index.IndexSummary;
import dev.citeqa.index.Indexer;
import dev.citeqa.ingest.DocumentReader;

/** Indexing progress as plain lines (every tenth of the files), readable in a terminal and in a log alike. */
final class Progress {

    private static final int QUIET_BELOW = 50;

    private Progress() {
    }

    static Consumer<Indexer.Progress> to(PrintWriter out) {
        int[] lastTenth = {-1};
        return p -> {
            if (p.total() < QUIET_BELOW) {
                return;
            }
            if (p.done() == 0 && lastTenth[0] < 0) {
                out.printf("Indexing %d files...%n", p.total());
                lastTenth[0] = 0;
            }
            int tenth = p.done() * 10 / p.total();
            if (tenth > lastTenth[0]) {
                lastTenth[0] = tenth;
                out.printf("  %d%% (%d/%d files)%n", tenth * 10, p.done(), p.total());
                out.flush();
            }
        };
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
