package dev.citeqa.answer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.index.Embedder;

/** The answerer chosen in configuration. */
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
}
