package dev.citeqa.answer;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;

/** The answerer chosen in configuration, and any other one by provider name (an evaluation compares several). */
@Component
public class Answerers {

    private final Answerer active;

    public Answerers(CiteqaProperties settings) {
        this.active = new ExtractiveAnswerer(settings.answer());
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
