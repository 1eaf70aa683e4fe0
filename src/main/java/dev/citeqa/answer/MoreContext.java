package dev.citeqa.answer;

import java.util.List;

import dev.citeqa.retrieve.RankedPassage;

/**
 * A second search an answerer may make when its best sentence names someone or something the question does not (a
 * person named in one document whose role another gives). Passages it adds are cited after the request's own.
 */
public interface MoreContext {

    MoreContext NONE = new MoreContext() {
        @Override
        public List<RankedPassage> search(String query) {
            return List.of();
        }

        @Override
        public int add(RankedPassage hit) {
            throw new IllegalStateException("no passages can be added to this request");
        }
    };

    /** The passages retrieved for another query, best first. */
    List<RankedPassage> search(String query);

    /**
     * The passages that hold a word, best first, up to {@code k}: a lexical search, for a word the question names and
     * the retrieved passages use without explaining (an abbreviation). None where no index is at hand.
     */
    default List<RankedPassage> containing(String word, int k) {
        return List.of();
    }

    /** Adds a passage to the context and returns its citation number. */
    int add(RankedPassage hit);
}
