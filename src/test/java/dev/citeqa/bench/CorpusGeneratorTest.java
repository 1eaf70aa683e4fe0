package dev.citeqa.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

    @TempDir
    Path temp;

    @Test
    void sameSeedWritesTheSameBytesAndAnotherSeedOtherText() {
        assertThat(new CorpusGenerator(1).document(5)).isEqualTo(new CorpusGenerator(1).document(5));
        assertThat(new CorpusGenerator(1).document(5)).isNotEqualTo(new CorpusGenerator(2).document(5));
        assertThat(new CorpusGenerator(1).document(5)).isNotEqualTo(new CorpusGenerator(1).document(6));
    }

    @Test
    void documentIsATitleADatelineAndParagraphsOfThreeSentences() {
        String[] blocks = new CorpusGenerator(3).document(0).strip().split("\n\n");
        assertThat(blocks).hasSize(2 + CorpusGenerator.PASSAGES_PER_FILE);
        assertThat(blocks[1]).matches("[A-Z]+, [A-Z][a-z]+ \\d{1,2}, 20\\d\\d");
        for (int i = 2; i < blocks.length; i++) {
            assertThat(blocks[i].split("(?<=\\.) (?=[A-Z])")).hasSize(3);
        }
    }

    @Test
    void commonWordsAreFarMoreFrequentThanRareOnesAndNamesRecur() {
        CorpusGenerator generator = new CorpusGenerator(11);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append(generator.document(i));
        }
        Map<String, Long> counts = Arrays.stream(text.toString().split("[^A-Za-z]+"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long singletons = counts.values().stream().filter(c -> c == 1).count();
        long top = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        // a Zipf tail: many words seen once, while the most common content words are seen thousands of times
        assertThat(singletons).isGreaterThan(1_000);
        assertThat(top).isGreaterThan(1_000);
        assertThat(counts.getOrDefault("government", 0L)).isGreaterThan(100);
    }

    @Test
    void anExistingCorpusOfTheSameShapeIsKeptAndAnotherSizeReplacesIt() throws IOException {
        CorpusGenerator generator = new CorpusGenerator(4);
        assertThat(generator.write(temp, 100)).isEqualTo(new CorpusGenerator.Written(5, false));
        Path first = temp.resolve(CorpusGenerator.fileName(0));
        Files.writeString(first, "changed");
        assertThat(generator.write(temp, 100)).isEqualTo(new CorpusGenerator.Written(5, true));
        assertThat(Files.readString(first)).isEqualTo("changed"); // kept: the marker matched
        assertThat(generator.write(temp, 40)).isEqualTo(new CorpusGenerator.Written(2, false));
        assertThat(Files.readString(first)).isEqualTo(generator.document(0));
        assertThat(Files.exists(temp.resolve(CorpusGenerator.fileName(4)))).isFalse();
    }
}
