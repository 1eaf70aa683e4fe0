package dev.citeqa.answer;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.EnvironmentVariables;
import dev.citeqa.config.Problem;
import dev.citeqa.config.ProviderKind;
import dev.citeqa.config.ProviderSettings;
import dev.citeqa.index.Embedder;

/**
 * The answerer chosen in configuration, switchable while the shell runs. Created at start-up even though beans are
 * lazy, so that a provider without its key or URL fails at once rather than at the first question.
 */
@Component
@Lazy(false)
public class Answerers {

    private final CiteqaProperties settings;
    private final EnvironmentVariables environment;
    private final Prompts prompts;
    private final Pause pause;
    private final SentenceMeaning meaning;
    private volatile Answerer active;

    /** With the session's embedding model, the extractive answerer also finds paraphrased answers. */
    @Autowired
    public Answerers(CiteqaProperties settings, ObjectProvider<EnvironmentVariables> environment,
                     ObjectProvider<Pause> pause, ObjectProvider<Embedder> embedder) {
        this(settings, environment.getIfAvailable(EnvironmentVariables::system), pause.getIfAvailable(Pause::sleeping),
                embedder.stream().findFirst().map(SentenceMeaning::of).orElse(SentenceMeaning.NONE));
    }

    /** With the process's environment and real waits: for code that runs without Spring (tools, tests). */
    public Answerers(CiteqaProperties settings) {
        this(settings, EnvironmentVariables.system(), Pause.sleeping(), SentenceMeaning.NONE);
    }

    /** With the given answer meaning model (the extractive answerer's paraphrase rescue), for tests. */
    public Answerers(CiteqaProperties settings, SentenceMeaning meaning) {
        this(settings, EnvironmentVariables.system(), Pause.sleeping(), meaning);
    }

    public Answerers(CiteqaProperties settings, EnvironmentVariables environment, Pause pause) {
        this(settings, environment, pause, SentenceMeaning.NONE);
    }

    public Answerers(CiteqaProperties settings, EnvironmentVariables environment, Pause pause, SentenceMeaning meaning) {
        this.settings = settings;
        this.environment = environment;
        this.pause = pause;
        this.meaning = meaning;
        this.prompts = new Prompts(settings.answer().prompts());
        this.active = create(settings.answer().provider(), settings.answer().model(), settings.answer().baseUrl());
    }

    public Answerer active() {
        return active;
    }

    /** The providers that {@link #forProvider} knows. */
    public List<String> providers() {
        return ProviderKind.ids();
    }

    /**
     * A provider's answerer, with another model than the configured one when {@code model} is given, without
     * changing the active one (an evaluation compares several).
     *
     * @throws Problem when the provider is unknown or its key or URL is missing
     */
    public Answerer forProvider(String provider, String model) {
        if (ProviderKind.of(provider).orElse(null) == ProviderKind.EXTRACTIVE && model != null && !model.isBlank()) {
            throw new Problem("The extractive provider has no models to choose from: drop --model " + model + ".");
        }
        return create(provider, model, null);
    }

    public Prompts prompts() {
        return prompts;
    }

    /**
     * Makes another provider (or model) the active one. It is checked before the switch, so a missing key leaves the
     * current answerer in place.
     */
    public synchronized Answerer use(String provider, String model, String baseUrl) {
        active = create(provider, model, baseUrl);
        return active;
    }

    private Answerer create(String provider, String model, String baseUrl) {
        ProviderKind kind = ProviderKind.of(provider).orElseThrow(() -> new Problem("Unknown provider '" + provider
                + "': use one of " + String.join(", ", ProviderKind.ids()) + "."));
        if (kind == ProviderKind.EXTRACTIVE) {
            return new ExtractiveAnswerer(settings.answer(), meaning);
        }
        return new LlmAnswerer(ProviderSettings.resolve(kind, model, baseUrl, settings, environment), prompts, pause);
    }

    /**
     * A provider as the {@code provider} command shows it.
     *
     * @param keyVariable the variable its key is read from, or null when it needs none
     * @param problem     what to do before it can be used (set its key or URL variable), or null
     */
    public record Status(String provider, boolean active, String model, String baseUrl, String keyVariable,
                         boolean keySet, String problem) {
    }

    /** Every provider, the active one with its current model and URL, the others as configured. */
    public List<Status> statuses() {
        Answerer current = active;
        List<Status> out = new ArrayList<>();
        for (ProviderKind kind : ProviderKind.values()) {
            boolean isActive = current.name().equals(kind.id());
            if (kind == ProviderKind.EXTRACTIVE) {
                out.add(new Status(kind.id(), isActive, "extractive", null, null, false, null));
                continue;
            }
            if (isActive && current instanceof LlmAnswerer llm) {
                ProviderSettings s = llm.settings();
                out.add(new Status(kind.id(), true, s.model(), s.baseUrl(), keyVariable(kind), s.apiKey() != null, null));
                continue;
            }
            try {
                ProviderSettings s = ProviderSettings.resolve(kind, null, null, settings, environment);
                out.add(new Status(kind.id(), isActive, s.model(), s.baseUrl(), keyVariable(kind), s.apiKey() != null,
                        null));
            } catch (Problem missing) {
                CiteqaProperties.Provider configured = settings.providers().of(kind);
                out.add(new Status(kind.id(), isActive, configured.model(), configured.baseUrl(), keyVariable(kind),
                        false, "set " + ProviderSettings.missingVariable(kind, settings, environment)));
            }
        }
        return out;
    }

    private String keyVariable(ProviderKind kind) {
        return settings.providers().of(kind).apiKeyEnv();
    }
}
