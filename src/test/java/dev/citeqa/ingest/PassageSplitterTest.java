package dev.citeqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.citeqa.SeedFolder;
import dev.citeqa.config.CiteqaProperties;

class PassageSplitterTest {

    static final CiteqaProperties.Ingest SETTINGS = CiteqaProperties.Ingest.defaults();
    static Map<String, IngestedFile> seeds;
    static Map<String, String> texts;

    @BeforeAll
    static void splitTheSeeds() throws IOException {
        seeds = new HashMap<>();
        texts = new HashMap<>();
        Map<String, SourceText> sources = new HashMap<>();
        Map<String, Set<String>> keys = new HashMap<>();
        try (Stream<Path> files = Files.list(SeedFolder.SEEDS)) {
            for (Path path : files.sorted().toList()) {
                String name = path.getFileName().toString();
                SourceText source = ((DocumentReader.Read) new DocumentReader().read(path, name)).source();
                sources.put(name, source);
                keys.put(name, Boilerplate.lineKeys(source));
                texts.put(name, source.text());
            }
        }
        Boilerplate boilerplate = Boilerplate.ofCorpus(keys);
        sources.forEach((name, source) -> seeds.put(name,
                new PassageSplitter(SETTINGS).split(source, boilerplate, keys.get(name))));
    }

    private static String allText(String file) {
        return seeds.get(file).passages().stream().map(Passage::text).collect(Collectors.joining("\n"));
    }

    @Test
    void everyPassageIsTheFileTextBetweenItsOffsets() {
        seeds.forEach((file, ingested) -> {
            assertThat(ingested.passages()).isNotEmpty();
            for (Passage p : ingested.passages()) {
                assertThat(texts.get(file).substring(p.start(), p.end())).isEqualTo(p.text());
                assertThat(p.id()).isEqualTo(file + "#" + p.ordinal() + "-" + Hashes.shortHash(p.text()));
            }
        });
    }

    @Test
    void paywallAndSubscriptionPromptsAreNotPassages() {
        String text = allText("002_516ae136e8be9269.txt");
        assertThat(text).doesNotContain("daily free article limit", "Subscribe and support", "Ad-Free Access",
                "become a subscriber or login", "Already a subscriber", "commons.wikimedia.org");
        assertThat(text).contains("memorandum of understanding expanding military cooperation");
    }

    @Test
    void aParagraphRepeatedInsideAFileIsKeptOnce() {
        String text = allText("002_516ae136e8be9269.txt");
        String repeated = "Iraq and Iran signed a memorandum of understanding expanding military cooperation";
        assertThat(text.split(repeated, -1)).hasSize(2);
    }

    @Test
    void forumChromeIsRemovedButTheArticleStays() {
        String text = allText("001_427b068eda7f8d6f.txt");
        assertThat(text).doesNotContain("Joined", "Reactions", "Messages", "THINK TANK");
        assertThat(text).contains("Brig. Gen. Hamid Taqavi was \"martyred while performing his advisory mission\"");
    }

    @Test
    void abbreviationsDoNotEndSentences() {
        String text = "Brig. Gen. Hamid Taqavi was killed in Samarra. He fought in the 1980s war. U.S. troops left.";
        List<SentenceSplitter.Span> spans = SentenceSplitter.split(text, 0, text.length());
        assertThat(spans).extracting(s -> text.substring(s.start(), s.end())).containsExactly(
                "Brig. Gen. Hamid Taqavi was killed in Samarra.", "He fought in the 1980s war.", "U.S. troops left.");
    }

    @Test
    void aPossessiveOrAClosingQuoteAfterAFullStopEndsTheSentence() {
        String text = "The keys were left at the harbour master's. Nobody took them. He listed ferries, tugs, etc.\" "
                + "Then he left for the quay.";
        List<SentenceSplitter.Span> spans = SentenceSplitter.split(text, 0, text.length());
        assertThat(spans).extracting(s -> text.substring(s.start(), s.end())).containsExactly(
                "The keys were left at the harbour master's.", "Nobody took them.",
                "He listed ferries, tugs, etc.\"", "Then he left for the quay.");
    }

    @Test
    void titleAndDatelineAreRead() {
        IngestedFile dated = seeds.get("004_35665f7e3260056a.txt");
        assertThat(dated.date()).isEqualTo("2017-07-23");
        assertThat(dated.passages()).allSatisfy(p -> assertThat(p.date()).isEqualTo("2017-07-23"));
        assertThat(allText("004_35665f7e3260056a.txt")).doesNotContain("1:38 pm");
        assertThat(seeds.get("002_516ae136e8be9269.txt").title())
                .isEqualTo("Iran and Iraq sign defense cooperation agreement");
        // a forum's "Joined Nov 27, 2014" under a user name is not the article's date
        assertThat(seeds.get("001_427b068eda7f8d6f.txt").date()).isNull();
    }

    @Test
    void passagesHoldAFewWholeSentences() {
        for (IngestedFile file : seeds.values()) {
            for (Passage p : file.passages()) {
                assertThat(p.text().length()).isLessThanOrEqualTo(900);
                assertThat(SentenceSplitter.split(p.text(), 0, p.text().length()).size()).isBetween(1, 4);
            }
        }
    }

    @Test
    void aLineRepeatedAcrossManyFilesIsChromeWhileAQuoteInTwoIsKept() {
        Map<String, SourceText> corpus = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            String quote = i < 2 ? "\"We will rebuild the bridge by spring,\" the mayor told the council on Monday.\n" : "";
            corpus.put("f" + i + ".txt", new SourceText("f" + i + ".txt", "h" + i,
                    "Town news number " + i + " about the harbour and its ferries today.\n" + quote
                            + "Local officials met " + i + " times this week to discuss the new ferry timetable.\n"
                            + "Share this story with your friends on every network\n", null));
        }
        Map<String, Set<String>> keys = new HashMap<>();
        corpus.forEach((name, source) -> keys.put(name, Boilerplate.lineKeys(source)));
        Boilerplate boilerplate = Boilerplate.ofCorpus(keys);
        String f0 = new PassageSplitter(SETTINGS).split(corpus.get("f0.txt"), boilerplate, keys.get("f0.txt"))
                .passages().stream().map(Passage::text).collect(Collectors.joining("\n"));
        assertThat(f0).contains("the mayor told the council", "ferry timetable").doesNotContain("Share this story");
    }

    @Test
    void aFileWhoseLinesBecomeCorpusChromeGetsANewFingerprint() {
        Set<String> lines = Set.of("shared footer line");
        String before = PassageSplitter.fingerprint("hash", SETTINGS, Set.of());
        String after = PassageSplitter.fingerprint("hash", SETTINGS, lines);
        assertThat(before).isNotEqualTo(after);
    }
}
