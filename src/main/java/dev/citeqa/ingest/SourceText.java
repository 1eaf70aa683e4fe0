package dev.citeqa.ingest;

/**
 * The text extracted from one file, before cleaning.
 *
 * @param file        path relative to the documents folder, with forward slashes
 * @param contentHash SHA-256 of the file's bytes
 * @param htmlTitle   a title the format itself declares (HTML title, PDF metadata), or null
 */
public record SourceText(String file, String contentHash, String text, String htmlTitle) {
}
