package dev.citeqa.config;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Settings bound the way Spring binds application.yml, from a few properties; the rest take their defaults. */
public final class TestSettings {

    private TestSettings() {
    }

    public static CiteqaProperties bind(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        all.putIfAbsent("citeqa.docs", "seeds");
        return new Binder(new MapConfigurationPropertySource(all)).bindOrCreate("citeqa", CiteqaProperties.class);
    }
}
