package dev.citeqa.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

/**
 * The text of a Markdown file, parsed by commonmark-java: headings, paragraphs (soft line breaks joined), list
 * items with a "-" or "1)" marker, fenced and indented code whole, inline code in backticks, link text without its
 * address; YAML front matter is metadata (its title), not text. Each character keeps its line in the .md file.
 */
final class MarkdownText {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(YamlFrontMatterExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private final ExtractedText out = new ExtractedText(Place.Unit.LINE);
    private String pendingPrefix;
    private int itemDepth;
    private String firstHeading;

    private MarkdownText() {
    }

    static SourceText read(String file, String hash, String markdown) {
        Node document = PARSER.parse(markdown);
        YamlFrontMatterVisitor frontMatter = new YamlFrontMatterVisitor();
        document.accept(frontMatter);
        MarkdownText reader = new MarkdownText();
        reader.block(document);
        reader.out.end();
        List<String> titles = new ArrayList<>();
        String declared = first(frontMatter.getData(), "title");
        if (declared != null) {
            titles.add(declared);
        }
        if (reader.firstHeading != null) {
            titles.add(reader.firstHeading);
        }
        return new SourceText(file, hash, reader.out.text(), titles, reader.out.blocks(), reader.out.places());
    }

    private static String first(Map<String, List<String>> data, String key) {
        List<String> values = data.get(key);
        if (values == null || values.isEmpty() || values.getFirst() == null) {
            return null;
        }
        String value = values.getFirst().strip().replaceAll("^([\"'])(.*)\\1$", "$2").strip();
        return value.isEmpty() ? null : value;
    }

    private void block(Node node) {
        switch (node) {
            case YamlFrontMatterBlock ignored -> {
            }
            case ThematicBreak ignored -> {
            }
            case LinkReferenceDefinition ignored -> {
            }
            case Heading heading -> {
                out.begin(Block.Kind.HEADING);
                inlines(heading);
                out.end();
                if (firstHeading == null && !out.blocks().isEmpty()
                        && out.blocks().getLast().kind() == Block.Kind.HEADING) {
                    firstHeading = out.blocks().getLast().text();
                }
            }
            case Paragraph paragraph -> {
                out.begin(itemDepth > 0 ? Block.Kind.ITEM : Block.Kind.PARAGRAPH);
                inlines(paragraph);
                out.end();
            }
            case FencedCodeBlock code -> code(code.getLiteral(), line(code) + 1);
            case IndentedCodeBlock code -> code(code.getLiteral(), line(code));
            case HtmlBlock html -> {
                String literal = html.getLiteral().strip();
                if (!literal.startsWith("<!--")) {
                    out.begin(itemDepth > 0 ? Block.Kind.ITEM : Block.Kind.PARAGRAPH);
                    write(Jsoup.parse(literal).text(), line(html));
                    out.end();
                }
            }
            case ListItem item -> {
                pendingPrefix = prefix(item);
                itemDepth++;
                children(item);
                itemDepth--;
                pendingPrefix = null;
            }
            case BlockQuote quote -> children(quote);
            default -> children(node);
        }
    }

    private void children(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            block(child);
        }
    }

    private void code(String literal, int firstLine) {
        out.begin(Block.Kind.CODE);
        out.verbatim(literal.stripTrailing(), firstLine);
        out.end();
    }

    private void inlines(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case Text text -> write(text.getLiteral(), line(text));
                case Code code -> {
                    write("`", line(code));
                    out.words(code.getLiteral(), line(code));
                    out.words("`", line(code));
                }
                case SoftLineBreak ignored -> out.words(" ", line(child));
                case HardLineBreak ignored -> out.words(" ", line(child));
                case HtmlInline ignored -> {
                }
                case Image ignored -> {
                }
                default -> inlines(child);
            }
        }
    }

    private void write(String raw, int line) {
        if (pendingPrefix != null && !raw.isBlank()) {
            String prefix = pendingPrefix;
            pendingPrefix = null;
            out.words(prefix + " ", line);
        }
        out.words(raw, line);
    }

    private static String prefix(ListItem item) {
        if (item.getParent() instanceof OrderedList list) {
            int index = 0;
            for (Node sibling = list.getFirstChild(); sibling != null && sibling != item; sibling = sibling.getNext()) {
                index++;
            }
            Integer start = list.getMarkerStartNumber();
            return ((start == null ? 1 : start) + index) + ")";
        }
        return "-";
    }

    /** The node's first line in the file, from 1. */
    private static int line(Node node) {
        return node.getSourceSpans().isEmpty() ? 1 : node.getSourceSpans().getFirst().getLineIndex() + 1;
    }
}
