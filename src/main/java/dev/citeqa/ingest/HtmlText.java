package dev.citeqa.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * The text of an HTML page: its main content (the {@code main} or {@code article} element when that holds most of
 * the text) block by block, headings, list items and preformatted code marked as such, inline code kept apart from
 * the words around it in backticks, and each character's line in the .html file.
 */
final class HtmlText {

    private static final String CHROME = "script, style, noscript, template, svg, nav, header, footer, aside, form, "
            + "iframe, button, select, textarea, dialog";
    private static final Set<String> BLOCK_TAGS = Set.of("address", "article", "blockquote", "body", "caption", "dd",
            "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "hgroup", "hr", "main", "ol", "p",
            "section", "summary", "table", "tbody", "thead", "tfoot", "td", "th", "tr", "ul", "center");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> INLINE_CODE = Set.of("code", "kbd", "samp", "tt", "var");

    private final ExtractedText out = new ExtractedText(Place.Unit.LINE);
    private String pendingPrefix;
    private int itemDepth;

    private HtmlText() {
    }

    static SourceText read(String file, String hash, String markup) {
        Document document = Jsoup.parse(markup, "", Parser.htmlParser().setTrackPosition(true));
        List<String> titles = titles(document);
        document.select(CHROME).remove();
        HtmlText reader = new HtmlText();
        reader.walk(scope(document));
        reader.out.end();
        return new SourceText(file, hash, reader.out.text(), titles, reader.out.blocks(), reader.out.places());
    }

    /** The element that holds the page's content: main or article when it has at least half the text. */
    private static Element scope(Document document) {
        Element body = document.body();
        int all = body.text().length();
        for (Element candidate : body.select("main, [role=main], article")) {
            if (candidate.text().length() * 2 >= all) {
                return candidate;
            }
        }
        return body;
    }

    /**
     * The titles the page declares, best first: og:title, a heading of the content that the title element repeats
     * (the title without the site's name), the content's h1, the title element, the first heading.
     */
    private static List<String> titles(Document document) {
        Set<String> titles = new LinkedHashSet<>();
        for (Element meta : document.select("meta[property=og:title], meta[name=twitter:title]")) {
            titles.add(meta.attr("content").strip());
        }
        String title = document.title().strip();
        Element content = document.body().selectFirst("main, [role=main], article");
        List<Element> headings = new ArrayList<>(content == null ? List.of() : content.select("h1, h2, h3"));
        headings.addAll(document.body().select("h1, h2, h3"));
        String lowerTitle = title.toLowerCase(Locale.ROOT);
        for (Element heading : headings) {
            String text = heading.text().strip();
            if (text.length() >= 3 && lowerTitle.contains(text.toLowerCase(Locale.ROOT))) {
                titles.add(text);
                break;
            }
        }
        if (content != null) {
            Element h1 = content.selectFirst("h1");
            if (h1 != null) {
                titles.add(h1.text().strip());
            }
        }
        titles.add(title);
        Element first = document.body().selectFirst("h1, h2, h3, h4, h5, h6");
        if (first != null) {
            titles.add(first.text().strip());
        }
        titles.removeIf(String::isBlank);
        return List.copyOf(titles);
    }

    private void walk(Node node) {
        if (node instanceof TextNode text) {
            write(text.getWholeText(), line(text));
            return;
        }
        if (node instanceof Comment || !(node instanceof Element element)) {
            return;
        }
        String tag = element.normalName();
        if (tag.equals("pre")) {
            out.begin(Block.Kind.CODE);
            for (TextNode text : descendantTexts(element)) {
                out.verbatim(text.getWholeText(), line(text));
            }
            out.end();
        } else if (HEADINGS.contains(tag)) {
            out.begin(Block.Kind.HEADING);
            children(element);
            out.end();
        } else if (tag.equals("li")) {
            out.begin(Block.Kind.ITEM);
            pendingPrefix = prefix(element);
            itemDepth++;
            children(element);
            itemDepth--;
            pendingPrefix = null;
            out.end();
        } else if (BLOCK_TAGS.contains(tag)) {
            out.begin(itemDepth > 0 ? Block.Kind.ITEM : Block.Kind.PARAGRAPH);
            children(element);
            out.begin(itemDepth > 0 ? Block.Kind.ITEM : Block.Kind.PARAGRAPH);
        } else if (tag.equals("br")) {
            write(" ", line(element));
        } else if (INLINE_CODE.contains(tag) && element.closest("pre") == null) {
            write("`", line(element));
            children(element);
            out.words("`", line(element));
        } else {
            children(element);
        }
    }

    private void children(Element element) {
        for (Node child : element.childNodes()) {
            walk(child);
        }
    }

    private void write(String raw, int line) {
        if (pendingPrefix != null && !raw.isBlank()) {
            String prefix = pendingPrefix;
            pendingPrefix = null;
            out.words(prefix, line);
            out.words(" ", line);
        }
        out.words(raw, line);
    }

    private static String prefix(Element item) {
        Element list = item.parent();
        if (list != null && list.normalName().equals("ol")) {
            int start = 1;
            try {
                start = Integer.parseInt(list.attr("start").strip());
            } catch (NumberFormatException e) {
                start = 1;
            }
            int index = 0;
            for (Element sibling : list.children()) {
                if (sibling == item) {
                    break;
                }
                if (sibling.normalName().equals("li")) {
                    index++;
                }
            }
            return (start + index) + ")";
        }
        return "-";
    }

    private static List<TextNode> descendantTexts(Element element) {
        List<TextNode> texts = new ArrayList<>();
        element.traverse((node, depth) -> {
            if (node instanceof TextNode text) {
                texts.add(text);
            }
        });
        return texts;
    }

    private static int line(Node node) {
        return node.sourceRange().isTracked() ? Math.max(1, node.sourceRange().start().lineNumber()) : 1;
    }
}
