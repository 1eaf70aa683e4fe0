package dev.citeqa.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A question pasted over and over is read once; a question of several different sentences keeps them all. */
class RepeatedQuestionTest {

    @Test
    void aPastedQuestionIsReadOnceEvenWhenCutOffInsideACopy() {
        String pasted = "When does the ferry to Karsby leave? ".repeat(40) + "When does the fer";

        assertThat(AskService.withoutRepeats(pasted.strip())).isEqualTo("When does the ferry to Karsby leave?");
    }

    @Test
    void differentSentencesAreAllKept() {
        String question = "I read about the treaty. Where was it signed? Who signed it?";

        assertThat(AskService.withoutRepeats(question)).isEqualTo(question);
    }
}
