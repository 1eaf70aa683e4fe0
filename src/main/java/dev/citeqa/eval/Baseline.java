package dev.citeqa.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.citeqa.config.Problem;

/**
 * Expected scores of a run with a tolerance each, kept beside the gold set as Anserini keeps its regressions: a
 * run regresses when a metric falls below expected minus tolerance (or, for counts where less is better, rises
 * above expected plus tolerance). Errors are gated whatever the file says: a question that throws is a fault of the
 * run, not a miss to be absorbed by a tolerance, so any error is a regression.
 */
public record Baseline(String gold, String provider, List<Expected> expected) {

    /** One metric's expected value; {@code lowerIsBetter} for counts of faults such as unsupported citations. */
    public record Expected(String metric, double value, double tolerance, boolean lowerIsBetter) {

        boolean holds(double actual) {
            return lowerIsBetter ? actual <= value + tolerance + 1e-9 : actual >= value - tolerance - 1e-9;
        }
    }

    /** A metric that moved past its tolerance the wrong way. */
    public record Regression(Expected expected, double actual) {

        public String line() {
            return String.format(Locale.ROOT, "%s is %.4f, expected %s %.4f (baseline %.4f, tolerance %.4f)",
                    expected.metric(), actual, expected.lowerIsBetter() ? "at most" : "at least",
                    expected.lowerIsBetter() ? expected.value() + expected.tolerance()
                            : expected.value() - expected.tolerance(), expected.value(), expected.tolerance());
        }
    }

    /** Always checked: no question of a run may fail with an error. */
    static final Expected NO_ERRORS = new Expected("errors", 0, 0, true);

    public Baseline {
        expected = List.copyOf(expected);
    }

    public static Baseline read(Path file) {
        JsonNode top;
        try {
            top = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new Problem("Cannot read the baseline " + file + " (" + e.getMessage() + ").", e);
        }
        JsonNode metrics = top == null ? null : top.get("metrics");
        if (metrics == null || !metrics.isObject()) {
            throw new Problem("The baseline " + file + " has no \"metrics\" object.");
        }
        List<Expected> expected = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = metrics.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode m = field.getValue();
            if (field.getKey().equals(NO_ERRORS.metric())
                    && (m.path("value").doubleValue() != 0 || m.path("tolerance").doubleValue() != 0)) {
                throw new Problem("The baseline " + file + " allows errors: a run must have none, so \"errors\" "
                        + "can only be {\"value\": 0, \"tolerance\": 0} (or left out; it is always gated).");
            }
            if (!EvalMetrics.NAMES.contains(field.getKey()) || !m.path("value").isNumber()
                    || !m.path("tolerance").isNumber() || m.path("tolerance").doubleValue() < 0) {
                throw new Problem("The baseline " + file + " has a faulty metric \"" + field.getKey()
                        + "\": use a metric of report.json with {\"value\": number, \"tolerance\": number >= 0}.");
            }
            expected.add(new Expected(field.getKey(), m.get("value").doubleValue(), m.get("tolerance").doubleValue(),
                    m.path("lower_is_better").asBoolean(false)));
        }
        return new Baseline(top.path("gold").asText(null), top.path("provider").asText(null), expected);
    }

    public List<Regression> regressions(EvalMetrics metrics) {
        Map<String, Number> actual = metrics.byName();
        List<Regression> regressions = new ArrayList<>();
        List<Expected> gated = new ArrayList<>(expected);
        if (gated.stream().noneMatch(e -> e.metric().equals(NO_ERRORS.metric()))) {
            gated.add(NO_ERRORS);
        }
        for (Expected e : gated) {
            double value = actual.get(e.metric()).doubleValue();
            if (!e.holds(value)) {
                regressions.add(new Regression(e, value));
            }
        }
        return regressions;
    }
}
