package dev.citeqa.answer;

import java.util.List;

/**
 * The names and order of the offline reader's signals: one owner for the layout that {@link Reading} computes, the
 * training writes weights for and {@link ReaderModel} reads. Changing a signal changes {@link #VERSION}, and a model
 * file of another version then fails the build ({@code ReaderModelTest}) until it is retrained.
 */
public final class ReaderFeatures {

    public static final int VERSION = 4;

    /** Signals of one candidate unit, for choosing the sentence that answers. */
    public static final List<String> SENTENCE = List.of(
            "key_coverage",          // idf-weighted share of the question's key terms (names, numbers, rarer words) in the unit
            "other_coverage",        // the same for the question's other terms
            "passage_key_coverage",  // key terms in the unit's whole passage and title
            "bigram_share",          // question term pairs found side by side in the unit
            "cosine",                // question and sentence under the in-jar embedding model (0 without one)
            "type_fit",              // the unit holds a phrase of the asked type the question does not contain
            "rank_reciprocal",       // 1 / the passage's fused retrieval rank
            "headline",              // a headline, caption or list item rather than a sentence
            "date_met",              // the question's year/month/weekday met by the sentence, passage or article date
            "date_contradicted",     // another one stands there instead
            "mismatch",              // a name or number of the question replaced by another in the same place
            "length",                // analysed terms / 40, at most 1
            "with_lead",             // read together with the sentence it refers back to
            "short_answer",          // the short-answer chooser's best probability for a phrase of the unit (0: none)
            "key_coverage_best",     // no other candidate of the question covers more of its key terms
            "key_coverage_gap",      // the best candidate's key coverage minus this one's
            "cosine_best",           // no other candidate of the question is closer to it in meaning
            "cosine_gap");           // the best candidate's cosine minus this one's

    /**
     * Signals of the sentence right after the best unit in its passage, for whether it is quoted too: in SQuAD-like
     * text the sentence with most of the question's words often leaves the asked fact to the next one. Its own unit
     * signals (prefixed "next_"), then the pair's.
     */
    public static final List<String> FOLLOWING = java.util.stream.Stream.concat(
            SENTENCE.stream().map(n -> "next_" + n),
            java.util.stream.Stream.of(
                    "next_probability",  // the sentence model's probability for the next unit on its own
                    "best_probability",  // and for the best unit
                    "best_type_fit",
                    "best_short_answer",
                    "best_key_coverage",
                    "best_cosine")).toList();

    /** The {@link #FOLLOWING} signals of a best unit and the unit after it, from their {@link #SENTENCE} signals. */
    public static double[] following(double[] best, double bestProbability, double[] next, double nextProbability) {
        double[] f = new double[FOLLOWING.size()];
        System.arraycopy(next, 0, f, 0, SENTENCE.size());
        int i = SENTENCE.size();
        f[i] = nextProbability;
        f[i + 1] = bestProbability;
        f[i + 2] = best[SENTENCE.indexOf("type_fit")];
        f[i + 3] = best[SENTENCE.indexOf("short_answer")];
        f[i + 4] = best[SENTENCE.indexOf("key_coverage")];
        f[i + 5] = best[SENTENCE.indexOf("cosine")];
        return f;
    }

    /** Signals of a question against its best unit, for deciding whether the documents answer it. */
    public static final List<String> ANSWERABLE = List.of(
            "best_score",            // the sentence model's logit for the best unit
            "best_key_coverage",
            "context_key_coverage",  // key terms found anywhere in the retrieved passages
            "best_cosine",
            "best_type_fit",
            "best_date_contradicted",
            "best_mismatch",
            "margin",                // best logit minus the second best
            "entities_found",        // every name and number of the question is in some passage (1) or not (0)
            "typed_question",        // the question asks for a name, place, date, number or code word
            "typed_unfitted");       // and the best unit offers no phrase of that type (best_type_fit alone cannot
                                     // tell this from a question of no type, whose units never "fit")

    /**
     * Version of {@link #SHORT_ANSWER}: the short-answer chooser ({@link ShortAnswerModel}) has its own file and
     * version, so it is relearned in seconds without the sentence models.
     */
    public static final int SHORT_ANSWER_VERSION = 1;

    /**
     * Signals of one candidate phrase of the asked type in the chosen sentence, for choosing the short answer (and
     * giving none when no candidate is likely enough). Structure of the sentence, not words of any document.
     */
    public static final List<String> SHORT_ANSWER = List.of(
            "nearest",               // the phrase nearest to a question term (the rule this chooser replaced)
            "word_distance",         // words between it and the nearest question term / 20, at most 1 (1: none)
            "after_question_term",   // the nearest question term comes before it
            "window_coverage",       // share of the question's terms within five words of it
            "between_question_terms", // question terms on both sides of it in the sentence
            "asked_share",           // share of its terms the question already holds
            "length",                // words / 5, at most 1
            "lower_case_share",      // names: share of its words the documents also write in lower case
            "before_lower_case",     // a lower-case word follows it directly ("... Guard commander")
            "after_article",         // "a", "an" or "the" within the two words before it ("a top Iranian ...")
            "inside_noun_phrase",    // both: an article before and a lower-case word after ("a top X commander")
            "appositive",            // comma-bounded right after a lower-case word ("the commander, X, was")
            "after_preposition",     // in, at, from, to, of ... just before it
            "position",              // where it starts in the sentence, 0 to 1
            "shape",                 // a date with a year and a day or month; an amount with its unit; a name of 2+ words
            "one_of",                // 1 / the number of candidates in the sentence
            "type_date",             // the asked type, as indicators (organisation and other names: none set)
            "type_number",
            "type_place",
            "type_person",
            "person_after_article",  // asked for a person, and an article stands before it: a thing's name, not theirs
            "person_lower_case");    // asked for a person, and a lower-case word follows it directly

    /** Which signals a variant uses: without an embedding model the cosines are left out. */
    public enum Variant {
        WITH_MEANING("with_meaning"), LEXICAL("lexical");

        private final String key;

        Variant(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** Whether this variant reads the signal with that name. */
        public boolean uses(String feature) {
            return this == WITH_MEANING || !feature.contains("cosine");
        }
    }

    private ReaderFeatures() {
    }
}
