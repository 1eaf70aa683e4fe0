package dev.citeqa.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.citeqa.answer.Reply;
import dev.citeqa.cite.CitedAnswer;

class RuleBasedRewriterTest {

    private final RuleBasedRewriter rewriter = new RuleBasedRewriter();

    private static Turn turn(String question, String answer) {
        CitedAnswer cited = new CitedAnswer(question, answer, false, List.of(), List.of(), List.of(),
                Reply.offline(answer));
        return new Turn(question, question, cited, List.of(), 0, null);
    }

    @Test
    void heBecomesThePersonTheLastAnswerNamed() {
        Turn who = turn("Who was the highest-ranking Iranian officer killed abroad?",
                "Brig. Gen. Hamid Taqavi was \"martyred while performing his advisory mission\" in Samarra, state TV "
                        + "said. [1]");

        assertThat(rewriter.standalone("where was he killed?", List.of(who))).isEqualTo("where was Hamid Taqavi killed?");
    }

    @Test
    void thePersonNamedInTheLastQuestionWinsOverNamesInItsAnswer() {
        Turn asked = turn("What did Defense Minister Khalid al-Obeidi say in Tehran?",
                "Iranian Defense Minister Hossein Dehqan met him. [1]");

        assertThat(rewriter.standalone("Where is he from?", List.of(asked))).isEqualTo("Where is Khalid al-Obeidi from?");
        assertThat(rewriter.standalone("what was his view?", List.of(asked)))
                .isEqualTo("what was Khalid al-Obeidi's view?");
    }

    @Test
    void anotherYearReplacesTheYearOfTheLastQuestion() {
        Turn asked = turn("Who signed the defence agreement for Iraq in 2014?", "Khalid al-Obeidi [1]");

        assertThat(rewriter.standalone("and in 2017?", List.of(asked)))
                .isEqualTo("Who signed the defence agreement for Iraq in 2017?");
    }

    @Test
    void aYearIsAddedWhenTheLastQuestionHadNone() {
        Turn asked = turn("Who signed the defence agreement for Iraq?", "Khalid al-Obeidi [1]");

        assertThat(rewriter.standalone("And in 2017?", List.of(asked)))
                .isEqualTo("Who signed the defence agreement for Iraq in 2017?");
    }

    @Test
    void whatAboutANameSwapsTheLastQuestionsName() {
        Turn asked = turn("Which country trained the army of Iraq?", "Iran [1]");

        assertThat(rewriter.standalone("what about Turkey?", List.of(asked)))
                .isEqualTo("Which country trained the army of Turkey?");
    }

    @Test
    void theyBecomeTheNamesOfTheLastQuestion() {
        Turn asked = turn("When did Iran and Iraq sign the memorandum?", "On Sunday [1]");

        assertThat(rewriter.standalone("what did they agree on?", List.of(asked)))
                .isEqualTo("what did Iran and Iraq agree on?");
    }

    @Test
    void aShortQuestionAboutItCarriesTheLastQuestionWithoutNesting() {
        Turn first = turn("Who signed the 2014 agreement?", "Khalid al-Obeidi [1]");
        String when = rewriter.standalone("When?", List.of(first));
        assertThat(when).isEqualTo("When (Who signed the 2014 agreement)?");
        Turn second = new Turn("When?", when, first.answer(), List.of(), 0, null);

        assertThat(rewriter.standalone("And where was it signed?", List.of(first, second)))
                .isEqualTo("And where was it signed (Who signed the 2014 agreement)?");
    }

    @Test
    void aQuestionWithWordsEnoughOfItsOwnIsNotDiluted() {
        Turn asked = turn("What did Iran and Iraq sign in Tehran in July 2017?", "A memorandum of understanding [1]");

        assertThat(rewriter.standalone("Which areas did it cover besides border security?", List.of(asked)))
                .isEqualTo("Which areas did it cover besides border security?");
        assertThat(rewriter.standalone("Is it true that Iran trains militias?", List.of(asked)))
                .isEqualTo("Is it true that Iran trains militias?");
    }

