package dev.citeqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.citeqa.retrieve.RankedPassage;

/**
 * "Which option ...?", "which function ...?": technical documentation writes the answer as code, often in the line
 * above the sentence that says what it does (made-up documentation, the shipped models).
 */
class CodeAnswerTest {

    @Test
    void codeWordsAreFoundByTheirShape() {
        assertThat(Phrases.of("Run `harbour sync --dry-run` first, or pass --force to skip the check; see berth_limit, "
                + "getBerth() and harbour.yml.", AnswerType.CODE, java.util.Set.of()))
                .extracting(Phrases.Phrase::text)
                .containsExactly("harbour sync --dry-run", "--force", "berth_limit", "getBerth()", "harbour.yml");
        assertThat(Phrases.of("The harbour opened in May, and the pilots played their iPods.", AnswerType.CODE,
                java.util.Set.of())).isEmpty();
        assertThat(AnswerType.of("Which option skips the berth check?")).isEqualTo(AnswerType.CODE);
        assertThat(AnswerType.of("What function does the harbour serve for the town?")).isEqualTo(AnswerType.CODE);
        assertThat(AnswerType.of("Which city has the harbour?")).isEqualTo(AnswerType.PLACE);
    }

    @Test
    void theOptionInTheSentenceOpensTheAnswer() {
        Reply reply = answer("Which option makes harbour sync skip the berth check?",
                "By default harbour sync checks every berth before it writes the schedule. Pass `--no-berth-check` "
                        + "to skip the berth check when the berths were checked by hand.");

        assertThat(reply.shortAnswer()).as(reply.text()).isEqualTo("--no-berth-check");
        assertThat(reply.text()).startsWith("--no-berth-check [1].");
    }

    @Test
    void theFunctionNamedInTheLineAboveItsDescriptionOpensTheAnswer() {
        Reply reply = answer("Which function converts a berth number to its harbour code?",
                "int berth_to_code (const char * berth, char * code, int len)\n"
                        + "Converts a berth number to its harbour code. Returns 0 on success.");

        assertThat(reply.shortAnswer()).isEqualTo("berth_to_code");
        assertThat(reply.text()).contains("int berth_to_code (const char * berth, char * code, int len) [1]")
                .contains("Converts a berth number to its harbour code [1].");
    }

    private static Reply answer(String question, String... passages) {
        List<RankedPassage> context = MadeUpPassages.context(passages);
        return new ExtractiveAnswerer(3, SentenceMeaning.NONE, ReaderModel.shipped())
                .answer(new AnswerRequest(question, context, MadeUpPassages.weights(question)), t -> {
                });
    }
}
