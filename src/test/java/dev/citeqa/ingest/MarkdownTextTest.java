package dev.citeqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    static final String GUIDE = """
            ---
            title: kettle-brew
            section: 1
            description: Brew a pot from a clean kettle
            ---

            ### Synopsis

            ```bash
            kettle brew

            aliases: kb, brew-clean
            ```

            ### Description

            This command is similar to `kettle boil`, except it is meant for unattended kitchens.

            The main differences between using `kettle boil` and `kettle brew` are:

            * The kettle **must** hold a `water.lock` file or
              a `spring.lock` file.
            * If the leaves in the caddy do not match those in `recipe.json`,
              `kettle brew` will stop with an error, instead of changing the recipe.
            * It never writes to `recipe.json`.

            A later paragraph says that brewing takes four minutes. It stands on its own.

            ### Example

            Pour a cup:

            ```
            $ kettle brew --cups 2
            poured 2 cups in 240s
            ```
            """;

    final SourceText source = Ingest.read("kettle-brew.md", GUIDE);
    final IngestedFile file = Ingest.one(source);

    @Test
    void frontMatterIsMetadataAndItsTitleIsTheDocumentTitle() {
        assertThat(file.title()).isEqualTo("kettle-brew");
        assertThat(source.text()).doesNotContain("description:", "section: 1", "---");
    }

    @Test
    void withoutFrontMatterTheFirstHeadingIsTheTitle() {
        IngestedFile plain = Ingest.one(Ingest.read("notes.md", "Intro line that is long enough to be a paragraph.\n\n"
                + "# Pruning apple trees\n\nCut in late winter, when the tree is dormant.\n"));
        assertThat(plain.title()).isEqualTo("Pruning apple trees");
    }

    @Test
    void headingsNameTheSectionAndStartANewPassage() {
        Passage description = Ingest.holding(file, "unattended kitchens");
        assertThat(description.section()).isEqualTo("Description");
        assertThat(description.text()).doesNotContain("Description", "Synopsis");
        assertThat(Ingest.holding(file, "Pour a cup").section()).isEqualTo("Example");
    }

    @Test
    void aListStaysWithTheSentenceThatIntroducesItAndAWrappedItemIsOneSentence() {
        Passage list = Ingest.holding(file, "The main differences");
        assertThat(list.text()).startsWith("The main differences between using `kettle boil` and `kettle brew` are:")
                .contains("- If the leaves in the caddy do not match those in `recipe.json`, `kettle brew` will stop "
                        + "with an error, instead of changing the recipe.")
                .contains("- It never writes to `recipe.json`.");
        assertThat(list.text()).doesNotContain("unattended kitchens", "four minutes");
        assertThat(file.passages()).noneMatch(p -> p.text().startsWith("`kettle brew` will stop"));
    }

    @Test
    void codeBlocksAreWholePassagesOfTheirOwnEvenWhenLong() {
        assertThat(Ingest.texts(file)).contains("kettle brew\n\naliases: kb, brew-clean",
                "$ kettle brew --cups 2\npoured 2 cups in 240s");
        StringBuilder longCode = new StringBuilder("Run it:\n\n```\n");
        for (int i = 0; i < 80; i++) {
            longCode.append("step ").append(i).append(": stir the pot and wait. Then taste it.\n");
        }
        longCode.append("```\n");
        IngestedFile code = Ingest.one(Ingest.read("long.md", longCode.toString()));
        Passage block = Ingest.holding(code, "step 0:");
        assertThat(block.text()).contains("step 79:").hasSizeGreaterThan(900);
    }

    @Test
    void passagesAreTheExtractedTextAtTheirOffsetsAndKnowTheirLinesInTheFile() {
        for (Passage p : file.passages()) {
            assertThat(source.text().substring(p.start(), p.end())).isEqualTo(p.text());
        }
        Passage later = Ingest.holding(file, "brewing takes four minutes");
        assertThat(later.place()).isEqualTo(new Place(Place.Unit.LINE, Ingest.lineOf(GUIDE, "A later paragraph"),
                Ingest.lineOf(GUIDE, "A later paragraph")));
        Passage list = Ingest.holding(file, "The main differences");
        assertThat(list.place().first()).isEqualTo(Ingest.lineOf(GUIDE, "The main differences"));
        assertThat(list.place().last()).isEqualTo(Ingest.lineOf(GUIDE, "It never writes"));
        assertThat(Ingest.holding(file, "poured 2 cups").place().first())
                .isEqualTo(Ingest.lineOf(GUIDE, "$ kettle brew --cups"));
    }
}
