package dev.citeqa.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.citeqa.config.Problem;
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
                spring.add(arg);
            } else {
                command.add(arg);
            }
        }
        return new Launch(List.copyOf(spring), List.copyOf(command));
    }

    public boolean interactive() {
        return command.isEmpty();
    }

    /** One line for a start that failed: the setting or file at fault, never a stack trace. */
    public static String startupFailure(Throwable failure) {
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
}
