package dev.citeqa.answer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Raised when the user wants a running answer stopped (Ctrl-C). A flag plus callbacks rather than a thread
 * interrupt, because an interrupt reaching Lucene's file channels would close them under the index.
 */
public final class StopSignal {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    public static StopSignal never() {
        return new StopSignal();
    }

    public void stop() {
        stopped = true;
        listeners.forEach(Runnable::run);
    }

    public boolean stopped() {
        return stopped;
    }

    /** Runs {@code action} when stopped (at once if already stopped) until the returned handle is closed. */
    public Registration onStop(Runnable action) {
        listeners.add(action);
        if (stopped) {
            action.run();
        }
        return () -> listeners.remove(action);
    }

    /** Ends a registration; closing never fails. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
