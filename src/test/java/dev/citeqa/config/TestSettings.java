package dev.citeqa.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The tests' one way to settings: the product's application.yml, bound as the application binds it, with a few
 * properties set on top (as {@code --citeqa.x=y} would).
 */
public final class TestSettings {

    private TestSettings() {
    }

    /** The settings the product runs with. */
    public static CiteqaProperties product() {
        return product(Map.of());
    }

    /** The product's settings with {@code properties} (names as in application.yml) replacing its values. */
    public static CiteqaProperties product(Map<String, String> properties) {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        sources.add(new MapConfigurationPropertySource(new HashMap<>(properties)));
        try {
            List<PropertySource<?>> yml = new YamlPropertySourceLoader()
                    .load("application.yml", new FileSystemResource(Path.of("application.yml")));
            ConfigurationPropertySources.from(yml).forEach(sources::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Binder(sources).bind("citeqa", CiteqaProperties.class)
                .orElseThrow(() -> new IllegalStateException("application.yml has no citeqa settings"));
    }
}
