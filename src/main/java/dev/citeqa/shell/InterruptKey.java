package dev.citeqa.shell;

import org.jline.terminal.Terminal;
import org.springframework.stereotype.Component;

/**
 * Ctrl-C while an answer runs. Outside the line editor JLine passes Ctrl-C on as the INT signal, whose default
 * ends the program; for the length of an answer it is routed to a stop action instead, then handed back.
 */
@Component
public class InterruptKey {

    private volatile Terminal terminal;

    /** The interactive shell's terminal; without one (a single command) Ctrl-C keeps ending the program. */
    void attach(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Routes Ctrl-C to {@code onInterrupt} until the returned handle is closed. */
    Handle during(Runnable onInterrupt) {
        Terminal t = terminal;
        if (t == null) {
            return () -> {
            };
        }
        Terminal.SignalHandler previous = t.handle(Terminal.Signal.INT, signal -> onInterrupt.run());
        return () -> t.handle(Terminal.Signal.INT, previous);
    }

    /** Puts the previous Ctrl-C handling back. */
    interface Handle extends AutoCloseable {
        @Override
        void close();
    }
}
