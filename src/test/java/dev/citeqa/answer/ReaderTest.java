package dev.citeqa.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * The offline reader on a folder made up for the test (a harbour town's news, no seed text): a short answer of each
 * type first, then the sentence; dates the documents meet, leave open or contradict; questions made unanswerable by a
 * changed name or year; a question answered across two documents; a headline that does not beat its sentence. The
 * reader runs as shipped (learned weights, BGE sentence meaning) over a real on-disk index.
 */
class ReaderTest {

    private static final Map<String, String> FILES = Map.of(
            "harbour-reopens.txt", """
                    Valdera harbour reopens after winter storm

                    March 6, 2019

                    The harbour of Valdera reopened to fishing boats on Tuesday after a three-week closure, port officials said.
                    The reopening order was signed by harbour master Tomas Brekke after a final inspection of the quays.
                    The repairs cost 4.2 million euros, according to the port authority.
                    The northern pier was rebuilt by Kestrel Marine, a building firm from the coast.
                    Fishermen had waited for weeks to bring their boats back into port.
                    """,
            "people-brekke.txt", """
                    A life by the sea

                    Tomas Brekke grew up in Tolva, a village of farmers, and was born in 1961.
                    He worked on trawlers for twenty years before he took charge of the harbour.
                    """,
            "fisheries-treaty.txt", """
                    Fisheries treaty between Norland and Estavia

                    The fisheries treaty between Norland and Estavia was signed in Karsby by the foreign ministers of both countries.
                    The treaty sets catch limits for cod and herring in the shared waters of the gulf.
                    """,
            "grain-agreement.txt", """
                    Grain agreement signed

                    September 9, 2019

                    The grain agreement between Norland and Estavia was signed in Tolva on Monday by the two trade ministers.
                    It cuts the duty on wheat and barley for five years.
                    """,
            "certificates.txt", """
                    Certificates on the port network

                    The port's certificates are written in Distinguished Encoding Rules (DER) so every reader decodes them alike.
                    They were issued on Sept. 8, 2014 by the port authority.
                    """,
            "second-treaty.txt", """
                    New fisheries pact

                    June 11, 2021

                    A second fisheries treaty between Norland and Estavia was signed in Brovik on Friday.
                    The new treaty extends the catch limits to mackerel.
                    """);

    @TempDir
    static Path folder;
    private static Workspace workspace;
    private static CiteqaProperties settings;

    @BeforeAll
    static void index() throws IOException {
        Path docs = folder.resolve("docs");
        Files.createDirectories(docs);
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            Files.writeString(docs.resolve(file.getKey()), file.getValue());
        }
        Path data = folder.resolve("data");
        settings = SeedWorkspace.settings(docs, data, "hybrid", Embedder.BGE_SMALL);
        workspace = new Workspace(docs, data, settings, SeedWorkspace.embedder(Embedder.BGE_SMALL));
        workspace.sync(p -> {
        });
    }

    @AfterAll
    static void close() {
        workspace.close();
    }

    @Test
    void aPersonIsNamedFirstAndCited() {
        CitedAnswer answer = ask("Who signed the reopening order for the harbour?");

        assertThat(answer.shortAnswer()).isEqualTo("Tomas Brekke");
        assertThat(answer.text()).startsWith("Tomas Brekke [1].");
        assertThat(fileOf(answer, 1)).isEqualTo("harbour-reopens.txt");
        assertThat(answer.text()).contains("The reopening order was signed by harbour master Tomas Brekke");
    }

    @Test
    void anAmountIsGivenFirst() {
        CitedAnswer answer = ask("How much did the repairs of the harbour cost?");

        assertThat(answer.shortAnswer()).isEqualTo("4.2 million euros");
        assertThat(answer.text()).startsWith("4.2 million euros [1].");
        assertThat(fileOf(answer, 1)).isEqualTo("harbour-reopens.txt");
    }

    @Test
    void anOrganisationIsGivenFirst() {
        CitedAnswer answer = ask("Which firm rebuilt the northern pier?");

        assertThat(answer.shortAnswer()).isEqualTo("Kestrel Marine");
        assertThat(fileOf(answer, 1)).isEqualTo("harbour-reopens.txt");
    }

    @Test
    void aDayIsGivenFirstAndAnchoredToTheArticleDate() {
        CitedAnswer answer = ask("When did the harbour of Valdera reopen to fishing boats?");

        assertThat(answer.shortAnswer()).isEqualTo("Tuesday");
        assertThat(answer.text()).contains("(in an article dated 6 March 2019)");
    }

    @Test
    void anAbbreviationIsAnsweredWithTheWordsItStandsFor() {
        CitedAnswer answer = ask("What does DER stand for?");

        assertThat(answer.shortAnswer()).as(answer.text()).isEqualTo("Distinguished Encoding Rules");
        assertThat(fileOf(answer, 1)).isEqualTo("certificates.txt");
    }

    @Test
    void aDayInsideADateIsNoAmount() {
        var unit = AnswerUnit.of(java.util.List.of(new dev.citeqa.retrieve.RankedPassage(new dev.citeqa.ingest.Passage(
                "a#0-x", "a", 0, "t", null, 0, 60, "They were issued on Sept. 8, 2014 to 12 harbour pilots."), 1, 1, 1,
                1, 0, Double.NaN, java.util.List.of())), p -> "");
        var phrases = Phrases.of(unit.getFirst().sentence(), AnswerType.NUMBER, java.util.Set.of());

        assertThat(phrases).extracting(Phrases.Phrase::text).containsExactly("12 harbour pilots");
    }

    @Test
    void aYesNoQuestionOpensWithYes() {
        CitedAnswer answer = ask("Did Kestrel Marine rebuild the northern pier?");

        assertThat(answer.shortAnswer()).as(answer.text()).isEqualTo("Yes");
        assertThat(answer.text()).startsWith("Yes [1].").contains("rebuilt by Kestrel Marine");
    }

    @Test
    void aYearMetOnlyByThePublicationDateIsAnswered() {
        // "2021" is written nowhere in the text; the article is dated June 11, 2021
        CitedAnswer answer = ask("Where was the 2021 fisheries treaty between Norland and Estavia signed?");

        assertThat(answer.shortAnswer()).as(answer.text()).isEqualTo("Brovik");
        assertThat(fileOf(answer, 1)).isEqualTo("second-treaty.txt");
        assertThat(answer.text()).doesNotContain("do not say whether");
    }

    @Test
    void aYearNothingConfirmsOrContradictsIsAnsweredAndSaidSo() {
        // the first treaty's article has no date: 2015 is neither met nor contradicted; the 2021 one contradicts it
        CitedAnswer answer = ask("In which city was the 2015 fisheries treaty between Norland and Estavia signed?");

        assertThat(answer.shortAnswer()).isEqualTo("Karsby");
        assertThat(fileOf(answer, 1)).isEqualTo("fisheries-treaty.txt");
        assertThat(answer.text()).contains("The documents do not say whether this was in 2015.");
        assertThat(answer.text()).doesNotContain("Brovik");
    }

    @Test
    void aYearNothingConfirmsIsSaidSoWithoutAShortAnswerToo() {
        // no name, place or number is asked: the sentences are quoted, and the date left open is said after them
        CitedAnswer answer = ask("How was the 2015 fisheries treaty between Norland and Estavia signed?");

        assertThat(answer.abstained()).as(answer.text()).isFalse();
        assertThat(answer.shortAnswer()).isNull();
        assertThat(answer.text()).contains("by the foreign ministers of both countries [1].")
                .endsWith("The documents do not say whether this was in 2015.");
    }

    @Test
    void aContradictedYearIsNotAnsweredWithTheOtherEvent() {
        // the only grain agreement was signed in an article dated 2019
        CitedAnswer answer = ask("Where was the 2017 grain agreement between Norland and Estavia signed?");

        assertThat(answer.abstained()).as(answer.text()).isTrue();
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.text()).doesNotContain("Tolva");
    }

    @Test
    void aQuestionWithAChangedNameIsDeclined() {
        CitedAnswer answer = ask("Who signed the reopening order for the harbour of Porto Verde?");

        assertThat(answer.abstained()).isTrue();
        assertThat(answer.text()).contains("Porto Verde");
        assertThat(answer.citations()).isEmpty();
    }

    @Test
    void aQuestionWithAChangedYearIsDeclined() {
        CitedAnswer answer = ask("How much did the 2016 repairs of the harbour of Valdera cost?");

        assertThat(answer.abstained()).isTrue();
        assertThat(answer.citations()).isEmpty();
    }

    @Test
    void aQuestionAcrossTwoDocumentsCitesBoth() {
        CitedAnswer answer = ask("In what year was the harbour master who signed the reopening order born?");

        assertThat(answer.shortAnswer()).isEqualTo("1961");
        assertThat(answer.citations()).extracting(c -> c.passage().file())
                .contains("harbour-reopens.txt", "people-brekke.txt");
        assertThat(fileOf(answer, numberAfter(answer.text(), "1961"))).isEqualTo("people-brekke.txt");
        assertThat(answer.unsupported()).as(answer.text()).isZero();
    }

    @Test
    void aHeadlineDoesNotWinOverTheSentenceThatAnswers() {
        CitedAnswer answer = ask("Why was the Valdera harbour reopened after the winter storm?");

        assertThat(answer.text()).doesNotStartWith("Valdera harbour reopens after winter storm");
        if (!answer.abstained()) {
            assertThat(answer.text()).contains("The harbour of Valdera reopened to fishing boats on Tuesday");
        }
    }

    private static CitedAnswer ask(String question) {
        return new AskService(settings, new Answerers(settings,
                SentenceMeaning.of(SeedWorkspace.embedder(Embedder.BGE_SMALL))),
                new DefaultListableBeanFactory().getBeanProvider(QuestionRewriter.class))
                .ask(workspace, question, t -> {
                }).answer();
    }

    private static String fileOf(CitedAnswer answer, int n) {
        return answer.citations().stream().filter(c -> c.n() == n).map(Citation::passage).findFirst()
                .orElseThrow(() -> new AssertionError("no citation [" + n + "] in: " + answer.text())).file();
    }

    /** The first citation number after a phrase of the answer. */
    private static int numberAfter(String text, String phrase) {
        Matcher m = Pattern.compile(Pattern.quote(phrase) + "\\s*\\[(\\d+)]").matcher(text);
        assertThat(m.find()).as("%s [n] in %s", phrase, text).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
