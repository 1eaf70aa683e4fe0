package dev.citeqa.answer;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The years, months and weekdays a question names ("the December 2014 pact"), and whether a text meets them. A
 * constraint is met when the text names it, contradicted when the text names another one of the same kind and not
 * it, and unknown when the text names none: documents often leave the date of an event unsaid, and that is no
 * reason to decline.
 */
public record DateConstraint(Set<Integer> years, Set<Month> months, Set<DayOfWeek> weekdays) {

    /** How a text stands to the question's dates. */
    public enum Agreement { MET, CONTRADICTED, UNKNOWN }

    /** A year: not part of a longer number ("12,006", "2006.5", "$2006") nor a decade ("the 1990s"). */
    private static final Pattern YEAR = Pattern.compile("(?<![\\d$])(?<!\\d[,.])(1[5-9]\\d\\d|20\\d\\d)(?!\\d|[,.]\\d|s\\b)");
    private static final Pattern MONTH = Pattern.compile("\\b(january|february|march|april|may|june|july|august"
            + "|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\b\\.?");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(monday|tuesday|wednesday|thursday|friday|saturday"
            + "|sunday)\\b");

    public static final DateConstraint NONE = new DateConstraint(Set.of(), Set.of(), Set.of());

    /**
     * Words before a date that make it a bound rather than the date asked ("prior to 2007", "pre-2007", "since
     * 2010", "between 2005 and 2007", "from 2005 to 2007"): a sentence about 2006 meets "before 2007", so such a date
     * is no constraint. "The 2014 pact", "in 2014 or 2015" and "the report from 2014" stay constraints.
     */
    private static final Pattern BOUND_BEFORE = Pattern.compile("(?:\\b(?:before|prior to|until|till|up to|up until"
            + "|after|since|by|between)\\s+(?:the\\s+)?(?:(?:early|mid|late|end of|start of|beginning of)[\\s-]+)?"
            + "|\\b(?:pre|post)-|\\b(?:between|from)\\s+\\S+\\s+(?:and|to)\\s+)$");

    /** "from 2005 to 2007": the first date of a range. */
    private static final Pattern RANGE_START = Pattern.compile("\\b(?:from|between)\\s+$");
    private static final Pattern RANGE_END = Pattern.compile("^\\s*(?:to|and|-|–|until)\\s*\\d");

    public static DateConstraint of(String question) {
        String q = boundsRemoved(question.toLowerCase(Locale.ROOT));
        Set<Month> months = months(q);
        // "may" is a month only beside a day or a year
        if (months.contains(Month.MAY) && !q.matches("(?s).*\\bmay\\s+\\d.*|.*\\d\\s+may\\b.*")) {
            months.remove(Month.MAY);
        }
        return new DateConstraint(years(q), months, weekdays(q));
    }

    public boolean isEmpty() {
        return years.isEmpty() && months.isEmpty() && weekdays.isEmpty();
    }

    /** The first words of the constraint, as a reader would name them ("December 2014"). */
    public String describe() {
        StringBuilder out = new StringBuilder();
        months.forEach(m -> out.append(m.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)).append(' '));
        years.forEach(y -> out.append(y).append(' '));
        weekdays.forEach(d -> out.append(d.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH)).append(' '));
        return out.toString().strip();
    }

    /** How a text meets the constraint, by the dates written in it. */
    public Agreement in(String text) {
        if (isEmpty()) {
            return Agreement.UNKNOWN;
        }
        String t = text.toLowerCase(Locale.ROOT);
        Agreement years = kind(this.years, years(t));
        Agreement months = this.months.isEmpty() ? Agreement.UNKNOWN : kind(this.months, monthsBesideDates(t));
        Agreement days = kind(this.weekdays, weekdays(t));
        return combine(years, months, days);
    }

    /** How a document's publication date meets the constraint (a weekday is met by the date's own weekday). */
    public Agreement onDate(LocalDate date) {
        if (isEmpty() || date == null) {
            return Agreement.UNKNOWN;
        }
        Agreement years = kind(this.years, Set.of(date.getYear()));
        Agreement months = kind(this.months, Set.of(date.getMonth()));
        // an event reported on a date happened on it or shortly before: a weekday cannot be checked against it
        return combine(years, months, Agreement.UNKNOWN);
    }

    /** The first level that decides wins: what a sentence says about its date outweighs its article's date. */
    public static Agreement firstKnown(Agreement... levels) {
        for (Agreement level : levels) {
            if (level != Agreement.UNKNOWN) {
                return level;
            }
        }
        return Agreement.UNKNOWN;
    }

    private static Agreement combine(Agreement... kinds) {
        boolean met = false;
        for (Agreement kind : kinds) {
            if (kind == Agreement.CONTRADICTED) {
                return Agreement.CONTRADICTED;
            }
            met |= kind == Agreement.MET;
        }
        return met ? Agreement.MET : Agreement.UNKNOWN;
    }

    private static <T> Agreement kind(Set<T> asked, Set<T> found) {
        if (asked.isEmpty() || found.isEmpty()) {
            return Agreement.UNKNOWN;
        }
        return found.stream().anyMatch(asked::contains) ? Agreement.MET : Agreement.CONTRADICTED;
    }

    /** The question with every date that stands as a bound (see {@link #BOUND_BEFORE}) blanked out. */
    private static String boundsRemoved(String q) {
        StringBuilder out = new StringBuilder(q);
        for (Pattern date : List.of(YEAR, MONTH)) {
            Matcher m = date.matcher(q);
            while (m.find()) {
                String before = q.substring(Math.max(0, m.start() - 40), m.start());
                // "before March 2014": the month's bound covers the year after it too
                String after = q.substring(m.end(), Math.min(q.length(), m.end() + 20));
                if (BOUND_BEFORE.matcher(before).find() || (RANGE_START.matcher(before).find()
                        && RANGE_END.matcher(after).find()) || (date == YEAR
                        && BOUND_BEFORE.matcher(before.replaceAll("\\p{L}+\\.?\\s+(\\d{1,2},?\\s+)?$", "")).find()
                        && MONTH.matcher(before).find())) {
                    for (int i = m.start(); i < m.end(); i++) {
                        out.setCharAt(i, ' ');
                    }
                }
            }
        }
        return out.toString();
    }

    private static Set<Integer> years(String text) {
        Set<Integer> out = new LinkedHashSet<>();
        Matcher m = YEAR.matcher(text);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    private static Set<Month> months(String text) {
        Set<Month> out = new LinkedHashSet<>();
        Matcher m = MONTH.matcher(text);
        while (m.find()) {
            out.add(month(m.group(1)));
        }
        return out;
    }

    /** Month names that stand as dates in a document ("in May 2015", "May 3"), not the verb "may". */
    private static Set<Month> monthsBesideDates(String text) {
        Set<Month> out = new LinkedHashSet<>();
        Matcher m = MONTH.matcher(text);
        while (m.find()) {
            Month month = month(m.group(1));
            if (month == Month.MAY) {
                String around = text.substring(Math.max(0, m.start() - 4), Math.min(text.length(), m.end() + 6));
                if (!around.matches("(?s).*\\d.*")) {
                    continue;
                }
            }
            out.add(month);
        }
        return out;
    }

    private static Set<DayOfWeek> weekdays(String text) {
        Set<DayOfWeek> out = new LinkedHashSet<>();
        Matcher m = WEEKDAY.matcher(text);
        while (m.find()) {
            out.add(DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT)));
        }
        return out;
    }

    private static Month month(String name) {
        String three = name.substring(0, 3);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(three)) {
                return month;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
