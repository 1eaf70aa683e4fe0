package dev.citeqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfTextTest {

    /** A line of a made-up page: its text, font size and distance from the top of the page. */
    record Line(String text, float size, float fromTop) {
        static Line body(String text, float fromTop) {
            return new Line(text, 10, fromTop);
        }
    }

    static byte[] pdf(String title, List<List<Line>> pages) throws IOException {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument()) {
            if (title != null) {
                PDDocumentInformation info = new PDDocumentInformation();
                info.setTitle(title);
                pdf.setDocumentInformation(info);
            }
            for (List<Line> lines : pages) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                float height = page.getMediaBox().getHeight();
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    for (Line line : lines) {
                        content.beginText();
                        content.setFont(font, line.size());
                        content.newLineAtOffset(72, height - line.fromTop());
                        content.showText(line.text());
                        content.endText();
                    }
                }
            }
            pdf.save(bytes);
        }
        return bytes.toByteArray();
    }

    /** A page of the manual: running header, a body paragraph from {@code top}, page number at the foot. */
    static List<Line> page(int number, float top, String... body) {
        List<Line> lines = new java.util.ArrayList<>();
        lines.add(Line.body("Harbour Operations Manual", 40));
        float y = top;
        for (String text : body) {
            lines.add(text.isEmpty() ? null : Line.body(text, y));
            y += text.isEmpty() ? 24 : 12;
        }
        lines.removeIf(java.util.Objects::isNull);
        lines.add(Line.body(String.valueOf(number), 760));
        return lines;
    }

    static final List<List<Line>> MANUAL = List.of(
            List.of(new Line("Harbour Operations Manual", 24, 100), Line.body("Harbour office", 140)),
            page(2, 100, "The berth allocation rules apply to every vessel that moors at the north quay during",
                    "the summer season. The default mooring time is two hours, and the longest allowed is",
                    "", "eight hours.", "", "Pilots must report each arrival to the harbour office by radio. They give the",
                    "name and the length of the vessel."),
            page(3, 100, "Fees are charged per metre of hull length. A vessel that overstays pays the daily rate",
                    "for each started day and may be asked to leave its berth when the season is at its"),
            page(4, 100, "busiest, which usually means the weeks of the regatta in late July and early August.",
                    "Payment is accepted at the office or on the quay."),
            page(5, 100, "Anchoring inside the breakwater is not allowed."));

    final byte[] bytes = pdf(null, MANUAL);
    final SourceText source = Ingest.read("manual.pdf", bytes);
    final IngestedFile file = Ingest.one(source);

    PdfTextTest() throws IOException {
    }

    @Test
    void runningHeadersAndPageNumbersAreDropped() {
        assertThat(source.text()).doesNotContain("Harbour Operations Manual");
        assertThat(source.text()).doesNotContainPattern("(?m)^\\d+$");
        assertThat(String.join("\n", Ingest.texts(file))).doesNotContain("Harbour Operations Manual");
    }

    @Test
    void aSentenceBrokenByAParagraphGapKeepsItsEnd() {
        Passage mooring = Ingest.holding(file, "default mooring time");
        assertThat(mooring.text()).contains("The default mooring time is two hours, and the longest allowed is "
                + "eight hours.");
        assertThat(mooring.place()).isEqualTo(new Place(Place.Unit.PAGE, 2, 2));
    }

    @Test
    void aSentenceBrokenByAPageWrapIsJoinedAndCitesBothPages() {
        Passage overstay = Ingest.holding(file, "overstays");
        assertThat(overstay.text()).contains("when the season is at its busiest, which usually means the weeks of "
                + "the regatta");
        assertThat(overstay.place()).isEqualTo(new Place(Place.Unit.PAGE, 3, 4));
        assertThat(Ingest.holding(file, "breakwater").place()).isEqualTo(new Place(Place.Unit.PAGE, 5, 5));
    }

    @Test
    void theTitleIsTheMetadataTitleElseTheLargestTypeOnTheFirstPage() throws IOException {
        assertThat(file.title()).isEqualTo("Harbour Operations Manual");
        IngestedFile titled = Ingest.one(Ingest.read("titled.pdf", pdf("Berth Rules 2025", MANUAL)));
        assertThat(titled.title()).isEqualTo("Berth Rules 2025");
        IngestedFile junk = Ingest.one(Ingest.read("junk.pdf", pdf("Microsoft Word - rules.docx", MANUAL)));
        assertThat(junk.title()).isEqualTo("Harbour Operations Manual");
    }

    @Test
    void largerTypeMakesAHeadingThatNamesTheSection() throws IOException {
        List<List<Line>> pages = List.of(List.of(new Line("Quay Rules", 20, 60),
                new Line("1 Mooring", 14, 100),
                Line.body("Boats moor bow first at the north quay and leave the fuel berth free at all times.", 130),
                new Line("2 Fees", 14, 170),
                Line.body("Fees are paid at the office before noon on the day of arrival.", 200)));
        IngestedFile rules = Ingest.one(Ingest.read("rules.pdf", pdf(null, pages)));
        assertThat(Ingest.holding(rules, "bow first").section()).isEqualTo("1 Mooring");
        assertThat(Ingest.holding(rules, "before noon").section()).isEqualTo("2 Fees");
        assertThat(Ingest.texts(rules)).noneMatch(t -> t.contains("2 Fees"));
    }
}
