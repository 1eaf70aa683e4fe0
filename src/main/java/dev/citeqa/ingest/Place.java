package dev.citeqa.ingest;

/**
 * Where a passage stands in its original file: lines of a text format (plain text, Markdown, HTML, counted in the
 * file as it is on disk, not in the extracted text), or pages of a PDF.
 */
public record Place(Unit unit, int first, int last) {

    public enum Unit {
        LINE, PAGE
    }

    public Place {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("a place runs from 1 up: " + first + "-" + last);
        }
    }

    /** "line 12", "lines 12-14", "page 3", "pages 3-4". */
    public String describe() {
        String noun = unit == Unit.LINE ? "line" : "page";
        return first == last ? noun + " " + first : noun + "s " + first + "-" + last;
    }

    /** The one stored form ("line:12-14"), read back by {@link #parse}. */
    public String encode() {
        return unit.name().toLowerCase(java.util.Locale.ROOT) + ":" + first + "-" + last;
    }

    private static final java.util.regex.Pattern ENCODED = java.util.regex.Pattern.compile("(line|page):(\\d{1,9})-(\\d{1,9})");

    /** The place written by {@link #encode}, or null for null or anything else. */
    public static Place parse(String encoded) {
        if (encoded == null) {
            return null;
        }
        java.util.regex.Matcher m = ENCODED.matcher(encoded);
        if (!m.matches()) {
            return null;
        }
        int first = Integer.parseInt(m.group(2));
        int last = Integer.parseInt(m.group(3));
        return first >= 1 && last >= first
                ? new Place(m.group(1).equals("line") ? Unit.LINE : Unit.PAGE, first, last) : null;
    }
}
