package dev.citeqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The unanswerable questions training makes: one name or number changed, nothing else. */
class ReaderTrainingTest {

    @Test
    void aChangedQuestionDiffersInOneNameOrNumber() {
        Random random = new Random(1);
        for (int i = 0; i < 20; i++) {
            String changed = ReaderTraining.changed("How many albums did Beyonce release in 2003?",
                    List.of("Chopin", "Warsaw"), random);
            assertThat(changed).isNotNull().isNotEqualTo("How many albums did Beyonce release in 2003?");
            assertThat(changed).matches("How many albums did (Beyonce release in \\d+|Chopin release in 2003"
                    + "|Warsaw release in 2003)\\?");
        }
    }

    @Test
    void trainingNeverReadsTheHeldOutArticles() {
        assertThat(ReaderTraining.TEST).doesNotContainAnyElementsOf(ReaderTraining.VALIDATION)
                .contains("The_Legend_of_Zelda:_Twilight_Princess", "New_York_City", "Solar_energy");
    }
}
