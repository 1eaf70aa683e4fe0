package dev.citeqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The candidate phrases a sentence offers, on sentences made up for the test: a name is whole words (not the capital
 * inside "eDock"), without a possessive ending or a closed-class word that opens the sentence, and keeps its initials;
 * a share ends at its percent sign.
 */
class PhrasesTest {

    private static List<String> names(String sentence) {
        return Phrases.of(sentence, AnswerType.NAME, Set.of()).stream().map(Phrases.Phrase::text).toList();
    }

    @Test
    void aCapitalInsideAWordStartsNoName() {
        assertThat(names("The eDock Station was sold by Marlow Audio in Quebec."))
                .containsExactly("Station", "Marlow Audio", "Quebec")
                .doesNotContain("Dock Station");
    }

    @Test
    void aPossessiveEndingIsNotPartOfTheName() {
        List<String> found = names("The jury ignored Rosa Calder's testimony and the Hendersons' alibi.");

        assertThat(found).contains("Rosa Calder", "Hendersons");
        assertThat(found).noneMatch(n -> n.contains("'"));
    }

    @Test
    void aWordThatOpensTheSentenceWithoutNamingIsLeftOut() {
        assertThat(names("Despite Orrin Vale's objection, the council met.")).containsExactly("Orrin Vale");
        assertThat(names("Both Talbot and Marsh signed the letter.")).containsExactly("Talbot", "Marsh");
        assertThat(names("One of the boats sank near Karsby.")).containsExactly("Karsby");
    }

    @Test
    void aNameKeepsItsInitialsAndAnAcronymStays() {
        assertThat(names("The patent went to Joseph N. Grasso of Newark in 1991.")).contains("Joseph N. Grasso of Newark");
        assertThat(names("IT staff moved to the Harbour Office.")).contains("IT", "Harbour Office");
    }

    @Test
    void aShareEndsAtItsPercentSign() {
        List<String> numbers = Phrases.of("In 2007, 30.69% came from the sale of players.", AnswerType.NUMBER, Set.of())
                .stream().map(Phrases.Phrase::text).toList();

        assertThat(numbers).containsExactly("30.69%");
    }
}
