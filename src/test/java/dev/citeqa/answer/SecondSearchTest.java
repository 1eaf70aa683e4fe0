package dev.citeqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.citeqa.retrieve.RankedPassage;

/**
 * What the retrieved passages lack is searched for in the passages that hold it: an abbreviation they use without
 * spelling out, a name of the question they do not hold. What is found is cited after the request's own (made-up
 * passages, a made-up search).
 */
class SecondSearchTest {

    private static final String QUESTION = "What does PVHA stand for?";
    private static final List<RankedPassage> RETRIEVED = MadeUpPassages.context(
            "The PVHA approved the new berths in March. PVHA inspectors visit every pier twice a year.",
            "Fees are paid to the PVHA at the harbour office. The PVHA sets them each January.");
    private static final RankedPassage DEFINING = MadeUpPassages.context(
            "Since 1998 the Port Valdera Harbour Authority (PVHA) has run the pilots, the berths and the dredging.")
            .getFirst();

    @Test
    void theSentenceThatSpellsItOutIsFoundAndCited() {
        List<RankedPassage> added = new ArrayList<>();
        Reply reply = answer(search(List.of(RETRIEVED.getFirst(), DEFINING), added));

        assertThat(reply.text()).isEqualTo("Port Valdera Harbour Authority [3]. Since 1998 the Port Valdera Harbour "
                + "Authority (PVHA) has run the pilots, the berths and the dredging [3].");
        assertThat(added).containsExactly(DEFINING.withRank(1));
    }

    @Test
    void withoutADefinitionAnywhereItIsDeclined() {
        List<RankedPassage> added = new ArrayList<>();
        Reply reply = answer(search(RETRIEVED, added));

        assertThat(reply.text()).isEqualTo(Refusals.NOT_IN_DOCUMENTS);
        assertThat(added).isEmpty();
    }

    @Test
    void aDefinitionMaySayMoreInsideItsBrackets() {
        assertThat(Phrases.expansions("It provides Distinguished Encoding Rules (DER, as per X.690) encoding and "
                + "decoding functions.", "DER")).extracting(Phrases.Phrase::text)
                .containsExactly("Distinguished Encoding Rules");
        assertThat(Phrases.expansions("Rules for all (DER, see below) apply.", "DER")).isEmpty();
    }

    private static final String NAMED = "Which pier did Kestrel Marine rebuild?";
    private static final RankedPassage NAMING = MadeUpPassages.context(
            "Kestrel Marine rebuilt the northern pier of Valdera in 2012, after the winter storms.").getFirst();

    @Test
    void aNameNoRetrievedPassageHoldsIsSearchedForAndTheQuestionReadAgain() {
        List<RankedPassage> added = new ArrayList<>();
        Reply reply = answer(NAMED, search("Kestrel Marine", List.of(RETRIEVED.getFirst(), NAMING), added));

        assertThat(reply.text()).contains("Kestrel Marine rebuilt the northern pier of Valdera in 2012, after the "
                + "winter storms [3].");
        assertThat(added).containsExactly(NAMING);
    }

    @Test
    void aNameNoPassageHoldsIsNotMentioned() {
        List<RankedPassage> added = new ArrayList<>();
        Reply reply = answer(NAMED, search("Kestrel Marine", List.of(), added));

        assertThat(reply.text()).isEqualTo("The documents do not answer this question: they do not mention "
                + "Kestrel Marine.");
        assertThat(added).isEmpty();
    }

    private static Reply answer(MoreContext more) {
        return answer(QUESTION, more);
    }

    private static Reply answer(String question, MoreContext more) {
        return new ExtractiveAnswerer(3, SentenceMeaning.NONE, ReaderModel.shipped()).answer(new AnswerRequest(
                question, RETRIEVED, MadeUpPassages.weights(question), p -> "", more), t -> {
                });
    }

    private static MoreContext search(List<RankedPassage> holding, List<RankedPassage> added) {
        return search("PVHA", holding, added);
    }

    /** A search that finds these passages for the word, and numbers added ones after the two retrieved. */
    private static MoreContext search(String expected, List<RankedPassage> holding, List<RankedPassage> added) {
        return new MoreContext() {
            @Override
            public List<RankedPassage> search(String query) {
                return List.of();
            }

            @Override
            public List<RankedPassage> containing(String word, int k) {
                assertThat(word).isEqualTo(expected);
                return holding;
            }

            @Override
            public int add(RankedPassage hit) {
                added.add(hit);
                return RETRIEVED.size() + added.size();
            }
        };
    }
}
