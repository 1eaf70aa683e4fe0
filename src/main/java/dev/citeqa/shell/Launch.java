package dev.citeqa.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jline.utils.Levenshtein;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.convert.ConversionException;

import dev.citeqa.config.Problem;
import dev.citeqa.config.SettingNames;
import dev.citeqa.config.Settings;

/**
 * The program's arguments, split into settings ({@code --docs x}, {@code --provider p}, {@code --citeqa.k=v},
 * {@code --spring.k=v}), which become Spring properties, and the command to run, passed on untouched.
 */
public record Launch(List<String> springArguments, List<String> command) {

    /** Short options accepted anywhere on the command line, and the setting each one sets. */
    static final Map<String, String> SHORT_SETTINGS = Map.of(
            "--docs", "citeqa.docs",
            "--data", "citeqa.data",
            "--provider", "citeqa.answer.provider",
            "--model", "citeqa.answer.model",
            "--base-url", "citeqa.answer.base-url",
            "--retrieval", "citeqa.retrieval.mode",
            "--backend", "citeqa.retrieval.backend",
            "--solr-urls", "citeqa.solr.urls");

    public static Launch parse(List<String> args) {
        List<String> spring = new ArrayList<>();
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (SHORT_SETTINGS.containsKey(name)) {
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new IllegalArgumentException("Option " + name + " needs a value, for example: " + name
                            + (name.equals("--provider") ? " extractive" : " <value>"));
                }
                spring.add("--" + SHORT_SETTINGS.get(name) + "=" + value);
            } else if (arg.startsWith("--citeqa.") || arg.startsWith("--spring.") || arg.startsWith("--logging.")) {
                if (arg.startsWith("--citeqa.")) {
                    checkSetting(name.substring(2), arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "");
                }
                spring.add(arg);
            } else if (command.isEmpty() && (arg.equals("--help") || arg.equals("-h"))) {
                command.add("help");
            } else if (command.isEmpty() && arg.startsWith("-")) {
                // before any command, an option can only be one of the launcher's: the commands' own come after them
                throw new IllegalArgumentException(unknownOption(name));
            } else {
                command.add(arg);
            }
        }
        return new Launch(List.copyOf(spring), List.copyOf(command));
    }

    /**
     * A setting given on the command line must exist: Spring binds a misspelt name inside a known group
     * ({@code citeqa.retrieval.topk}) to nothing and says nothing. Names are compared as Spring's relaxed binding reads
     * them (topK, top_k and top-k are one name); an index into a list ({@code urls[0]}) names the list.
     */
    static void checkSetting(String name, String value) {
        String canonical = name.replaceAll("\\[\\d+]$", "").replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-')
                .toLowerCase(java.util.Locale.ROOT);
        if (!SettingNames.all().contains(canonical)) {
            throw new IllegalArgumentException(unknownSetting(name, canonical, value, "the command line"));
        }
    }

    /** The one line for a setting that does not exist, with the real ones nearest to it. */
    private static String unknownSetting(String name, String canonical, Object value, String from) {
        List<String> near = nearSettings(canonical);
        return "Unknown setting " + name + " (value '" + value + "', from " + from + ")"
                + (near.isEmpty() ? ": the settings are listed in application.yml."
                : ": did you mean " + String.join(" or ", near) + "?");
    }

    /** Whether the command line sets this setting ({@code --docs x} sets citeqa.docs). */
    public boolean names(String setting) {
        return springArguments.stream().anyMatch(a -> a.startsWith("--" + setting + "="));
    }

    static String unknownOption(String name) {
        List<String> known = new ArrayList<>(SHORT_SETTINGS.keySet());
        known.add("--help");
        known.sort(null);
        List<String> near = known.stream().filter(k -> Levenshtein.distance(name, k) <= 2).toList();
        return "Unknown option " + name + (near.isEmpty() ? "." : ": did you mean " + String.join(" or ", near) + "?")
                + " Options before a command: " + String.join(", ", known) + ", --citeqa.<setting>=<value>.";
    }

    public boolean interactive() {
        return command.isEmpty();
    }

    /** One line for a start that failed: the setting or file at fault, never a stack trace. */
    public static String startupFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnboundConfigurationPropertiesException unbound) {
                ConfigurationProperty first = unbound.getUnboundProperties().iterator().next();
                String name = first.getName().toString();
                return unknownSetting(name, name, first.getValue(), origin(first));
            }
            if (cause instanceof BindException bind && bind.getProperty() != null
                    && bind.getCause() instanceof ConversionException) {
                // a value of the wrong type: "abc" for a number
                return "Setting " + bind.getProperty().getName() + " cannot be '" + bind.getProperty().getValue()
                        + "': use " + SettingNames.accepted(bind.getTarget().getType().toClass()) + ".";
            }
        }
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof Settings.InvalidSettingException || cause instanceof Problem) {
                return cause.getMessage();
            }
            String type = cause.getClass().getName();
            if (type.startsWith("org.yaml.snakeyaml") || type.contains("ParserException")
                    || type.contains("ScannerException")) {
                String first = String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
                return "application.yml is not valid YAML (" + first.strip()
                        + "): fix the file, or move it away to use the defaults.";
            }
            if (type.endsWith("BindException") || type.endsWith("ConverterNotFoundException")
                    || type.endsWith("ConversionFailedException")) {
                Throwable inner = cause.getCause();
                while (inner != null && inner.getCause() != null
                        && !(inner instanceof Settings.InvalidSettingException)) {
                    inner = inner.getCause();
                }
                if (inner instanceof Settings.InvalidSettingException) {
                    return inner.getMessage();
                }
                return "A setting has a value that cannot be used: " + String.valueOf(cause.getMessage())
                        .lines().findFirst().orElse("") + ". Check application.yml and the command line.";
            }
            cause = cause.getCause();
        }
        return "citeqa could not start: " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** The real settings nearest to a misspelt one, nearest first (at most three). */
    static List<String> nearSettings(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        int limit = Math.max(2, last.length() / 3);
        return SettingNames.all().stream().filter(n -> Levenshtein.distance(name, n) <= limit)
                .sorted(java.util.Comparator.comparingInt(n -> Levenshtein.distance(name, n))).limit(3).toList();
    }

    private static String origin(ConfigurationProperty property) {
        String origin = String.valueOf(property.getOrigin());
        return origin.contains("commandLineArgs") || origin.startsWith("\"citeqa.") ? "the command line"
                : origin.contains("systemEnvironment") || origin.startsWith("System Environment") ? "the environment"
                : origin.replaceFirst(" - \\d+:\\d+$", "").replaceFirst("^class path resource \\[(.*)]", "$1");
    }
}
