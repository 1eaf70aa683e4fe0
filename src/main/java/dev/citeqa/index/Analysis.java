package dev.citeqa.index;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** The one text analysis of the product: English stop words, possessives and Porter stemming. */
public final class Analysis {

    private static final Analyzer ENGLISH = new EnglishAnalyzer();
    private static final Set<String> FUNCTION_WORDS = loadFunctionWords();

    private Analysis() {
    }

    public static Analyzer english() {
        return ENGLISH;
    }

    /**
     * The analysed forms of English function words (Snowball's list: "about", "has", "which", ...), which the
     * index keeps for phrase-like matching but which say nothing about a sentence's topic.
     */
    public static Set<String> functionWords() {
        return FUNCTION_WORDS;
    }

    /** The index terms of a text that carry its topic: function words left out. */
    public static List<String> contentTerms(String text) {
        List<String> terms = terms(text);
        terms.removeIf(FUNCTION_WORDS::contains);
        return terms;
    }

    private static Set<String> loadFunctionWords() {
        try (Reader list = IOUtils.getDecodingReader(
                SnowballFilter.class.getResourceAsStream("english_stop.txt"), StandardCharsets.UTF_8)) {
            Set<String> analysed = new HashSet<>();
            for (Object word : WordlistLoader.getSnowballWordSet(list)) {
                analysed.addAll(terms(word instanceof char[] chars ? new String(chars) : word.toString()));
            }
            return Set.copyOf(analysed);
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's Snowball stop list ships in lucene-analysis-common", e);
        }
    }

    /** The index terms of a text, in order, duplicates kept. */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = ENGLISH.tokenStream(Fields.TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
