package dev.citeqa.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of a PDF, read page by page: running headers and footers and page numbers (lines at the top or bottom of
 * pages that recur on many pages) are dropped, lines are joined into paragraphs, and a paragraph that the layout
 * broke (a line or page wrap before "100.") is joined again, so no cleaning step sees the end of a sentence as a
 * line of its own. Each character keeps its page.
 */
final class PdfText {

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)(page\\s+)?(\\d{1,4}|[ivxlc]{1,7})(\\s*(/|of)\\s*\\d{1,4})?");
    private static final Pattern BULLET = Pattern.compile("^[•◦▪‣●○■□–\\-*]\\s+\\S.*");
    private static final Pattern LEADER_DOTS = Pattern.compile("(\\.\\s?){5,}\\s*\\S{0,8}$");
    private static final Pattern FILE_NAME = Pattern.compile(
            "(?i).*\\.(pdf|docx?|odt|rtf|tex|dvi|ps|txt|indd|pages)$|untitled|microsoft word.*");
    /** How many lines at each edge of a page may be a running header or footer. */
    private static final int EDGE_LINES = 2;

    /** One line of a page as PDFBox gave it, whether a new paragraph starts with it, and its largest font size. */
    private record Line(String text, int page, boolean opensParagraph, float size) {
    }

    private PdfText() {
    }

    static SourceText read(PDDocument document, String file, String hash) throws IOException {
        LineCollector lines = new LineCollector();
        lines.setSortByPosition(true);
        lines.getText(document);
        List<List<Line>> pages = lines.pages;
        List<String> titles = new ArrayList<>();
        PDDocumentInformation info = document.getDocumentInformation();
        String declared = info == null ? null : info.getTitle();
        if (declared != null && !declared.isBlank() && !FILE_NAME.matcher(declared.strip()).matches()) {
            titles.add(declared.strip());
        }
        String largest = largestOnFirstPage(pages);
        if (largest != null) {
            titles.add(largest);
        }
        dropRunningLines(pages);
        ExtractedText out = new ExtractedText(Place.Unit.PAGE);
        writeParagraphs(pages, headingSize(pages), out);
        return new SourceText(file, hash, out.text(), titles, out.blocks(), out.places());
    }

    /** Collects the lines of each page, with paragraph starts and font sizes, instead of writing text. */
    private static final class LineCollector extends PDFTextStripper {
        private final List<List<Line>> pages = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private float size;
        private boolean opens = true;

        @Override
        protected void writePageStart() {
            pages.add(new ArrayList<>());
            opens = true;
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            line.append(text);
            for (TextPosition position : positions) {
                size = Math.max(size, position.getFontSizeInPt());
            }
        }

        @Override
        protected void writeWordSeparator() {
            line.append(' ');
        }

        @Override
        protected void writeLineSeparator() {
            endLine();
        }

        @Override
        protected void writeParagraphStart() {
            endLine();
            opens = true;
        }

        @Override
        protected void writeParagraphEnd() {
            endLine();
            opens = true;
        }

        @Override
        protected void writePageEnd() {
            endLine();
        }

        private void endLine() {
            String text = line.toString().strip();
            if (!text.isEmpty() && !pages.isEmpty()) {
                pages.getLast().add(new Line(text, getCurrentPageNo(), opens || BULLET.matcher(text).matches(), size));
                opens = false;
            }
            line.setLength(0);
            size = 0;
        }
    }

    /** The text in the largest type on the first page: the headline of a paper or a manual's cover. */
    private static String largestOnFirstPage(List<List<Line>> pages) {
        if (pages.isEmpty() || pages.getFirst().isEmpty()) {
            return null;
        }
        float largest = 0;
        for (Line line : pages.getFirst()) {
            largest = Math.max(largest, line.size());
        }
        StringBuilder title = new StringBuilder();
        for (Line line : pages.getFirst()) {
            if (line.size() >= largest - 0.5f) {
                title.append(title.isEmpty() ? "" : " ").append(line.text());
            } else if (!title.isEmpty()) {
                break;
            }
        }
        return title.toString();
    }

    /**
     * The smallest font size that marks a heading: clearly larger than the body text, whose size is the one most
     * characters are set in. Infinite when the document has a single size.
     */
    private static float headingSize(List<List<Line>> pages) {
        Map<Integer, Integer> characters = new HashMap<>();
        for (List<Line> page : pages) {
            for (Line line : page) {
                characters.merge(Math.round(line.size() * 2), line.text().length(), Integer::sum);
            }
        }
        int body = characters.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
        return body == 0 ? Float.POSITIVE_INFINITY : body / 2f * 1.15f;
    }

    /**
     * Drops page numbers at the edges of pages, and lines at the edges that recur (digits aside) on at least three
     * pages and a fifth of them: running headers and footers such as "Chapter 4: Function reference 12".
     */
    private static void dropRunningLines(List<List<Line>> pages) {
        Map<String, Integer> pagesWith = new HashMap<>();
        for (List<Line> page : pages) {
            Set<String> keys = new HashSet<>();
            for (Line line : edges(page)) {
                keys.add(runningKey(line.text()));
            }
            keys.forEach(k -> pagesWith.merge(k, 1, Integer::sum));
        }
        int minimum = Math.max(3, (pages.size() + 4) / 5);
        for (List<Line> page : pages) {
            Set<Line> drop = new HashSet<>();
            for (Line line : edges(page)) {
                if (PAGE_NUMBER.matcher(line.text()).matches()
                        || pagesWith.getOrDefault(runningKey(line.text()), 0) >= minimum) {
                    drop.add(line);
                }
            }
            page.removeIf(drop::contains);
        }
    }

    private static List<Line> edges(List<Line> page) {
        List<Line> edges = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            if (i < EDGE_LINES || i >= page.size() - EDGE_LINES) {
                edges.add(page.get(i));
            }
        }
        return edges;
    }

    private static String runningKey(String line) {
        return Text.key(line.replaceAll("\\d+", "#")).replace("#", "0") + (line.matches(".*\\d.*") ? "#" : "");
    }

    private static void writeParagraphs(List<List<Line>> pages, float headingSize, ExtractedText out) {
        String previous = null; // the last line written, while its paragraph is open
        float headingLine = 0;
        for (List<Line> page : pages) {
            for (Line line : page) {
                String text = line.text();
                if (LEADER_DOTS.matcher(text).find()) {
                    continue; // a table-of-contents entry: "2.1 ASN.1 syntax . . . . 2"
                }
                boolean heading = line.size() >= headingSize && Text.wordCount(text) <= 15 && !text.endsWith(".")
                        && text.chars().anyMatch(Character::isLetter);
                if (heading) {
                    if (previous == null || out.kind() != Block.Kind.HEADING || line.opensParagraph()
                            || Math.abs(line.size() - headingLine) > 0.5f) {
                        out.begin(Block.Kind.HEADING);
                    }
                    out.words(" " + text, line.page()); // a heading set on two lines is one heading
                    previous = text;
                    headingLine = line.size();
                    continue;
                }
                boolean bullet = BULLET.matcher(text).matches();
                boolean continues = previous != null && out.kind() != Block.Kind.HEADING && !bullet
                        && (!line.opensParagraph() || brokenByLayout(previous, text));
                if (!continues) {
                    out.begin(bullet ? Block.Kind.ITEM : Block.Kind.PARAGRAPH);
                    out.words(text, line.page());
                } else if (previous.endsWith("-") && previous.length() > 1
                        && Character.isLowerCase(previous.charAt(previous.length() - 2))
                        && Character.isLowerCase(text.charAt(0))) {
                    out.unwrite(1); // "manip-" + "ulation": the hyphen was the layout's
                    out.words(text, line.page());
                } else {
                    out.words(" ", line.page());
                    out.words(text, line.page());
                }
                previous = text;
            }
        }
        out.end();
    }

    /**
     * A paragraph break that the layout made: the line before is long and ends mid-sentence, and this one goes on
     * in lower case or with a figure ("... and the maximum is" / "100.").
     */
    private static boolean brokenByLayout(String before, String line) {
        char first = line.charAt(0);
        return before.length() >= 30 && !Text.endsLikeSentence(before)
                && (Character.isLowerCase(first) || Character.isDigit(first));
    }
}
