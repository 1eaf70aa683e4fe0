package dev.citeqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import dev.citeqa.chat.AskService;
import dev.citeqa.chat.QuestionRewriter;
import dev.citeqa.chat.Workspace;
import dev.citeqa.cite.Citation;
import dev.citeqa.cite.CitedAnswer;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.index.Embedder;
import dev.citeqa.testing.SeedWorkspace;

/**
 * Sources that disagree, on a folder made up for the test (no seed article): one quote that two reports give to
 * different people, one figure that two reports state differently. The offline answer says so and cites each side;
 * where the sources agree, or name one person two ways, it says nothing of the kind.
 */
class DisagreementTest {

    private static final String WEATHER = """
            Heavy rain is expected across the northern coast on Thursday, forecasters said.
            Winds will ease by the weekend, and temperatures stay mild for the season.
            """;
    private static final String QUOTE = "\"Our fishermen will be back at sea within a month,\"";

    @TempDir
    Path folder;

    @Test
    void aQuoteGivenToTwoPeopleIsReportedWithEachSideCited() throws IOException {
        CitedAnswer answer = ask(Map.of(
                "harbour-gazette.txt", """
                        The harbour authority met on Monday in Valdera to discuss the storm damage.
                        Mayor Ingrid Solberg opened the session, and Solberg told reporters that the port would reopen soon.
                        %s she said. The authority approved 40 new berths for the harbour.
                        """.formatted(QUOTE),
                "coast-daily.txt", """
                        Port officials gathered in Valdera this week after the winter storms.
                        Harbour master Tomas Brekke answered questions from the local press, and Brekke said funds were secured.
                        %s he said. Repairs to the northern pier start in spring.
                        """.formatted(QUOTE),
                "weather.txt", WEATHER), "Who said that the fishermen will be back at sea within a month?");

        assertThat(answer.abstained()).isFalse();
        assertThat(answer.text()).contains("The sources disagree: ");
        String note = answer.text().substring(answer.text().indexOf("The sources disagree"));
        assertThat(fileCited(answer, note, "Solberg said it, according to \\[(\\d+)]")).isEqualTo("harbour-gazette.txt");
        assertThat(fileCited(answer, note, "Brekke said it, according to \\[(\\d+)]")).isEqualTo("coast-daily.txt");
        // the names come from the sentences before each quote: the check reads those too
        assertThat(answer.unsupported()).isZero();
    }

    @Test
    void differentFiguresForOneStatementAreReportedWithEachSideCited() throws IOException {
        CitedAnswer answer = ask(Map.of(
                "harbour-gazette.txt", """
                        The harbour authority met on Monday in Valdera to discuss the storm damage.
                        The harbour authority approved 40 new berths for the fishing fleet.
                        """,
                "coast-daily.txt", """
                        Port officials gathered in Valdera this week after the winter storms.
                        The harbour authority approved 65 new berths for the fishing fleet, officials confirmed.
                        """,
                "weather.txt", WEATHER), "How many new berths did the harbour authority approve?");

        // the answer states one side, the note quotes the other: each with its own source
        assertThat(answer.text()).contains("The sources give different figures; another source says: ");
        String text = answer.text();
        assertThat(fileCited(answer, text, "approved (?:40|65) new berths for the fishing fleet \\[(\\d+)]"))
                .isEqualTo(text.indexOf("40") < text.indexOf("65") ? "harbour-gazette.txt" : "coast-daily.txt");
        assertThat(fileCited(answer, text, "another source says: The harbour authority approved (?:40|65) new berths for "
                + "the fishing fleet(?:, officials confirmed)? \\[(\\d+)]"))
                .isEqualTo(text.indexOf("40") < text.indexOf("65") ? "coast-daily.txt" : "harbour-gazette.txt");
        assertThat(answer.unsupported()).isZero();
    }

    @Test
    void sourcesThatAgreeOrSpellOneNameTwoWaysAreNotCalledInConflict() throws IOException {
        CitedAnswer answer = ask(Map.of(
                "harbour-gazette.txt", """
                        The harbour authority met on Monday in Valdera to discuss the storm damage.
                        Harbour master Tomas Brekke opened the session, and Brekke told reporters that the port would reopen.
                        %s he said. The harbour authority approved 40 new berths for the fishing fleet.
                        """.formatted(QUOTE),
                "coast-daily.txt", """
                        Port officials gathered in Valdera this week after the winter storms.
                        Harbour master Tomas Brekkeh answered questions from the local press, and Brekkeh said funds were secured.
                        %s he said. The harbour authority approved 40 new berths for the fishing fleet, officials confirmed.
                        """.formatted(QUOTE),
                "weather.txt", WEATHER),
                "Who said that the fishermen will be back at sea within a month?");

        // the learned reader declines this one (its answerability estimate falls below the threshold learned on
        // SQuAD); whichever it does, it never calls agreeing sources or two spellings of one name a conflict
        assertThat(answer.text()).doesNotContain("disagree", "different figures");
        if (!answer.abstained()) {
            assertThat(answer.text()).contains("within a month");
        }
    }

    @Test
    void theSpeakerOfAHeSaidIsThePersonNamedBeforeItNotANameInsideTheQuote() {
        List<String> context = List.of("Later, Minister Aldo Ferrante said the plan was ready.");
        String passage = "Minister Aldo Ferrante, a former engineer from the city of Brio, which lies inland, said the "
                + "plan was ready. \"We thank Governor Lund for the money,\" he said.";
        int start = passage.indexOf("\"We thank");

        assertThat(Attribution.speaker(passage, start, "", context)).contains("Ferrante");
        // a "he said" at the top of a passage refers back to the end of the passage before it
        assertThat(Attribution.speaker("\"It works,\" he said. Work starts in May.", 0,
                "The hall was full. Aldo Ferrante spoke last, and Ferrante said the plan was ready.", context))
                .contains("Ferrante");
        assertThat(Attribution.speaker("Officials said the plan was ready. \"It works,\" he said.", 35, "", context))
                .isEmpty(); // "Officials" is a capitalised word, not a person's name
        assertThat(Attribution.speaker("\"It works,\" said Aldo Ferrante.", 0, "", context)).contains("Ferrante");
        assertThat(Attribution.speaker("The plan is ready, according to Ferrante.", 0, "", context)).contains("Ferrante");
    }

    private CitedAnswer ask(Map<String, String> files, String question) throws IOException {
        Path docs = folder.resolve("docs");
        Files.createDirectories(docs);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(docs.resolve(file.getKey()), file.getValue());
        }
        Path data = folder.resolve("data");
        CiteqaProperties settings = SeedWorkspace.settings(docs, data, "bm25", Embedder.NONE);
        try (Workspace workspace = new Workspace(docs, data, settings, Embedder.named(Embedder.NONE))) {
            workspace.sync(p -> {
            });
            return new AskService(settings, new Answerers(settings, SentenceMeaning.NONE),
                    new DefaultListableBeanFactory().getBeanProvider(QuestionRewriter.class))
                    .ask(workspace, question, t -> {
                    }).answer();
        }
    }

    /** The file of the passage cited by the number that {@code pattern}'s group captures in the note. */
    private static String fileCited(CitedAnswer answer, String note, String pattern) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(note);
        assertThat(m.find()).as("%s in %s", pattern, note).isTrue();
        int cited = Integer.parseInt(m.group(1));
        return answer.citations().stream().filter(c -> c.n() == cited).map(Citation::passage)
                .findFirst().orElseThrow().file();
    }
}
