package dev.citeqa.answer;

import java.util.Optional;
import java.util.function.Consumer;

import dev.citeqa.config.ProviderSettings;

/**
 * Writes an answer from numbered passages: the offline extractive answerer, or a model reached through
 * LangChain4j. Text is handed to {@code tokens} as it is produced; the whole reply is returned at the end.
 */
public interface Answerer {

    /** What the user sees as the provider: "extractive", "openai", ... */
    String name();

    Reply answer(AnswerRequest request, Consumer<String> tokens);

    /** The model and server behind this answerer; empty for an offline one. */
    default Optional<ProviderSettings> provider() {
        return Optional.empty();
    }

    /**
     * Answers, giving up with {@link AnswerStopped} as soon as {@code stop} is raised (Ctrl-C). Answerers that finish
     * at once may ignore it.
     */
    default Reply answer(AnswerRequest request, Consumer<String> tokens, StopSignal stop) {
        return answer(request, tokens);
    }

    default Reply answer(AnswerRequest request) {
        return answer(request, token -> {
        });
    }
}
