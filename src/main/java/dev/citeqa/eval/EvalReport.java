package dev.citeqa.eval;

import java.util.List;

/**
 * The outcome of running one gold set with one provider: what report.json holds.
 *
 * @param gold      the gold file, as given
 * @param model     the model that answered (the provider's name for the offline answerer)
 * @param questions how many questions were asked
 */
public record EvalReport(String gold, String provider, String model, int questions, EvalMetrics metrics,
                         List<QuestionResult> results) {

    public EvalReport {
        results = List.copyOf(results);
    }

    public static EvalReport of(String gold, String provider, String model, List<QuestionResult> results) {
        return new EvalReport(gold, provider, model, results.size(), EvalMetrics.of(results), results);
    }

    /** How the run is named in comparisons: provider, and model when it differs. */
    public String label() {
        return model == null || model.isBlank() || model.equals(provider) ? provider : provider + " / " + model;
    }
}
