package dev.citeqa.shell;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

import dev.citeqa.eval.EvalService;

/**
 * The evaluation's progress bar with the running score. On a terminal it is redrawn in place; elsewhere (a pipe,
 * a CI log) it is printed as a new line at every tenth of the questions, so logs stay readable.
 */
final class EvalProgressBar implements Consumer<EvalService.Progress> {

    private static final int WIDTH = 24;

    private final PrintWriter out;
    private final boolean redraw;
    private int lastTenth = -1;
    private int lastLength;

    EvalProgressBar(PrintWriter out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    @Override
    public void accept(EvalService.Progress p) {
        String line = render(p);
        int done = p.run().done();
        int total = p.run().total();
        if (redraw) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
            if (done == total) {
                out.println();
            }
            out.flush();
            return;
        }
        int tenth = done * 10 / total;
        if (tenth > lastTenth || done == total) {
            lastTenth = done == total ? -1 : tenth;
            out.println(line);
            out.flush();
        }
    }

    static String render(EvalService.Progress p) {
        int done = p.run().done();
        int total = p.run().total();
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String provider = p.providers() > 1 ? p.provider() + " (" + p.providerNumber() + "/" + p.providers() + ") "
                : p.provider() + " ";
        return String.format(Locale.ROOT, "%s[%s%s] %d/%d  answers right %.2f  abstention right %.2f  (%s)",
                provider, "#".repeat(filled), "-".repeat(WIDTH - filled), done, total, p.run().answerAccuracy(),
                p.run().abstentionAccuracy(), p.run().id());
    }

    /** Whether standard output goes to a terminal. */
    static boolean terminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22+ returns a console even when redirected and says whether it is a terminal; JDK 21 returns null.
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
