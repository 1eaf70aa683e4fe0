package dev.citeqa.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import dev.citeqa.config.CiteqaProperties;

/**
 * Turns one file into text: plain text as it is, Markdown through commonmark-java, HTML through jsoup, PDF through
 * PDFBox page by page. Converted formats also give their structure (headings, list items, code) and, for each
 * offset of the extracted text, its line or page in the file.
 */
public final class DocumentReader {

    /** What reading a file gave: its text, or the reason it was skipped. */
    public sealed interface Result permits Read, Skipped {
    }

    public record Read(SourceText source) implements Result {
    }

    public record Skipped(String file, String reason) implements Result {
    }

    private final int maxFileMb;

    /** With the default size limit of {@code citeqa.ingest.max-file-mb}. */
    public DocumentReader() {
        this(CiteqaProperties.Ingest.defaults().maxFileMb());
    }

    /** Files larger than {@code maxFileMb} are skipped unread: the work per file is bounded before it starts. */
    public DocumentReader(int maxFileMb) {
        this.maxFileMb = maxFileMb;
    }

    public Result read(Path path, String file) {
        byte[] bytes;
        try {
            Optional<Skipped> tooLarge = tooLarge(path, file);
            if (tooLarge.isPresent()) {
                return tooLarge.get();
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException | SecurityException e) {
            return new Skipped(file, "cannot be read (" + describe(e) + ")");
        }
        return parse(file, bytes, Hashes.sha256(bytes));
    }

    /** The skip, with its one line, of a file over the size limit; empty when the file may be read. */
    public Optional<Skipped> tooLarge(Path path, String file) throws IOException {
        long size = Files.size(path);
        if (size <= maxFileMb * 1024L * 1024L) {
            return Optional.empty();
        }
        return Optional.of(new Skipped(file, "is larger than " + maxFileMb + " MB (" + size / (1024 * 1024)
                + " MB; raise citeqa.ingest.max-file-mb to index it)"));
    }

    /** Extracts the text of a file whose bytes were already read and hashed. */
    public Result parse(String file, byte[] bytes, String hash) {
        String extension = extension(file);
        try {
            return switch (extension) {
                case "html", "htm" -> html(file, hash, bytes);
                case "pdf" -> pdf(file, hash, bytes);
                case "md", "markdown" -> markdown(file, hash, bytes);
                default -> plain(file, hash, bytes);
            };
        } catch (IOException | RuntimeException e) {
            return new Skipped(file, "could not be parsed as " + extension + " (" + describe(e) + ")");
        }
    }

    public static String extension(String file) {
        int dot = file.lastIndexOf('.');
        int slash = file.lastIndexOf('/');
        return dot > slash && dot >= 0 ? file.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private Result plain(String file, String hash, byte[] bytes) {
        String text = decode(bytes);
        if (text == null) {
            return new Skipped(file, "looks binary, not text");
        }
        return new Read(new SourceText(file, hash, text, null));
    }

    private Result markdown(String file, String hash, byte[] bytes) {
        String text = decode(bytes);
        if (text == null) {
            return new Skipped(file, "looks binary, not Markdown");
        }
        return new Read(MarkdownText.read(file, hash, text));
    }

    private Result html(String file, String hash, byte[] bytes) {
        String markup = decode(bytes);
        if (markup == null) {
            return new Skipped(file, "looks binary, not HTML");
        }
        return new Read(HtmlText.read(file, hash, markup));
    }

    private Result pdf(String file, String hash, byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                return new Skipped(file, "is an encrypted PDF whose text may not be extracted");
            }
            SourceText source = PdfText.read(document, file, hash);
            if (source.text().isBlank()) {
                return new Skipped(file, "is a PDF with no extractable text (scanned images?)");
            }
            return new Read(source);
        } catch (InvalidPasswordException e) {
            return new Skipped(file, "is a password-protected PDF");
        }
    }

    /** Decodes text by its byte-order mark, else as UTF-8, else as Windows-1252; null when it looks binary. */
    static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (looksBinary(bytes)) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static boolean looksBinary(byte[] bytes) {
        int sample = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B) {
                control++;
            }
        }
        return sample > 0 && control * 10 > sample;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
