package dev.citeqa.answer;

import java.util.ArrayList;
import java.util.List;

import dev.citeqa.retrieve.RankedPassage;

/**
 * Keeps the passages sent to a model within a character budget, best-ranked first. It keeps a prefix of the ranking,
 * so passage [n] is still the n-th best; the best passage is always kept, even alone over budget, since an answer
 * without it would be worse than a long prompt.
 */
public final class ContextBudget {

    private ContextBudget() {
    }

    public static List<RankedPassage> trim(List<RankedPassage> ranked, int maxChars) {
        List<RankedPassage> kept = new ArrayList<>();
        int used = 0;
        for (RankedPassage hit : ranked) {
            int size = hit.passage().text().length();
            if (!kept.isEmpty() && used + size > maxChars) {
                break;
            }
            kept.add(hit);
            used += size;
        }
        return List.copyOf(kept);
    }
}
