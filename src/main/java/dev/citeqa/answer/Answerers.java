package dev.citeqa.answer;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;
import dev.citeqa.index.Embedder;

/** The answerer chosen in configuration, and any other one by provider name (an evaluation compares several). */
@Component
public class Answerers {

    private final Answerer active;

    public Answerers(CiteqaProperties settings) {
        this(settings, SentenceMeaning.NONE);
    }

    /** With the session's embedding model, the extractive answerer also finds paraphrased answers. */
    @Autowired
    public Answerers(CiteqaProperties settings, ObjectProvider<Embedder> embedder) {
        this(settings, embedder.stream().findFirst().map(SentenceMeaning::of).orElse(SentenceMeaning.NONE));
    }

    public Answerers(CiteqaProperties settings, SentenceMeaning meaning) {
        this.active = new ExtractiveAnswerer(settings.answer(), meaning);
    }

    public Answerer active() {
        return active;
    }

    /** The providers that {@link #forProvider} knows. */
    public List<String> providers() {
        return List.of(active.name());
    }

    /**
     * The answerer of a provider, with another model than the configured one when {@code model} is given.
     *
     * @throws Problem when the provider is unknown or takes no model
     */
    public Answerer forProvider(String provider, String model) {
        if (!providers().contains(provider)) {
            throw new Problem("Unknown provider '" + provider + "': use one of " + String.join(", ", providers()) + ".");
        }
        if (model != null && !model.isBlank() && !model.equals(active.name())) {
            throw new Problem("The " + provider + " provider has no models to choose from: drop --model " + model + ".");
        }
        return active;
    }
}
