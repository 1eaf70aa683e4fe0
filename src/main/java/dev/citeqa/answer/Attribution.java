package dev.citeqa.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.citeqa.index.NameVariants;
import dev.citeqa.ingest.SentenceSplitter;

/**
 * Who a passage says is speaking in a sentence: the person named beside a verb of saying ("Obeidi said",
 * "said Obeidi", "Obeidi, a Sunni from Mosul, said", "according to Obeidi"), or, when the sentence says only "he
 * said", the person the sentences before it in the same passage name that way. Quoted words are left out of the
 * search, so a name inside a quote is never taken for its speaker. A person is a capitalised name that the passages
 * also use in mid-sentence (so "Officials said" names nobody); titles before it are dropped and the family name is
 * kept ("Major General Hassan Firouzabadi" is "Firouzabadi").
 */
final class Attribution {

    private static final String VERB = "(?:said|says|told|added|stated|noted|stressed|underlined|explained|announced"
            + "|declared|insisted|warned|emphasi[sz]ed|remarked|asserted|argued|claimed|maintained|continued)";
    /** Verbs that come before their speaker ("said Obeidi"); "told Fars" names the listener instead. */
    private static final String VERB_BEFORE = "(?:said|says|added|stated|noted|explained|continued)";
    private static final String WORD = "(?:(?:al|el|bin|ibn|abu|van|von|de)[- ])?\\p{Lu}[\\p{L}'’-]*\\p{L}";
    private static final String NAME = WORD + "(?:\\s+" + WORD + ")*";
    private static final Pattern NAME_THEN_VERB = Pattern.compile("(" + NAME + ")(?:\\s*,[^,;:]{1,120}(?:,[^,;:]{1,80})?,)?"
            + "\\s+(?:\\p{Ll}+ly\\s+)?" + VERB + "\\b");
    private static final Pattern VERB_THEN_NAME = Pattern.compile("\\b" + VERB_BEFORE + "\\s+(" + NAME + ")");
    private static final Pattern ACCORDING_TO = Pattern.compile("\\baccording to (" + NAME + ")");
    private static final Pattern PRONOUN = Pattern.compile("\\b(?i:he|she)\\s+(?:\\p{Ll}+ly\\s+)?" + VERB + "\\b|\\b"
            + VERB_BEFORE + "\\s+(?i:he|she)\\b");
    private static final Pattern QUOTED = Pattern.compile("[\"“][^\"“”]*[\"”]");
    /** Sentences before a "he said" searched for the speaker. */
    private static final int LOOK_BACK = 3;

    private Attribution() {
    }

    /**
     * The family name of the speaker of the sentence at {@code start} in {@code passage}, if the passage (or, for
     * a "he said" near its top, the text {@code before} it in the file) names one.
     *
     * @param context every passage text at hand, to tell a person's name from a capitalised common word
     */
    static Optional<String> speaker(String passage, int start, String before, List<String> context) {
        List<SentenceSplitter.Span> spans = SentenceSplitter.split(passage, 0, passage.length());
        int at = -1;
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i).start() <= start && start < Math.max(spans.get(i).end(), spans.get(i).start() + 1)) {
                at = i;
            }
        }
        if (at < 0) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>(context);
        texts.add(before); // the name may be spelled out in full only in the text a "he said" refers back to
        String sentence = unquoted(passage.substring(spans.get(at).start(), spans.get(at).end()));
        Optional<String> named = named(sentence, texts);
        if (named.isPresent() || !PRONOUN.matcher(sentence).find()) {
            return named;
        }
        List<String> earlier = new ArrayList<>();
        String lead = SentenceSplitter.lastSentences(before, LOOK_BACK);
        for (SentenceSplitter.Span span : SentenceSplitter.split(lead, 0, lead.length())) {
            earlier.add(lead.substring(span.start(), span.end()));
        }
        for (int i = 0; i < at; i++) {
            earlier.add(passage.substring(spans.get(i).start(), spans.get(i).end()));
        }
        for (int i = earlier.size() - 1; i >= Math.max(0, earlier.size() - LOOK_BACK); i--) {
            named = named(unquoted(earlier.get(i)), texts);
            if (named.isPresent()) {
                return named;
            }
        }
        return Optional.empty();
    }

    /** Whether two family names are one person's, allowing for spelling variants (Obeidi / Obaidi). */
    static boolean samePerson(String a, String b) {
        return a.equalsIgnoreCase(b) || NameVariants.similarSpelling(a, b);
    }

    private static Optional<String> named(String sentence, List<String> context) {
        for (Pattern pattern : List.of(NAME_THEN_VERB, VERB_THEN_NAME, ACCORDING_TO)) {
            Matcher m = pattern.matcher(sentence);
            while (m.find()) {
                Optional<String> person = person(m.group(1), context);
                if (person.isPresent()) {
                    return person;
                }
            }
        }
        return Optional.empty();
    }

    /** The family name of a capitalised run of words, if the passages use it as a name. */
    private static Optional<String> person(String name, List<String> context) {
        String[] words = name.strip().split("\\s+");
        String family = words[words.length - 1].replaceFirst("^(?i:al|el|bin|ibn|abu|van|von|de)[- ]", "")
                .replaceAll("['’]s$", "");
        if (family.length() < 3 || !Character.isUpperCase(family.charAt(0))) {
            return Optional.empty();
        }
        Pattern midSentence = Pattern.compile("(?:[\\p{L}\\p{N},]\\s+|-)" + Pattern.quote(family) + "\\b");
        return context.stream().anyMatch(text -> midSentence.matcher(text).find()) ? Optional.of(family)
                : Optional.empty();
    }

    private static String unquoted(String sentence) {
        return QUOTED.matcher(sentence).replaceAll(" ");
    }
}
