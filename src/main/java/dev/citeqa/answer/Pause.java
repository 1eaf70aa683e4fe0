package dev.citeqa.answer;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The wait between retries; Ctrl-C ends it. Tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Pause {

    void pause(Duration wait, StopSignal stop);

    static Pause sleeping() {
        return (wait, stop) -> {
            CountDownLatch stopped = new CountDownLatch(1);
            try (StopSignal.Registration ignored = stop.onStop(stopped::countDown)) {
                stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AnswerStopped();
            }
            if (stop.stopped()) {
                throw new AnswerStopped();
            }
        };
    }
}
