package dev.citeqa.ingest;

/**
 * A few consecutive sentences of one file. {@code text} equals the file's extracted text between
 * {@code start} and {@code end}, so a citation can always be shown in place.
 *
 * @param id      stable id: file, ordinal and a hash of the text ({@code file#ordinal-hash})
 * @param file    path of the file relative to the documents folder, with forward slashes
 * @param ordinal position of the passage in its file, from 0
 * @param title   the document's title
 * @param date    the publication date the text gives (ISO yyyy-mm-dd), or null
 * @param section the heading of the section the passage stands in, or null
 * @param place   where the passage is in the original file (lines, or pages of a PDF), or null when unknown
 */
public record Passage(String id, String file, int ordinal, String title, String date, int start, int end,
                      String text, String section, Place place) {

    /** A passage whose section and place are not known. */
    public Passage(String id, String file, int ordinal, String title, String date, int start, int end, String text) {
        this(id, file, ordinal, title, date, start, end, text, null, null);
    }

    public static String idOf(String file, int ordinal, String text) {
        return file + "#" + ordinal + "-" + Hashes.shortHash(text);
    }
}
