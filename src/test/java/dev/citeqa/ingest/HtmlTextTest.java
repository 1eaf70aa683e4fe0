package dev.citeqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    static String page(String head, String body) {
        return "<!DOCTYPE html>\n<html>\n<head>\n" + head + "\n</head>\n<body>\n" + body + "\n</body>\n</html>\n";
    }

    @Test
    void inlineCodeStaysApartFromTheWordsAroundIt() {
        SourceText source = Ingest.read("errors.html", page("<title>Errors</title>",
                "<p>Rust provides the question mark\noperator <code>?</code>\nto make this easier, and"
                        + "<code>unwrap</code>panics.</p>"));
        assertThat(source.text()).contains("question mark operator `?` to make this easier")
                .contains("`unwrap`");
    }

    @Test
    void aPassageKnowsItsLineInTheHtmlFileNotInTheExtractedText() {
        StringBuilder body = new StringBuilder("<div class=\"menu\">\n");
        for (int i = 0; i < 40; i++) {
            body.append("<span class=\"icon\"></span>\n<!-- a comment line -->\n");
        }
        body.append("</div>\n<main>\n<h2>Ferries</h2>\n<p>The harbour ferry leaves at noon from the north quay.\n"
                + "It returns at six in the evening.</p>\n<p>Tickets are sold on board,\nin cash only.</p>\n</main>");
        String html = page("<title>Ferries - Harbour Guide</title>", body.toString());
        SourceText source = Ingest.read("ferries.html", html);
        IngestedFile file = Ingest.one(source);
        Passage ferry = Ingest.holding(file, "leaves at noon");
        int line = Ingest.lineOf(html, "The harbour ferry");
        assertThat(line).isGreaterThan(80);
        assertThat(ferry.place()).isEqualTo(new Place(Place.Unit.LINE, line, Ingest.lineOf(html, "It returns at six")));
        assertThat(ferry.section()).isEqualTo("Ferries");
        assertThat(source.text().substring(ferry.start(), ferry.end())).isEqualTo(ferry.text());
        assertThat(source.text().substring(0, ferry.start()).chars().filter(c -> c == '\n').count())
                .as("the extracted text has far fewer lines above the passage").isLessThan(5);
    }

    @Test
    void theMainElementIsTheContentWhenItHoldsMostOfTheText() {
        SourceText source = Ingest.read("page.html", page("<title>Tide tables</title>",
                "<div id=\"menu-bar\"><h1 class=\"menu-title\">Harbour Guide</h1><p>Print this guide</p></div>\n"
                        + "<main><h1>Tide tables</h1><p>High tide at the north quay comes twice a day, about twelve "
                        + "hours and twenty-five minutes apart, and the spring tides follow the full moon.</p></main>"));
        assertThat(source.text()).contains("High tide at the north quay").doesNotContain("Harbour Guide", "Print");
    }

    @Test
    void listItemsAreMarkedAndStayWithTheirIntroduction() {
        SourceText source = Ingest.read("kit.html", page("<title>Kit</title>",
                "<p>Sailing needs little. You should bring the following:</p><ul><li>a life jacket that fits,</li>"
                        + "<li>water</li><li>a hat</li></ul><p>The club lends boats on weekdays.</p>"));
        IngestedFile file = Ingest.one(source);
        assertThat(Ingest.holding(file, "bring the following").text())
                .isEqualTo("You should bring the following:\n\n- a life jacket that fits,\n\n- water\n\n- a hat");
    }

    @Test
    void theTitleIsTheHeadlineNotTheSiteName() {
        Map<String, SourceText> corpus = new LinkedHashMap<>();
        corpus.put("og.html", Ingest.read("og.html", page("<meta property=\"og:title\" content=\"Harbour reopens after "
                + "storm\"><title>Harbour reopens after storm | The Coast Daily</title>", "<p>The harbour reopened "
                + "on Monday after the storm damaged the north quay last week.</p>")));
        corpus.put("book.html", Ingest.read("book.html", page("<title>Knots and Hitches - The Sailing Book</title>",
                "<div><h1 class=\"menu-title\">The Sailing Book</h1></div><main><h2>Knots and Hitches</h2><p>A "
                        + "bowline makes a fixed loop at the end of a rope and is easy to untie.</p></main>")));
        corpus.put("news.html", Ingest.read("news.html", page("<title>The Coast Daily</title>",
                "<article><h1>Ferry fares rise in spring</h1><p>Ferry fares will rise by a tenth in spring, the "
                        + "operator said on Tuesday.</p></article>")));
        Map<String, IngestedFile> files = Ingest.corpus(corpus);
        assertThat(files.get("og.html").title()).isEqualTo("Harbour reopens after storm");
        assertThat(files.get("book.html").title()).isEqualTo("Knots and Hitches");
        assertThat(files.get("news.html").title()).isEqualTo("Ferry fares rise in spring");
    }
}
