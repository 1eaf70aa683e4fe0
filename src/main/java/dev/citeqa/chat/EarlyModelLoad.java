package dev.citeqa.chat;

import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.ProviderKind;
import dev.citeqa.index.Embedder;
import dev.citeqa.index.LuceneIndex;

/**
 * For a single {@code ask}, starts loading the embedding model as soon as the settings are known, so that it loads
 * on the second core while Spring builds the application (each takes most of a second), instead of after it. Only
 * when the question will be embedded: the offline reader always embeds it (it compares the question with candidate
 * sentences by their vectors); with a language model, only retrieval does, when every passage of the index has its
 * vector and retrieval is not BM25 alone.
 */
public final class EarlyModelLoad implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private final List<String> command;

    /** {@code command}: the command given on the command line, its name first. */
    public EarlyModelLoad(List<String> command) {
        this.command = command;
    }

    /** Right after the settings files are read, before logging and the rest of Spring's start. */
    @Override
    public int getOrder() {
        return EnvironmentPostProcessorApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (command.isEmpty() || !command.getFirst().equals("ask")) {
            return;
        }
        CiteqaProperties settings;
        try {
            settings = Binder.get(event.getEnvironment()).bind("citeqa", CiteqaProperties.class).orElse(null);
        } catch (RuntimeException e) {
            return; // a bad setting is reported once the application starts
        }
        if (settings == null || settings.retrieval().embeddingModel().equals(Embedder.NONE)) {
            return;
        }
        Embedder embedder = Embedder.shared(settings.retrieval().embeddingModel());
        if (ProviderKind.EXTRACTIVE.id().equals(settings.answer().provider())) {
            embedder.warmUp();
            return;
        }
        if (command.contains("bm25") || settings.retrieval().mode().equals("bm25")) {
            return;
        }
        String docs = option("--docs");
        String data = option("--data");
        Thread probe = new Thread(() -> {
            if (LuceneIndex.vectorsReady(Workspaces.dataFolder(settings, docs, data))) {
                embedder.warmUp();
            }
        }, "citeqa-early-model");
        probe.setDaemon(true);
        probe.start();
    }

    private String option(String name) {
        int at = command.indexOf(name);
        return at >= 0 && at + 1 < command.size() ? command.get(at + 1) : null;
    }
}
