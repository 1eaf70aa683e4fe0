package dev.citeqa.answer;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.citeqa.answer.CallWatch.Event;
import dev.citeqa.answer.ProviderFailure.Kind;
import dev.citeqa.config.ProviderSettings;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

/**
 * An answer written by a model reached through LangChain4j, for every provider alike: the prompt comes from the
 * prompt files, the reply is streamed or fetched whole, and failures are retried or reported in one line.
 * Timeouts, 429 and 5xx are retried with doubling waits (a 429's Retry-After wins) while nothing has been shown yet;
 * once tokens are on the screen a retry would print the answer twice, so the failure is reported instead.
 */
public final class LlmAnswerer implements Answerer {

    private static final Log LOG = LogFactory.getLog(LlmAnswerer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProviderSettings settings;
    private final Prompts prompts;
    private final Pause pause;
    private final ProviderHttp http = new ProviderHttp();
    private final Redactor redactor;
    private ProviderModels models;

    public LlmAnswerer(ProviderSettings settings, Prompts prompts, Pause pause) {
        this.settings = settings;
        this.prompts = prompts;
        this.pause = pause;
        this.redactor = new Redactor(settings.keyValue());
    }

    @Override
    public String name() {
        return settings.kind().id();
    }

    @Override
    public Optional<ProviderSettings> provider() {
        return Optional.of(settings);
    }

    public ProviderSettings settings() {
        return settings;
    }

    @Override
    public Reply answer(AnswerRequest request, Consumer<String> tokens) {
        return answer(request, tokens, StopSignal.never());
    }

    @Override
    public Reply answer(AnswerRequest request, Consumer<String> tokens, StopSignal stop) {
        Prompts.Messages messages = prompts.answer(request);
        return call(messages.system(), messages.user(), tokens, stop, settings.stream());
    }

    /**
     * One whole reply to a prompt of one's own (follow-up rewriting), with the same retries and failures.
     *
     * @param system the system prompt, or null for none
     */
    public String complete(String system, String user, StopSignal stop) {
        return call(system, user, token -> {
        }, stop, false).text();
    }

    private synchronized ProviderModels models() {
        if (models == null) {
            models = ProviderModels.build(settings, http);
        }
        return models;
    }

    private synchronized Reply call(String system, String user, Consumer<String> tokens, StopSignal stop,
                                    boolean stream) {
        ChatRequest request = ChatRequest.builder().messages(system == null
                ? List.of(UserMessage.from(user))
                : List.of(SystemMessage.from(system), UserMessage.from(user))).build();
        for (int attempt = 1; ; attempt++) {
            Attempt state = new Attempt();
            try {
                return stream ? streamed(request, tokens, stop, state) : whole(request, tokens, stop, state);
            } catch (Fault fault) {
                boolean again = fault.retryable() && !state.shown && attempt <= settings.retries();
                Duration wait = again ? wait(attempt, fault.retryAfter()) : null;
                if (!again || wait.compareTo(settings.maxRetryWait()) > 0) {
                    ProviderFailure failure = report(fault, attempt, wait != null && again);
                    LOG.warn(failure.getMessage());
                    throw failure;
                }
                LOG.info(name() + ": attempt " + attempt + " failed (" + redactor.clean(fault.summary())
                        + "); retrying in " + wait.toMillis() + " ms");
                pause.pause(wait, stop);
            }
        }
    }

    /** What one attempt did that decides whether it may be retried. */
    private static final class Attempt {
        boolean shown;
        int characters;
    }

    private Reply streamed(ChatRequest request, Consumer<String> tokens, StopSignal stop, Attempt state) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        CallWatch call = new CallWatch(events);
        StreamingChatResponseHandler handler = new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                call.streamingHandle(context.streamingHandle());
                call.report(new Event.Token(partial.text()));
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                call.report(new Event.Done(response));
            }

