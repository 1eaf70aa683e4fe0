package dev.citeqa.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import dev.citeqa.config.CiteqaProperties;

/** The settings the product runs with, bound from the top-level application.yml as the application binds them. */
public final class ProductSettings {

    private ProductSettings() {
    }

    public static CiteqaProperties load() {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                    .load("application.yml", new FileSystemResource(Path.of("application.yml")));
            return new Binder(ConfigurationPropertySources.from(sources)).bind("citeqa", CiteqaProperties.class)
                    .orElseThrow(() -> new IllegalStateException("application.yml has no citeqa settings"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
