package dev.citeqa.chat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.index.Embedder;

/** The session's one embedding model, shared by indexing, retrieval and the extractive answerer. */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

    @Bean
    Embedder embedder(CiteqaProperties settings) {
        return Embedder.shared(settings.retrieval().embeddingModel());
    }
}
