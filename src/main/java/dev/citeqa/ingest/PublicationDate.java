package dev.citeqa.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the publication date a document states: a short dateline among its first lines ("July 23, 2017 at
 * 1:38 pm", "2017-07-23"), or a line that says it is the publication date ("Published 3 May 2020").
 */
public final class PublicationDate {

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern LABELLED = Pattern.compile(
            "^(published|posted|updated|date|dated|first published)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private PublicationDate() {
    }

    static Optional<LocalDate> of(List<Block> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            boolean dateline = i < 3 && block.words() <= 10;
            boolean labelled = i < 12 && block.words() <= 14 && LABELLED.matcher(block.text().strip()).matches();
            if (dateline || labelled) {
                Optional<LocalDate> date = first(block.text());
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }

    /** The first full date written in the text, if any. */
    public static Optional<LocalDate> first(String text) {
        Matcher m = MONTH_DAY_YEAR.matcher(text);
        if (m.find()) {
            return date(m.group(3), MONTHS.get(m.group(1).substring(0, 3).toLowerCase(Locale.ROOT)), m.group(2));
        }
        m = DAY_MONTH_YEAR.matcher(text);
        if (m.find()) {
            return date(m.group(3), MONTHS.get(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT)), m.group(1));
        }
        m = ISO.matcher(text);
        if (m.find()) {
            return date(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, Integer month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