    @Test
    void aQuestionThatStandsOnItsOwnIsLeftAlone() {
        Turn asked = turn("Who was killed in Samarra?", "Brig. Gen. Hamid Taqavi [1]");

        assertThat(rewriter.standalone("Which province did Iranian fighter planes bomb?", List.of(asked)))
                .isEqualTo("Which province did Iranian fighter planes bomb?");
        assertThat(rewriter.standalone("where was he killed?", List.of())).isEqualTo("where was he killed?");
    }

    @Test
    void aPronounWithNoPersonToCarryIsLeftAsTyped() {
        Turn asked = turn("Which province was bombed?", "The documents do not answer this question.");

        assertThat(rewriter.standalone("who did he meet?", List.of(asked))).isEqualTo("who did he meet?");
    }

    @Test
    void followUpsChainThroughTheLastSearchedQuestion() {
        Turn first = turn("Who signed the agreement for Iraq in 2014?", "Khalid al-Obeidi [1]");
        String second = rewriter.standalone("and in 2017?", List.of(first));
        Turn secondTurn = new Turn("and in 2017?", second, first.answer(), List.of(), 0, null);

        assertThat(rewriter.standalone("what about Iran?", List.of(first, secondTurn)))
                .isEqualTo("Who signed the agreement for Iran in 2017?");
    }

    @Test
    void aPronounWhoseNameStandsEarlierInTheQuestionIsNotReplaced() {
        Turn asked = turn("What did Defense Minister Hossein Dehghan announce about Brig. Gen. Ravel Osterkamp?",
                "Defense Minister Hossein Dehghan said Ravel Osterkamp would visit. [1]");

        assertThat(rewriter.standalone("What did Obeidi say during his visit to Tehran?", List.of(asked)))
                .isEqualTo("What did Obeidi say during his visit to Tehran?");
        assertThat(rewriter.standalone("Did Quillan Marr sign it before they left?", List.of(asked)))
                .isEqualTo("Did Quillan Marr sign it before they left?");
        // with no name before it, the pronoun still takes the last turn's person
        assertThat(rewriter.standalone("What did he say during his visit to Tehran?", List.of(asked)))
                .isEqualTo("What did Hossein Dehghan say during Hossein Dehghan's visit to Tehran?");
    }

    @Test
    void whetherAQuestionNeedsEarlierTurnsIsReadFromItsOwnWords() {
        assertThat(RuleBasedRewriter.needsContext("What did Obeidi say during his visit to Tehran?")).isFalse();
        assertThat(RuleBasedRewriter.needsContext("Which province did the fighter planes bomb?")).isFalse();
        assertThat(RuleBasedRewriter.needsContext("Where was he killed?")).isTrue();
        assertThat(RuleBasedRewriter.needsContext("Who signed it?")).isTrue();
        assertThat(RuleBasedRewriter.needsContext("and in 2017?")).isTrue();
        assertThat(RuleBasedRewriter.needsContext("Why?")).isTrue();
        assertThat(RuleBasedRewriter.needsContext("what about Turkey?")).isTrue();
    }

    @Test
    void aFirstNameIsKeptWhateverItsEnding() {
        // made-up people whose first names end like nationality words (-i, -ian): nothing is dropped
        assertThat(RuleBasedRewriter.names("then Mehdi Varoshan met Ali Quoravan and Christian Delmotte.", true))
                .containsExactly("Mehdi Varoshan", "Ali Quoravan", "Christian Delmotte");
        // a word before a title qualifies the title, whatever it is
        assertThat(RuleBasedRewriter.names("then Zembran Defense Minister Ilko Varga spoke.", false))
                .containsExactly("Ilko Varga");
        Turn asked = turn("What did Mehdi Varoshan announce?", "A new plan. [1]");
        assertThat(rewriter.standalone("where was he born?", List.of(asked))).isEqualTo("where was Mehdi Varoshan born?");
    }
}
