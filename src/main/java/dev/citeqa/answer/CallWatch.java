package dev.citeqa.answer;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingHandle;

/**
 * One request to a provider as the answerer waits for it: what LangChain4j reports and what the HTTP client sees
 * (a stream that ended, an event that could not be read) arrive as events in one queue, and the request can be
 * aborted. Some clients (Anthropic, Ollama) never report a stream that ends early, so the HTTP side has to.
 */
final class CallWatch {

    /** What happened during a request, in the order it happened. */
    sealed interface Event {
        record Token(String text) implements Event {
        }

        record Done(ChatResponse response) implements Event {
        }

        record Failed(Throwable error) implements Event {
        }

        /** The response body ended; after Done this is expected, before it the reply was cut. */
        record Ended() implements Event {
        }

        record Stopped() implements Event {
        }
    }

    private final BlockingQueue<Event> events;
    private final List<Future<?>> requests = new CopyOnWriteArrayList<>();
    private final List<InputStream> bodies = new CopyOnWriteArrayList<>();
    private volatile StreamingHandle handle;
    private volatile boolean aborted;

    CallWatch(BlockingQueue<Event> events) {
        this.events = events;
    }

    void report(Event event) {
        if (!aborted) {
            events.add(event);
        }
    }

    void sending(Future<?> request) {
        requests.add(request);
        if (aborted) {
            request.cancel(true);
        }
    }

    void reading(InputStream body) {
        bodies.add(body);
        if (aborted) {
            closeQuietly(body);
        }
    }

    void streamingHandle(StreamingHandle streamingHandle) {
        this.handle = streamingHandle;
    }

    boolean aborted() {
        return aborted;
    }

    /** Stops whatever is still in flight; later events are dropped. */
    void abort() {
        aborted = true;
        StreamingHandle h = handle;
        if (h != null && !h.isCancelled()) {
            h.cancel();
        }
        requests.forEach(r -> r.cancel(true));
        bodies.forEach(CallWatch::closeQuietly);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // the stream is being abandoned; nothing is waiting for it
        }
    }
}
