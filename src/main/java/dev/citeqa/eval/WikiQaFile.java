package dev.citeqa.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import dev.citeqa.config.Problem;

/**
 * A WikiQA split ({@code WikiQA-dev.tsv}, plain or gzipped): a header, then one row per candidate sentence,
 * {@code QuestionID Question DocumentID DocumentTitle SentenceID Sentence Label}, tab-separated. WikiQA is under a
 * research-only licence: it is read to measure, never to train what ships.
 */
public final class WikiQaFile {

    /** A question and its candidate sentences, in the file's order. */
    public record Question(String id, String text, List<Candidate> candidates) {
        public Question {
            candidates = List.copyOf(candidates);
        }

        public boolean answered() {
            return candidates.stream().anyMatch(Candidate::answers);
        }
    }

    /** A candidate sentence and whether the annotators marked it as answering its question. */
    public record Candidate(String id, String text, boolean answers) {
    }

    static final String HEADER = "QuestionID\tQuestion\tDocumentID\tDocumentTitle\tSentenceID\tSentence\tLabel";

    private WikiQaFile() {
    }

    /** The questions of the file, in order. A malformed row stops with the file and its line. */
    public static List<Question> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new Problem("The WikiQA file " + file + " does not exist: pass --dataset <folder with "
                    + "WikiQA-dev.tsv.gz> or --file <WikiQA-dev.tsv[.gz]>.");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, List<Candidate>> candidates = new LinkedHashMap<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            if (line == null || !strip(line).equals(HEADER)) {
                throw new Problem(file + " line 1: not a WikiQA header (expected " + HEADER.replace("\t", " ") + ").");
            }
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                line = strip(line);
                if (line.isEmpty()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 7 || !(fields[6].equals("0") || fields[6].equals("1"))) {
                    throw new Problem(file + " line " + number + ": expected 7 tab-separated fields ending in a "
                            + "label 0 or 1.");
                }
                String earlier = texts.putIfAbsent(fields[0], fields[1]);
                if (earlier != null && !earlier.equals(fields[1])) {
                    throw new Problem(file + " line " + number + ": question " + fields[0]
                            + " has another text than on its earlier rows.");
                }
                candidates.computeIfAbsent(fields[0], id -> new ArrayList<>())
                        .add(new Candidate(fields[4], fields[5], fields[6].equals("1")));
            }
        } catch (IOException e) {
            throw new Problem("Cannot read the WikiQA file " + file + " (" + e.getMessage() + ").", e);
        }
        if (texts.isEmpty()) {
            throw new Problem(file + " holds no questions.");
        }
        return texts.entrySet().stream()
                .map(q -> new Question(q.getKey(), q.getValue(), candidates.get(q.getKey()))).toList();
    }

    /** The files have CRLF line ends. */
    private static String strip(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
