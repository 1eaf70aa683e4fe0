package dev.citeqa.ingest;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Measures where {@link SentenceSplitter} puts sentence boundaries against the JDK's {@link BreakIterator} and, when
 * icu4j is on the class path, ICU4J's sentence iterator with its English abbreviation suppressions
 * ({@code en@ss=standard}). Not a test: a measurement, run by hand (the command is in SentenceSplitter's javadoc).
 * It prints the boundaries each finds and how far they agree, and writes every disagreement with its context to a
 * file, to be judged by reading.
 *
 * <p>Arguments: the seeds folder, a SQuAD JSON file, the file to write the disagreements to.
 */
public final class SentenceBoundaryAgreement {

    private SentenceBoundaryAgreement() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("seeds", seedParagraphs(Path.of(args[0])));
        sets.put("squad2-train-partial", squadContexts(Path.of(args[1])));
        Map<String, Function<String, TreeSet<Integer>>> splitters = new LinkedHashMap<>();
        splitters.put("citeqa", SentenceBoundaryAgreement::citeqa);
        splitters.put("jdk", text -> iterator(BreakIterator.getSentenceInstance(Locale.ENGLISH), text));
        Function<String, TreeSet<Integer>> icu = icu();
        if (icu != null) {
            splitters.put("icu4j", icu);
        }
        StringBuilder disagreements = new StringBuilder();
        for (Map.Entry<String, List<String>> set : sets.entrySet()) {
            System.out.printf("%s: %d paragraphs%n", set.getKey(), set.getValue().size());
            Map<String, List<TreeSet<Integer>>> found = new LinkedHashMap<>();
            splitters.forEach((name, splitter) -> found.put(name, set.getValue().stream().map(splitter).toList()));
            found.forEach((name, b) -> System.out.printf("  %-7s %5d boundaries%n", name,
                    b.stream().mapToInt(TreeSet::size).sum()));
            for (String other : found.keySet()) {
                if (other.equals("citeqa")) {
                    continue;
                }
                int both = 0;
                int onlyOurs = 0;
                int onlyTheirs = 0;
                for (int p = 0; p < set.getValue().size(); p++) {
                    TreeSet<Integer> ours = found.get("citeqa").get(p);
                    TreeSet<Integer> theirs = found.get(other).get(p);
                    String text = set.getValue().get(p);
                    for (int b : ours) {
                        if (theirs.contains(b)) {
                            both++;
                        } else {
                            onlyOurs++;
                            disagreements.append(line(set.getKey(), "citeqa only (vs " + other + ")", text, b));
                        }
                    }
                    for (int b : theirs) {
                        if (!ours.contains(b)) {
                            onlyTheirs++;
                            disagreements.append(line(set.getKey(), other + " only", text, b));
                        }
                    }
                }
                System.out.printf("  citeqa vs %-6s agree on %d; citeqa only %d, %s only %d; agreement (F1) %.3f%n",
                        other, both, onlyOurs, other, onlyTheirs, 2.0 * both / (2.0 * both + onlyOurs + onlyTheirs));
            }
        }
        Files.writeString(Path.of(args[2]), disagreements);
    }

    private static String line(String set, String who, String text, int at) {
        String before = text.substring(Math.max(0, at - 70), at).replace('\n', ' ');
        String after = text.substring(at, Math.min(text.length(), at + 40)).replace('\n', ' ');
        return set + "\t" + who + "\t" + before + " || " + after + "\n";
    }

    /** Paragraphs of the seed articles: blocks between blank lines. */
    static List<String> seedParagraphs(Path folder) throws IOException {
        List<String> paragraphs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                for (String block : Files.readString(file).split("\\n\\s*\\n")) {
                    if (!block.isBlank()) {
                        paragraphs.add(block.strip());
                    }
                }
            }
        }
        return paragraphs;
    }

    static List<String> squadContexts(Path file) throws IOException {
        List<String> contexts = new ArrayList<>();
        for (JsonNode article : new ObjectMapper().readTree(file.toFile()).path("data")) {
            for (JsonNode paragraph : article.path("paragraphs")) {
                contexts.add(paragraph.path("context").asText().strip());
            }
        }
        return contexts;
    }

    /** Where sentences start, after the first: the splitter's own spans. */
    static TreeSet<Integer> citeqa(String text) {
        TreeSet<Integer> starts = new TreeSet<>();
        List<SentenceSplitter.Span> spans = SentenceSplitter.split(text, 0, text.length());
        for (int i = 1; i < spans.size(); i++) {
            starts.add(spans.get(i).start());
        }
        return starts;
    }

    static TreeSet<Integer> iterator(BreakIterator sentences, String text) {
        sentences.setText(text);
        TreeSet<Integer> starts = new TreeSet<>();
        for (int b = sentences.next(); b != BreakIterator.DONE; b = sentences.next()) {
            addStart(starts, text, b);
        }
        return starts;
    }

    /** A break counts at the first non-blank character after it, as the splitter's spans start there. */
    private static void addStart(TreeSet<Integer> starts, String text, int at) {
        int start = at;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start > 0 && start < text.length()) {
            starts.add(start);
        }
    }

    /** ICU4J's English sentence iterator with abbreviation suppressions, through reflection: icu4j is optional. */
    private static Function<String, TreeSet<Integer>> icu() throws ReflectiveOperationException {
        Class<?> iteratorType;
        try {
            iteratorType = Class.forName("com.ibm.icu.text.BreakIterator");
        } catch (ClassNotFoundException e) {
            return null;
        }
        Class<?> localeType = Class.forName("com.ibm.icu.util.ULocale");
        Object english = localeType.getConstructor(String.class).newInstance("en@ss=standard");
        Method instance = iteratorType.getMethod("getSentenceInstance", localeType);
        Method setText = iteratorType.getMethod("setText", String.class);
        Method next = iteratorType.getMethod("next");
        return text -> {
            try {
                Object sentences = instance.invoke(null, english);
                setText.invoke(sentences, text);
                TreeSet<Integer> starts = new TreeSet<>();
                for (int b = (int) next.invoke(sentences); b != BreakIterator.DONE; b = (int) next.invoke(sentences)) {
                    addStart(starts, text, b);
                }
                return starts;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
