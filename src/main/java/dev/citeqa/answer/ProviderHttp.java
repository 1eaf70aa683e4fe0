package dev.citeqa.answer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

/**
 * The one HTTP client setup of a provider: every LangChain4j model of the provider (plain and streaming) is built
 * with this builder and shares one JDK client. It differs from LangChain4j's JDK client in what the answerer needs:
 * error responses keep their Retry-After header, each request is tied to the {@link CallWatch} of the answer that
 * sent it (so Ctrl-C or a stall can abort it), and a stream that ends before the reply is complete is reported.
 */
final class ProviderHttp implements HttpClientBuilder {

    /** The answer call on whose thread LangChain4j sends a request; LangChain4j sends on the caller's thread. */
    private final ThreadLocal<CallWatch> current = new ThreadLocal<>();
    private Duration connectTimeout;
    private Duration readTimeout;
    private java.net.http.HttpClient jdk;

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    @Override
    public synchronized HttpClient build() {
        if (jdk == null) {
            java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder()
                    // HTTP/1.1: local OpenAI-compatible servers mishandle the h2c upgrade, and SSE needs nothing more
                    .version(java.net.http.HttpClient.Version.HTTP_1_1);
            if (connectTimeout != null) {
                builder.connectTimeout(connectTimeout);
            }
            jdk = builder.build();
        }
        return new Client(jdk, readTimeout);
    }

    /** Runs {@code send} with its requests tied to {@code call}. */
    <T> T during(CallWatch call, Supplier<T> send) {
        CallWatch previous = current.get();
        current.set(call);
        try {
            return send.get();
        } finally {
            current.set(previous);
        }
    }

    private CallWatch call() {
        CallWatch call = current.get();
        return call != null ? call : new CallWatch(new java.util.concurrent.LinkedBlockingQueue<>());
    }

    private final class Client implements HttpClient {

        private final java.net.http.HttpClient jdk;
        private final Duration readTimeout;

        Client(java.net.http.HttpClient jdk, Duration readTimeout) {
            this.jdk = jdk;
            this.readTimeout = readTimeout;
        }

        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) {
            CallWatch call = call();
            CompletableFuture<HttpResponse<String>> sent = jdk.sendAsync(jdkRequest(request),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            call.sending(sent);
            HttpResponse<String> response;
            try {
                response = sent.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sent.cancel(true);
                throw new AnswerStopped();
            } catch (CancellationException e) {
                throw new AnswerStopped();
            } catch (ExecutionException e) {
                throw unchecked(e.getCause());
            }
            if (!successful(response.statusCode())) {
                throw new ProviderHttpException(response.statusCode(), response.body(), retryAfter(response));
            }
            return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).body(response.body()).build();
        }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            CallWatch call = call();
            CompletableFuture<HttpResponse<InputStream>> requested = jdk.sendAsync(jdkRequest(request),
                    HttpResponse.BodyHandlers.ofInputStream());
            call.sending(requested);
            CompletableFuture<Void> sent = requested.thenAccept(response -> {
                        try {
                            if (!successful(response.statusCode())) {
                                listener.onError(new ProviderHttpException(response.statusCode(),
                                        read(response.body()), retryAfter(response)));
                                return;
                            }
                            call.reading(response.body());
                            listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                                    .headers(response.headers().map()).build());
                            try (InputStream body = response.body()) {
                                parser.parse(body, new Guarded(listener, call));
                                listener.onClose();
                            } catch (IOException e) {
                                listener.onError(e);
                            }
                        } finally {
                            call.report(new CallWatch.Event.Ended());
                        }
                    });
            sent.exceptionally(failure -> {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (!(cause instanceof CancellationException)) {
                    listener.onError(unchecked(cause));
                }
                call.report(new CallWatch.Event.Ended());
                return null;
            });
        }

        private java.net.http.HttpRequest jdkRequest(HttpRequest request) {
            java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
            request.headers().forEach((name, values) -> {
                if (values != null) {
                    values.forEach(value -> builder.header(name, value));
                }
            });
            builder.method(request.method().name(), request.body() == null
                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
            if (readTimeout != null) {
                builder.timeout(readTimeout);
            }
            return builder.build();
        }
    }

    /**
     * Passes events on, and reports an event the provider's parser could not read: some parsers swallow that
     * failure, which would leave the answer waiting for a completion that never comes.
     */
    private record Guarded(ServerSentEventListener listener, CallWatch call) implements ServerSentEventListener {

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            try {
                listener.onEvent(event, context);
            } catch (RuntimeException e) {
                call.report(new CallWatch.Event.Failed(e));
                throw e;
            }
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                call.report(new CallWatch.Event.Failed(e));
                throw e;
            }
        }

        @Override
        public void onError(Throwable throwable) {
            listener.onError(throwable);
        }
    }

    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof HttpTimeoutException timeout) {
            return new TimeoutException(timeout);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new RuntimeException(cause);
    }

    private static boolean successful(int status) {
        return status >= 200 && status < 300;
    }

    private static String read(InputStream body) {
        try (body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            body.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(the error body could not be read: " + e.getMessage() + ")";
        }
    }

    /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(ProviderHttp::parseRetryAfter).orElse(null);
    }

    static Duration parseRetryAfter(String value) {
        String v = value.strip();
        try {
            if (v.matches("\\d+(\\.\\d+)?")) {
                return Duration.ofMillis((long) (Double.parseDouble(v) * 1000));
            }
            Duration until = Duration.between(ZonedDateTime.now(),
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
