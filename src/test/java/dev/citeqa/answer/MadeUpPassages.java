package dev.citeqa.answer;

import java.util.ArrayList;
import java.util.List;

import dev.citeqa.ingest.Passage;
import dev.citeqa.retrieve.QuestionTerms;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.TermWeights;

/** Passages written for a test, ranked in the order given, and a question's terms weighed alike: no index needed. */
final class MadeUpPassages {

    private MadeUpPassages() {
    }

    static List<RankedPassage> context(String... texts) {
        List<RankedPassage> out = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            String file = "made-up-" + i + ".txt";
            Passage p = new Passage(Passage.idOf(file, 0, texts[i]), file, 0, "t", null, 0, texts[i].length(), texts[i]);
            out.add(new RankedPassage(p, i + 1, 1.0 / (i + 1), i + 1, 1.0, 0, Double.NaN, List.of()));
        }
        return out;
    }

    static TermWeights weights(String question) {
        return TermWeights.uniform(QuestionTerms.terms(question));
    }
}
