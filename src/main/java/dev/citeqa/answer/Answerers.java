package dev.citeqa.answer;

import org.springframework.stereotype.Component;

import dev.citeqa.config.CiteqaProperties;

/** The answerer chosen in configuration. */
@Component
public class Answerers {

    private final Answerer active;

    public Answerers(CiteqaProperties settings) {
        this.active = new ExtractiveAnswerer(settings.answer());
    }

    public Answerer active() {
        return active;
    }
}
