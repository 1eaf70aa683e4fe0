package dev.citeqa.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The names of every setting, read from the {@link CiteqaProperties} record tree, so a misspelt one can be answered
 * with the nearest real ones. A record of this package is a group; anything else is a setting.
 */
public final class SettingNames {

    private SettingNames() {
    }

    public static List<String> all() {
        List<String> names = new ArrayList<>();
        collect("citeqa", CiteqaProperties.class, names);
        return names;
    }

    /** What a value of this type looks like, for the line that reports a value of the wrong type. */
    public static String accepted(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "a number such as 0.5";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == java.time.Duration.class) {
            return "a duration such as 30s or 500ms";
        }
        if (type == java.nio.file.Path.class) {
            return "a folder or file path";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a comma-separated list";
        }
        return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static void collect(String prefix, Class<?> type, List<String> names) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            Class<?> value = component.getType();
            if (value.isRecord() && value.getPackage().equals(CiteqaProperties.class.getPackage())) {
                collect(name, value, names);
            } else {
                names.add(name);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
