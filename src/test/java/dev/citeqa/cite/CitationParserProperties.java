package dev.citeqa.cite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.citeqa.answer.Reply;
import dev.citeqa.retrieve.RankedPassage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a model replies, the citation check never throws and never keeps a number that points nowhere. */
class CitationParserProperties {

    private static final List<RankedPassage> CONTEXT = CitationCheckerTest.CONTEXT;
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)\\]");

    @Property(tries = 500)
    void citationsAlwaysResolve(@ForAll("replies") String reply) {
        CitedAnswer answer = CitationChecker.check("q", Reply.offline(reply), CONTEXT);
        Matcher m = MARKER.matcher(answer.text());
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            assertThat(n).isBetween(1, answer.citations().size());
        }
        assertThat(answer.citations()).extracting(Citation::n)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, answer.citations().size()).boxed().toList());
        answer.unknownMarkers().forEach(n -> assertThat(n < 1 || n > CONTEXT.size()).isTrue());
    }

    @Provide
    Arbitrary<String> replies() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().withChars("abc .,!?[]0123456789\n ").ofMaxLength(20),
                Arbitraries.integers().between(-3, 12).map(n -> "[" + n + "]"),
                Arbitraries.of("[1, 2]", "[2;3]", "[]", "[1", "1]", "[[2]]", "[99999]", "[0001]", ". ", "Tehran",
                        "The ministers met in Tehran.", "\u001b[1m"));
        return piece.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }
}