            @Override
            public void onError(Throwable error) {
                call.report(new Event.Failed(error));
            }
        };
        try (StopSignal.Registration ignored = stop.onStop(() -> events.add(new Event.Stopped()))) {
            try {
                http.during(call, () -> {
                    models().streaming().chat(request, handler);
                    return null;
                });
            } catch (RuntimeException e) {
                throw classify(e, state);
            }
            StringBuilder text = new StringBuilder();
            while (true) {
                // the timeout runs from the last thing received, so a long answer that keeps streaming is fine
                Event event = events.poll(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
                switch (event) {
                    case null -> throw new Fault(Kind.TIMEOUT, 0, "no data for " + seconds(settings.timeout()), null,
                            !state.shown);
                    case Event.Token token -> {
                        if (token.text() != null && !token.text().isEmpty()) {
                            text.append(token.text());
                            state.shown = true;
                            state.characters += token.text().length();
                            tokens.accept(token.text());
                        }
                    }
                    case Event.Done done -> {
                        return reply(done.response(), text.toString(), true);
                    }
                    case Event.Failed failed -> throw classify(failed.error(), state);
                    case Event.Ended ended -> throw cutOff(state);
                    case Event.Stopped stopped -> throw new AnswerStopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnswerStopped();
        } catch (Fault | AnswerStopped e) {
            throw e;
        } catch (RuntimeException e) {
            throw classify(e, state);
        } finally {
            call.abort();
        }
    }

    private Reply whole(ChatRequest request, Consumer<String> tokens, StopSignal stop, Attempt state) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        CallWatch call = new CallWatch(events);
        ProviderModels built = models();
        // on its own thread, so that Ctrl-C can leave the wait while the request is cancelled
        Thread.ofVirtual().name("citeqa-" + name()).start(() -> {
            try {
                ChatResponse response = http.during(call, () -> built.plain().chat(request));
                call.report(new Event.Done(response));
            } catch (RuntimeException e) {
                call.report(new Event.Failed(e));
            }
        });
        try (StopSignal.Registration ignored = stop.onStop(() -> events.add(new Event.Stopped()))) {
            // the HTTP request has its own timeout; this one only guards against a client that never returns
            Event event = events.poll(settings.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
            switch (event) {
                case null -> throw new Fault(Kind.TIMEOUT, 0, "no reply within " + seconds(settings.timeout()),
                        null, true);
                case Event.Done done -> {
                    Reply reply = reply(done.response(), null, false);
                    tokens.accept(reply.text());
                    return reply;
                }
                case Event.Failed failed -> throw classify(failed.error(), state);
                case Event.Stopped stopped -> throw new AnswerStopped();
                default -> throw new Fault(Kind.OTHER, 0, "unexpected event " + event, null, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnswerStopped();
        } catch (Fault | AnswerStopped e) {
            throw e;
        } catch (RuntimeException e) {
            throw classify(e, state);
        } finally {
            call.abort();
        }
    }

    private Reply reply(ChatResponse response, String streamedText, boolean streamed) {
        String text = response.aiMessage() != null && response.aiMessage().text() != null
                ? response.aiMessage().text() : streamedText;
        FinishReason finish = response.finishReason();
        if (text == null || text.isBlank()) {
            throw new Fault(Kind.EMPTY, 0, finish == FinishReason.LENGTH ? "the token limit was reached before any "
                    + "text" : "finish reason " + (finish == null ? "none" : finish.name().toLowerCase()), null, false);
        }
        if (streamed && finish == null) {
            // the stream ended without the provider's closing event: the reply is incomplete
            throw new Fault(Kind.CUT_OFF, 0, "the stream ended after " + text.length()
                    + " characters without the provider's end-of-reply marker", null, false);
        }
        String notice = switch (finish) {
            case LENGTH -> "The reply was cut at the limit of " + settings.maxOutputTokens() + " output tokens; raise "
                    + "citeqa.providers." + settings.kind().id() + ".max-output-tokens for longer answers.";
            case CONTENT_FILTER -> "The provider's content filter cut the reply short.";
            case null, default -> null;
        };
        TokenUsage usage = response.tokenUsage();
        return new Reply(text, response.modelName() != null ? response.modelName() : settings.model(),
                usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount(), name(), notice);
    }

    private Fault cutOff(Attempt state) {
        return state.shown
                ? new Fault(Kind.CUT_OFF, 0, "the stream ended after " + state.characters
                + " characters, before the reply was complete", null, false)
                : new Fault(Kind.MALFORMED, 0, "the stream ended without a reply the client could read", null, false);
    }

    /** A failure of one attempt, before it is worded for the user. */
    private static final class Fault extends RuntimeException {
        final Kind kind;
        final int status;
        final String detail;
        final Duration retryAfter;
        final boolean retryable;

        Fault(Kind kind, int status, String detail, Duration retryAfter, boolean retryable) {
            super(kind + " " + status, null, false, false);
            this.kind = kind;
            this.status = status;
            this.detail = detail;
            this.retryAfter = retryAfter;
            this.retryable = retryable;
        }

        boolean retryable() {
            return retryable;
        }

        Duration retryAfter() {
            return retryAfter;
        }

        String summary() {
            return (status > 0 ? "HTTP " + status + ": " : "") + kind.name().toLowerCase().replace('_', ' ')
                    + (detail == null ? "" : ", " + detail);
        }
    }

    private Fault classify(Throwable error, Attempt state) {
        if (error instanceof Fault fault) {
            return fault;
        }
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (c instanceof AnswerStopped stopped) {
                throw stopped;
            }
            if (c instanceof HttpException http) {
                Duration retryAfter = http instanceof ProviderHttpException p ? p.retryAfter() : null;
                return httpFault(http.statusCode(), providerMessage(http.getMessage()), retryAfter, state);
            }
        }
        for (Throwable c = error; c != null; c = c.getCause()) {
            String type = c.getClass().getName();
            if (c instanceof dev.langchain4j.exception.TimeoutException || c instanceof java.net.http.HttpTimeoutException
                    || c instanceof java.util.concurrent.TimeoutException) {
                return new Fault(Kind.TIMEOUT, 0, "no reply within " + seconds(settings.timeout()), null, !state.shown);
            }
            if (type.contains("Json") || type.contains("Jackson") || type.contains("Mismatched")) {
                return new Fault(Kind.MALFORMED, 0, firstLine(c.getMessage()), null, false);
            }
            if (c instanceof ConnectException || c instanceof UnknownHostException
                    || c instanceof UnresolvedAddressException || c instanceof UnresolvedModelServerException) {
                String why = c instanceof ConnectException ? "connection refused"
                        : c instanceof UnknownHostException && c.getMessage() != null ? "unknown host " + c.getMessage()
                        : "the host name does not resolve";
                return new Fault(Kind.UNREACHABLE, 0, why, null, false);
            }
            if (c instanceof java.io.IOException) {
                return state.shown
                        ? new Fault(Kind.CUT_OFF, 0, "the connection broke after " + state.characters + " characters ("
                        + firstLine(c.getMessage()) + ")", null, false)
                        : new Fault(Kind.NETWORK, 0, firstLine(String.valueOf(c.getMessage())), null, true);
            }
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // OpenAI's stream "error" events arrive as an exception carrying the event's JSON
        String said = providerMessage(root.getMessage());
        return new Fault(Kind.OTHER, 0, said == null ? root.getClass().getSimpleName() : said, null, false);
    }

    private Fault httpFault(int status, String message, Duration retryAfter, Attempt state) {
        Kind kind = status == 429 ? Kind.RATE_LIMITED
                : status >= 500 ? Kind.SERVER_ERROR
                : status == 408 ? Kind.TIMEOUT
                : status == 401 || status == 403 ? Kind.KEY_REJECTED
                : status == 404 ? Kind.NOT_FOUND
                : Kind.REJECTED;
        boolean retryable = (kind == Kind.RATE_LIMITED || kind == Kind.SERVER_ERROR || kind == Kind.TIMEOUT)
                && !state.shown;
        return new Fault(kind, status, message, retryAfter, retryable);
    }

    private Duration wait(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter;
        }
        long base = settings.retryBackoff().toMillis();
        return Duration.ofMillis(Math.min(base << Math.min(attempt - 1, 20), settings.maxRetryWait().toMillis()));
    }

    /** The one line the user sees, with the provider's own words and no key. */
    private ProviderFailure report(Fault fault, int attempts, boolean waitTooLong) {
        String who = name() + " (" + settings.model() + ")";
        String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
        String said = fault.detail == null || fault.detail.isBlank() ? "" : ": " + fault.detail;
        String offline = ProviderSettings.OFFLINE;
        String message = switch (fault.kind) {
            case TIMEOUT -> who + " did not answer in time" + tries + " (" + (fault.status > 0 ? "HTTP " + fault.status
                    + said : fault.detail) + "). Ask again, raise citeqa.providers." + name() + ".timeout, "
                    + offline + ".";
            case RATE_LIMITED -> who + " is limiting requests (HTTP 429" + said + ")"
                    + (waitTooLong ? " and asks to wait " + seconds(fault.retryAfter) : tries)
                    + ". Wait a little and ask again, " + offline + ".";
            case SERVER_ERROR -> who + " failed" + tries + " (HTTP " + fault.status + said + "). Ask again later, "
                    + offline + ".";
            case KEY_REJECTED -> who + " refused the request (HTTP " + fault.status + said + "): check "
                    + (settings.apiKey() == null ? "that the server needs no key" : "the key in "
                    + settings.apiKey().variable()) + ", " + offline + ".";
            case NOT_FOUND -> who + " answered HTTP 404" + said + ": check the model name (--model) and the base URL "
                    + settings.baseUrl() + ".";
            case REJECTED -> who + " rejected the request (HTTP " + fault.status + said + ").";
            case UNREACHABLE -> "Cannot reach " + name() + " at " + settings.baseUrl() + " (" + fault.detail
                    + "): is the server running and the URL right? Or " + offline.substring(3) + ".";
            case NETWORK -> who + " could not be reached" + tries + said + ". Ask again, " + offline + ".";
            case MALFORMED -> who + " sent a reply that could not be read (malformed" + said + "); nothing was kept. "
                    + "Ask again, or try another model.";
            case CUT_OFF -> who + " sent an incomplete reply (truncated: " + fault.detail + "); it was not kept. "
                    + "Ask again.";
            case EMPTY -> who + " sent an empty reply (" + fault.detail + "). Ask again, or try another model.";
            case OTHER -> who + " failed" + said + ".";
        };
        return new ProviderFailure(fault.kind, attempts, oneLine(redactor.clean(message)));
    }

    /** The message a provider put in an error body (OpenAI, Anthropic, Gemini and Ollama shapes), else the body. */
    static String providerMessage(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(body);
            for (JsonNode candidate : new JsonNode[]{root.path("error").path("message"), root.path("error"),
                    root.path("message"), root.path("detail")}) {
                if (candidate.isTextual() && !candidate.asText().isBlank()) {
                    return clip(candidate.asText());
                }
            }
        } catch (Exception notJson) {
            // a proxy's HTML page or plain text: shown as it is, shortened
        }
        return clip(body.replaceAll("<[^>]{0,200}>", " "));
    }

    private static String clip(String text) {
        String flat = oneLine(text);
        return flat.length() <= 240 ? flat : flat.substring(0, 239) + "…";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    private static String firstLine(String text) {
        return text == null ? "" : clip(text.lines().findFirst().orElse(""));
    }

    private static String seconds(Duration d) {
        return d == null ? "?" : d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
