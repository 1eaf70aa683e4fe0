package dev.citeqa.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.citeqa.config.Problem;

/**
 * SQuAD articles as a user's folder: one text file per paragraph ({@code <article>-<nnn>.txt}, the paragraph's
 * text exactly, so every answer span is in the file as marked) and a gold file in the format of
 * {@code eval/gold.jsonl} with every question of those articles, with and without an answer. An answerable
 * question's facts are one group holding its distinct answer texts as alternatives, and its source is its
 * paragraph's file: the reader is right when it quotes any span an annotator marked.
 */
public final class SquadFolder {

    /** What was written. */
    public record Written(int articles, int files, int questions, int unanswerable) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SquadFolder() {
    }

    /**
     * Writes the articles with these titles, in the given order. Running it again with the same input writes the
     * same bytes; a documents folder holding other files is refused rather than mixed.
     */
    public static Written write(SquadFile squad, List<String> titles, Path docs, Path gold) {
        if (titles.isEmpty()) {
            throw new Problem("Name at least one article of " + squad.path() + " to write.");
        }
        List<SquadFile.Article> articles = titles.stream().map(squad::article).toList();
        Map<String, String> files = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        int unanswerable = 0;
        for (SquadFile.Article article : articles) {
            List<SquadFile.Paragraph> paragraphs = article.paragraphs();
            for (int i = 0; i < paragraphs.size(); i++) {
                String file = fileName(article.title(), i);
                if (files.put(file, paragraphs.get(i).context().strip() + "\n") != null) {
                    throw new Problem("Two articles would both write " + file + ": name each article once.");
                }
                for (SquadFile.Question question : paragraphs.get(i).questions()) {
                    lines.add(goldLine(question, file));
                    unanswerable += question.answerable() ? 0 : 1;
                }
            }
        }
        refuseOtherFiles(docs, files.keySet());
        try {
            Files.createDirectories(docs);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(docs.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new Problem("Cannot write the documents folder " + docs + " (" + e.getMessage() + ").", e);
        }
        ReportFiles.writeText(gold, String.join("\n", lines) + "\n");
        return new Written(articles.size(), files.size(), lines.size(), unanswerable);
    }

    /**
     * The file of an article's paragraph: the title with anything but letters, digits, dot, dash and underscore
     * made an underscore (a colon or slash in a title is no file name everywhere), and the paragraph's place.
     */
    static String fileName(String title, int paragraph) {
        String safe = title.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
        return (safe.isEmpty() ? "article" : safe) + "-" + String.format("%03d", paragraph) + ".txt";
    }

    private static String goldLine(SquadFile.Question question, String file) {
        ObjectNode line = JSON.createObjectNode();
        line.put("id", question.id());
        line.put("question", question.text().strip());
        line.put("answerable", question.answerable());
        if (question.answerable()) {
            line.put("answer", question.answers().getFirst());
            Set<String> alternatives = new LinkedHashSet<>(question.answers().stream().map(String::strip).toList());
            line.putArray("facts").addArray().addAll(alternatives.stream()
                    .map(JSON.getNodeFactory()::textNode).toList());
            line.putArray("sources").add(file);
        } else {
            line.put("answer", question.plausibleAnswers().isEmpty() ? "The paragraph does not say."
                    : "The paragraph does not say (the question was written to tempt towards \""
                    + question.plausibleAnswers().getFirst() + "\" in " + file + ").");
            line.putArray("facts");
            line.putArray("sources");
        }
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and booleans always serialises", e);
        }
    }

    private static void refuseOtherFiles(Path docs, Set<String> written) {
        if (!Files.isDirectory(docs)) {
            return;
        }
        Set<String> others = new TreeSet<>();
        try (Stream<Path> present = Files.list(docs)) {
            present.map(p -> p.getFileName().toString()).filter(name -> !written.contains(name)).forEach(others::add);
        } catch (IOException e) {
            throw new Problem("Cannot list the documents folder " + docs + " (" + e.getMessage() + ").", e);
        }
        if (!others.isEmpty()) {
            throw new Problem(docs + " holds files this conversion would not write (" + others.iterator().next()
                    + (others.size() > 1 ? " and " + (others.size() - 1) + " more" : "")
                    + "): pass an empty or new --docs folder.");
        }
    }
}
