package dev.citeqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {

    final DocumentReader reader = new DocumentReader();

    @TempDir
    Path folder;

    private String text(String name, byte[] bytes) throws IOException {
        Path path = folder.resolve(name);
        Files.write(path, bytes);
        return ((DocumentReader.Read) reader.read(path, name)).source().text();
    }

    @Test
    void aFileOverTheSizeLimitIsSkippedUnreadWithOneLine() throws IOException {
        Path path = folder.resolve("big.txt");
        Files.write(path, new byte[3 * 1024 * 1024]);

        DocumentReader.Result result = new DocumentReader(2).read(path, "big.txt");

        assertThat(result).isEqualTo(new DocumentReader.Skipped("big.txt",
                "is larger than 2 MB (3 MB; raise citeqa.ingest.max-file-mb to index it)"));
        assertThat(new DocumentReader(4).read(path, "big.txt")).isNotInstanceOf(DocumentReader.Read.class)
                .extracting(r -> ((DocumentReader.Skipped) r).reason()).asString().doesNotContain("larger than");
    }

    @Test
    void htmlKeepsParagraphsAndDropsScriptsStylesAndNavigation() throws IOException {
        String html = "<html><head><title>Harbour news</title><style>p{color:red}</style></head><body>"
                + "<nav>Home | World | Login</nav><script>alert('x')</script>"
                + "<p>The ferry leaves at noon.</p><div><p>It returns at six.</p></div><footer>© 2024</footer></body></html>";
        Path path = folder.resolve("page.html");
        Files.writeString(path, html);
        SourceText source = ((DocumentReader.Read) reader.read(path, "page.html")).source();
        assertThat(source.text()).isEqualTo("The ferry leaves at noon.\n\nIt returns at six.");
        assertThat(source.titles()).containsExactly("Harbour news");
    }

    @Test
    void pdfTextIsExtracted() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("The treaty was signed in Geneva.");
                content.endText();
            }
            pdf.save(bytes);
        }
        assertThat(text("treaty.pdf", bytes.toByteArray())).contains("The treaty was signed in Geneva.");
    }

    @Test
    void encodingsAreDetected() throws IOException {
        assertThat(text("latin1.txt", "Café in Zürich.".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("Café in Zürich.");
        byte[] utf16 = "Ferry to Kraków.".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[utf16.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        assertThat(text("utf16.txt", withBom)).isEqualTo("Ferry to Kraków.");
    }

    @Test
    void binaryAndBrokenFilesAreSkippedWithAReason() throws IOException {
        Path binary = folder.resolve("image.txt");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        assertThat(reader.read(binary, "image.txt")).isEqualTo(
                new DocumentReader.Skipped("image.txt", "looks binary, not text"));
        Path broken = folder.resolve("broken.pdf");
        Files.writeString(broken, "%PDF-1.7 this is not really a pdf");
        assertThat(reader.read(broken, "broken.pdf")).isInstanceOfSatisfying(DocumentReader.Skipped.class,
                s -> assertThat(s.reason()).startsWith("could not be parsed as pdf"));
    }
}
