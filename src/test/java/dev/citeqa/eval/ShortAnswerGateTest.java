package dev.citeqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The short answer's gate decides the most training questions right: right phrases given, wrong ones withheld. */
class ShortAnswerGateTest {

    @Test
    void theGateSitsBetweenTheWrongPhrasesAndTheRightOnes() {
        // wrong phrases of unlikely sentences below 0.3, right ones of likely sentences from 0.6
        List<double[]> offered = List.of(new double[] {0.1, 0}, new double[] {0.2, 0}, new double[] {0.25, 0},
                new double[] {0.6, 1}, new double[] {0.7, 1}, new double[] {0.9, 1}, new double[] {0.95, 0});

        double gate = ReaderTraining.shortAnswerGate(offered);

        // every threshold in (0.25, 0.6] decides 6 of 7 right; the middle of them is taken
        assertThat(gate).isBetween(0.4, 0.45);
    }

    @Test
    void withEveryPhraseRightNothingIsWithheld() {
        double gate = ReaderTraining.shortAnswerGate(List.of(new double[] {0.3, 1}, new double[] {0.8, 1}));

        assertThat(gate).isLessThanOrEqualTo(0.3);
    }
}
