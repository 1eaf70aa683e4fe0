package dev.citeqa.ingest;

import java.util.List;

/** The title a document gives itself: a declared title, else a headline-shaped line near its top. */
final class Title {

    private Title() {
    }

    static String of(SourceText source, List<Block> blocks) {
        if (source.htmlTitle() != null) {
            return source.htmlTitle();
        }
        for (int i = 0; i < Math.min(blocks.size(), 5); i++) {
            String line = blocks.get(i).text().strip();
            if (line.startsWith("#")) {
                return line.replaceFirst("^#+\\s*", "");
            }
            int words = blocks.get(i).words();
            if (words >= 3 && words <= 20 && !line.endsWith(".") && !line.contains("\n")) {
                return line;
            }
        }
        String file = source.file();
        return file.substring(file.lastIndexOf('/') + 1);
    }
}
