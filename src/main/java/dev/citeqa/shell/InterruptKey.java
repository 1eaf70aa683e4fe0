package dev.citeqa.shell;

import java.util.function.Consumer;
import java.util.function.Function;

import org.jline.terminal.Terminal;
import org.springframework.stereotype.Component;

import dev.citeqa.answer.StopSignal;
import dev.citeqa.config.Problem;

/**
 * Ctrl-C while a command runs. Outside the line editor JLine passes Ctrl-C on as the INT signal, whose default
 * ends the program; at the prompt, for the length of each typed command, it raises that command's stop signal
 * instead, and the work that command does (indexing, an offline or an LLM answer) checks it and ends, back at the
 * prompt. A flag rather than a thread interrupt: an interrupt reaching Lucene's file channels would close them.
 */
@Component
public class InterruptKey {

    private volatile Terminal terminal;
    private volatile StopSignal command;

    /** The interactive shell's terminal; without one (a single command) Ctrl-C keeps ending the program. */
    void attach(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Routes Ctrl-C to {@code stop} until the returned handle is closed: the length of one typed command. */
    Handle forCommand(StopSignal stop) {
        Terminal t = terminal;
        if (t == null) {
            return () -> {
            };
        }
        command = stop;
        Terminal.SignalHandler previous = t.handle(Terminal.Signal.INT, signal -> stop.stop());
        return () -> {
            command = null;
            t.handle(Terminal.Signal.INT, previous);
        };
    }

    /** Runs {@code onInterrupt} on Ctrl-C until the returned handle is closed (at once if Ctrl-C came already). */
    Handle during(Runnable onInterrupt) {
        StopSignal running = command;
        if (running != null) {
            StopSignal.Registration registration = running.onStop(onInterrupt);
            return registration::close;
        }
        Terminal t = terminal;
        if (t == null) {
            return () -> {
            };
        }
        Terminal.SignalHandler previous = t.handle(Terminal.Signal.INT, signal -> onInterrupt.run());
        return () -> t.handle(Terminal.Signal.INT, previous);
    }

    /** The running command's stop signal; a signal nothing raises outside a typed command. */
    StopSignal signal() {
        StopSignal running = command;
        return running != null ? running : StopSignal.never();
    }

    /**
     * Progress reports that end the work with {@link Stopped} once Ctrl-C was pressed: the indexer reports before
     * each file and commits only at its end, so a stopped run leaves the index at its last commit.
     */
    private <T> Consumer<T> stopping(Consumer<T> progress) {
        StopSignal stop = signal();
        return report -> {
            if (stop.stopped()) {
                throw new Stopped();
            }
            progress.accept(report);
        };
    }

    /**
     * Runs an indexing {@code step} that reports to {@code progress}, with Ctrl-C seen at each report and once more
     * when the step returns: a Ctrl-C that lands after the last report (during the commit, on a loaded machine) still
     * ends the command with {@link Stopped}; what the step committed stands.
     */
    <P, T> T indexing(Function<Consumer<P>, T> step, Consumer<P> progress) {
        StopSignal stop = signal();
        T done = step.apply(stopping(progress));
        if (stop.stopped()) {
            throw new Stopped();
        }
        return done;
    }

    /** Indexing ended by Ctrl-C, before its commit. */
    static final class Stopped extends Problem {
        Stopped() {
            super("Stopped; the index keeps its last commit (the next question or index brings it up to date).");
        }
    }

    /** Puts the previous Ctrl-C handling back. */
    interface Handle extends AutoCloseable {
        @Override
        void close();
    }
}
