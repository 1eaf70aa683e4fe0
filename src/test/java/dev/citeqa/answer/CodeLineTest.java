package dev.citeqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.citeqa.retrieve.RankedPassage;

/**
 * Lines of code in documentation (a JSON example, a command's synopsis) are not sentences: recognised by their shape,
 * like headlines, they are neither quoted beside the answer nor preferred to the sentence that says the same in words.
 */
class CodeLineTest {

    @Test
    void codeIsRecognisedByItsShapeNotByItsWords() {
        assertThat(AnswerUnit.codeShaped("\"name\": \"harbour-tools\",")).isTrue();
        assertThat(AnswerUnit.codeShaped("\"mirror\": \"https://example.org/\" } }")).isTrue();
        assertThat(AnswerUnit.codeShaped("tide sync [<station>...] [--since <date>]")).isTrue();
        assertThat(AnswerUnit.codeShaped("Norland and Estavia sign fisheries treaty")).isFalse();
        assertThat(AnswerUnit.codeShaped("Table 3: catches (2014-2015)")).isFalse();
    }

    @Test
    void aSentenceIsQuotedRatherThanTheCodeBesideIt() {
        String question = "Where does the mirror setting of harbour-tools go?";
        List<RankedPassage> context = MadeUpPassages.context("""
                The mirror setting of harbour-tools goes in the config field of its package file.

                {
                  "name": "harbour-tools",
                  "config": { "mirror": "https://example.org/" }
                }
                """);
        List<AnswerUnit> units = AnswerUnit.of(context, p -> "");
        ExtractiveAnswerer reader = new ExtractiveAnswerer(3, SentenceMeaning.NONE, ReaderModel.shipped());

        String answer = reader.answer(new AnswerRequest(question, context, MadeUpPassages.weights(question)), t -> {
        }).text();

        assertThat(units).filteredOn(u -> u.sentence().contains("\"name\"")).allMatch(AnswerUnit::headline);
        assertThat(units).filteredOn(u -> u.sentence().startsWith("The mirror setting")).noneMatch(AnswerUnit::headline);
        assertThat(answer).startsWith("The mirror setting of harbour-tools goes in the config field of its package file")
                .doesNotContain("\"name\"");
    }
}
