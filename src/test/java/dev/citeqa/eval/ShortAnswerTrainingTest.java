package dev.citeqa.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.citeqa.answer.ReaderFeatures;
import dev.citeqa.answer.ShortAnswerModel;

/**
 * The short-answer training on a made-up SQuAD-shaped file: candidates of the answer sentence are labelled by the
 * answer span, the other sentence's are all wrong, the model is written with every signal and its provenance, and
 * the held-out articles are never read.
 */
class ShortAnswerTrainingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void learnsAChooserFromAnswerSentencesAndNeverReadsTheTestArticles(@TempDir Path dir) throws IOException {
        Path squad = dir.resolve("made-up-squad.json");
        ObjectNode root = JSON.createObjectNode();
        ArrayNode data = root.putArray("data");
        article(data, "Harbour_towns", 0);
        article(data, ReaderTraining.VALIDATION.getFirst(), 100);
        // a held-out article: none of its questions may be read
        ObjectNode test = data.addObject();
        test.put("title", ReaderTraining.TEST.getFirst());
        ObjectNode p = test.putArray("paragraphs").addObject();
        p.put("context", "Nobody reads this paragraph.");
        ObjectNode qa = p.putArray("qas").addObject();
        qa.put("id", "t1").put("question", "Who reads it?").put("is_impossible", false);
        qa.putArray("answers").addObject().put("text", "Nobody").put("answer_start", 0);
        Files.writeString(squad, JSON.writeValueAsString(root));
        Path out = dir.resolve("short-answer-model.json");

        ShortAnswerTraining.Outcome outcome = new ShortAnswerTraining().run(squad, out);

        ShortAnswerModel model = ShortAnswerModel.read(out);
        assertThat(model.version()).isEqualTo(ReaderFeatures.SHORT_ANSWER_VERSION);
        assertThat(model.chooser().weights().keySet()).containsExactlyInAnyOrderElementsOf(ReaderFeatures.SHORT_ANSWER);
        assertThat(model.provenance().path("split_by_article").path(ReaderTraining.TEST.getFirst()).asText())
                .isEqualTo("test");
        @SuppressWarnings("unchecked")
        Map<String, Object> validation = (Map<String, Object>) outcome.figures().get("validation");
        assertThat(validation.get("typed_questions_with_answer_sentence")).isEqualTo(4);
        assertThat((Integer) validation.get("other_sentences")).isBetween(1, 4);
        @SuppressWarnings("unchecked")
        Map<String, Object> train = (Map<String, Object>) outcome.figures().get("train");
        assertThat(train.get("typed_questions_with_answer_sentence")).isEqualTo(4);
        var articles = SquadFile.read(squad).articles();
        assertThat(ShortAnswerTraining.read(articles, ShortAnswerTraining.splits(articles)))
                .extracting(ShortAnswerTraining.Asked::split).contains("train", "validation").doesNotContain("test");
    }

    @Test
    void answersAreComparedAsSquadNormalisesThem() {
        assertThat(ShortAnswerTraining.normalised("The Ming  dynasty.")).isEqualTo("ming dynasty");
        assertThat(ShortAnswerTraining.normalised("“an amount”")).isEqualTo("amount");
    }

    /** An article of made-up harbour news: four typed questions, each with an answer sentence and another one. */
    private static void article(ArrayNode data, String title, int seed) {
        ObjectNode article = data.addObject();
        article.put("title", title);
        ArrayNode paragraphs = article.putArray("paragraphs");
        Map<String, String[]> questions = new LinkedHashMap<>();
        String context = "The harbour of Valdera reopened in March 2019 after the storm. The repairs were paid by the "
                + "Northern Port Authority and cost 42 million euros. Harbour master Tomas Brekke signed the order "
                + "in Karsby on Monday. The storm had closed the harbour for three weeks.";
        questions.put("When did the harbour of Valdera reopen?", new String[] {"March 2019"});
        questions.put("How much did the repairs cost?", new String[] {"42 million euros"});
        questions.put("Who signed the order?", new String[] {"Tomas Brekke"});
        questions.put("Where did the harbour master sign the order?", new String[] {"Karsby"});
        ObjectNode paragraph = paragraphs.addObject();
        paragraph.put("context", context);
        ArrayNode qas = paragraph.putArray("qas");
        int n = seed;
        for (Map.Entry<String, String[]> q : questions.entrySet()) {
            ObjectNode qa = qas.addObject();
            String id = "q" + n++;
            qa.put("id", id).put("question", q.getKey()).put("is_impossible", false);
            String answer = q.getValue()[0];
            qa.putArray("answers").addObject().put("text", answer).put("answer_start", context.indexOf(answer));
        }
    }
}
