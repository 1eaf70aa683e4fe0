package dev.citeqa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic news corpus: English sentences whose content words follow a Zipf law over a vocabulary of
 * common words plus a long tail of rarer coined words (as real text has), and a cast of people, places and
 * organisations that recur across documents with Zipf popularity. Every file is a title and paragraphs of three
 * sentences, so one paragraph becomes one passage. The same seed always gives the same bytes.
 */
public final class CorpusGenerator {

    /** Bump when the text changes, so a corpus left by an older generator is written again. */
    static final int VERSION = 1;
    static final String MARKER = ".citeqa-bench-corpus";
    public static final int PASSAGES_PER_FILE = 20;

    private static final String[] NOUNS = words("""
            government minister agreement report year people country city official police army court law
            plan company market price bank school hospital water road village border election party vote
            council office attack war peace talks deal trade tax budget fund project program system group
            member leader president family child student teacher worker farmer doctor soldier commander
            weapon camp force security region province district capital port bridge station airport river
            coast island valley mountain forest field farm factory mine plant energy oil gas power fuel
            crop harvest rain flood storm drought fire damage aid food health disease vaccine study survey
            data record document letter statement speech meeting visit trip conference summit committee
            agency ministry department union alliance treaty border license contract loan debt crisis
            reform policy rule measure decision case trial judge lawyer witness prison protest strike
            crowd rally campaign candidate seat majority minority coalition opposition parliament senate
            newspaper radio television channel network website article interview editor reporter source
            investigation inquiry evidence charge fine penalty sanction export import industry service
            transport train bus ship truck vehicle fleet cargo shipment supply demand growth loss profit
            share stock currency inflation salary pension income cost fee contract tender auction museum
            library church mosque temple festival concert match team player coach season league title""");
    private static final String[] VERBS = words("""
            signed announced approved rejected opened closed visited reported discussed confirmed denied
            launched completed started delayed raised cut increased reduced received sent delivered built
            repaired expanded reviewed criticised praised supported opposed promised warned urged agreed
            proposed published released arrested charged fined questioned met welcomed hosted attended
            organised planned funded bought sold exported imported shipped produced recorded measured
            studied found discovered inspected examined tested monitored described estimated predicted""");
    private static final String[] ADJECTIVES = words("""
            new old large small major minor local national regional foreign public private central northern
            southern eastern western military civil economic political social financial legal official
            early late recent annual monthly weekly senior junior former current final first second third
            main key important serious difficult strong weak rapid slow high low wide narrow heavy light
            secret open joint formal informal temporary permanent rural urban coastal""");
    private static final String[] PREPOSITIONS = words("in near after before during across through without under over");
    private static final String[] FIRST = words("""
            Amir Sara Daniel Leila Omar Nadia Karim Elena Hassan Maria Yusuf Anna Tomas Fatima Pavel Ines
            Mehdi Clara Rashid Sofia Javier Amina Viktor Laura Samir Helena Arjun Mina Lucas Zainab Ivan
            Rosa Farid Julia Kenji Aisha Marco Dalia Stefan Noor Pedro Yasmin Hugo Lina Tariq Eva Diego
            Salma Andrei Maya Nikolai Rania Felix Hana Emil Dina Oskar Reza Irene Malik""");
    private static final String[] LAST = words("""
            Haddad Novak Rahimi Costa Petrov Okafor Lindqvist Moreau Tanaka Mansour Kowalski Ferreira
            Nasser Brennan Alvarez Schultz Karimi Volkov Mendes Ibrahim Larsen Dubois Yilmaz Castillo
            Horvat Bakr Sorensen Romano Qureshi Fischer Navarro Ortega Hashemi Jansen Bianchi Aziz
            Kovacs Rossi Farouk Lindgren Salazar Weber Obeidi Dehqan Hiyali Shah Mirza Suleiman Varga
            Nyberg Arslan Demir Popescu Ricci Vasquez Kaplan Sato Nakamura Ivanova""");
    private static final String[] PLACES = words("""
            Tehran Baghdad Mosul Basra Erbil Kirkuk Ankara Cairo Amman Beirut Damascus Riyadh Doha Dubai
            Kabul Karachi Lahore Delhi Mumbai Dhaka Jakarta Manila Hanoi Bangkok Seoul Tokyo Nairobi Lagos
            Accra Dakar Tunis Algiers Rabat Madrid Lisbon Paris Brussels Berlin Warsaw Prague Vienna Rome
            Athens Sofia Bucharest Kyiv Minsk Riga Tallinn Vilnius Oslo Stockholm Helsinki Dublin London
            Lima Bogota Quito Santiago Caracas""");
    private static final String[] ORG_KINDS = words("Ministry Agency Council Institute Commission Authority Bureau Foundation");
    private static final String[] WEEKDAYS = words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday");
    private static final String[] MONTHS = words("January February March April May June July August September October November December");
    private static final String[] SYLLABLES = words("""
            ba be bi bo bu da de di do du fa fe fi ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no
            nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo bar ber dor kan len mar
            mir nor ran sen tar ten ver wal""");

    private static final java.util.regex.Pattern AN = java.util.regex.Pattern.compile("\\b([Aa]) ([aeiou])");

    /** Content words: the common nouns first, then coined words, so rank and frequency fall together. */
    private final String[] vocabulary;
    private final Zipf words;
    private final String[] people;
    private final Zipf popularity;
    private final String[] organisations;
    private final Zipf places;
    private final long seed;

    public CorpusGenerator(long seed) {
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        LinkedHashSet<String> vocab = new LinkedHashSet<>(List.of(NOUNS));
        while (vocab.size() < 40_000) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int i = 0; i < syllables; i++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            vocab.add(word.toString());
        }
        this.vocabulary = vocab.toArray(String[]::new);
        this.words = new Zipf(vocabulary.length, 1.05);
        LinkedHashSet<String> cast = new LinkedHashSet<>();
        while (cast.size() < 3_000) {
            cast.add(FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)]);
        }
        this.people = cast.toArray(String[]::new);
        this.popularity = new Zipf(people.length, 1.0);
        List<String> orgs = new ArrayList<>();
        for (String place : PLACES) {
            for (String kind : ORG_KINDS) {
                orgs.add(place + " " + kind);
            }
        }
        this.organisations = orgs.toArray(String[]::new);
        this.places = new Zipf(PLACES.length, 0.9);
    }

    /** How many files hold about this many passages. */
    public static int filesFor(int passages) {
        return Math.max(1, (passages + PASSAGES_PER_FILE - 1) / PASSAGES_PER_FILE);
    }

    /** A corpus on disk: its number of files, and whether this run wrote them or kept an identical earlier one. */
    public record Written(int files, boolean kept) {
    }

    /**
     * Writes (or keeps, when the marker says it is already there) a corpus of about {@code passages} passages under
     * {@code folder}.
     */
    public Written write(Path folder, int passages) {
        int files = filesFor(passages);
        String stamp = "version=" + VERSION + " seed=" + seed + " files=" + files + " per-file=" + PASSAGES_PER_FILE;
        Path marker = folder.resolve(MARKER);
        try {
            if (Files.exists(marker) && Files.readString(marker).strip().equals(stamp)) {
                return new Written(files, true);
            }
            Files.createDirectories(folder);
            Files.deleteIfExists(marker);
            Benchmark.deleteTree(folder.resolve("gen")); // a corpus of another size or seed
            for (int i = 0; i < files; i++) {
                Path file = folder.resolve(fileName(i));
                Files.createDirectories(file.getParent());
                Files.writeString(file, document(i), StandardCharsets.UTF_8);
            }
            Files.writeString(marker, stamp + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Written(files, false);
    }

    static String fileName(int index) {
        return String.format(Locale.ROOT, "gen/%04d/doc-%07d.txt", index / 1000, index);
    }

    /** The text of document {@code index}; it depends only on the seed and the index. */
    public String document(int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        StringBuilder text = new StringBuilder(PASSAGES_PER_FILE * 450);
        String person = person(random);
        text.append(person).append(' ').append(pick(VERBS, random)).append(' ').append(article(random))
                .append(pick(ADJECTIVES, random)).append(' ').append(word(random)).append(" in ")
                .append(place(random)).append("\n\n");
        text.append(place(random).toUpperCase(Locale.ROOT)).append(", ").append(pick(MONTHS, random)).append(' ')
                .append(1 + random.nextInt(28)).append(", ").append(2000 + random.nextInt(26)).append("\n\n");
        for (int p = 0; p < PASSAGES_PER_FILE; p++) {
            for (int s = 0; s < 3; s++) {
                if (s > 0) {
                    text.append(' ');
                }
                // the document's protagonist recurs, as a story's subject does
                sentence(text, random, random.nextInt(4) == 0 ? person : null);
            }
            text.append("\n\n");
        }
        return AN.matcher(text).replaceAll("$1n $2");
    }

    private void sentence(StringBuilder out, SplittableRandom random, String protagonist) {
        int start = out.length();
        switch (random.nextInt(4)) {
            case 0 -> out.append(protagonist != null ? protagonist : person(random));
            case 1 -> out.append("the ").append(pick(ADJECTIVES, random)).append(' ').append(word(random));
            case 2 -> out.append("officials from ").append(place(random));
            default -> out.append("the ").append(organisations[random.nextInt(organisations.length)]);
        }
        out.append(' ').append(pick(VERBS, random)).append(' ').append(article(random));
        if (random.nextBoolean()) {
            out.append(pick(ADJECTIVES, random)).append(' ');
        }
        out.append(word(random)).append(" of the ").append(word(random));
        int phrases = random.nextInt(4);
        for (int i = 0; i < phrases; i++) {
            switch (random.nextInt(5)) {
                case 0 -> out.append(" in ").append(place(random));
                case 1 -> out.append(" on ").append(pick(WEEKDAYS, random));
                case 2 -> out.append(" with ").append(person(random));
                case 3 -> out.append(" after ").append(1 + random.nextInt(900)).append(' ').append(word(random))
                        .append('s');
                default -> out.append(' ').append(pick(PREPOSITIONS, random)).append(" the ").append(word(random));
            }
        }
        if (random.nextInt(3) == 0) {
            out.append(", according to ").append(random.nextBoolean() ? person(random)
                    : "the " + organisations[random.nextInt(organisations.length)]);
        }
        out.append('.');
        out.setCharAt(start, Character.toUpperCase(out.charAt(start)));
    }

    private String word(SplittableRandom random) {
        return vocabulary[words.sample(random)];
    }

    private String person(SplittableRandom random) {
        return people[popularity.sample(random)];
    }

    private String place(SplittableRandom random) {
        return PLACES[places.sample(random)];
    }

    private static String article(SplittableRandom random) {
        return random.nextBoolean() ? "the " : "a ";
    }

    private static String pick(String[] options, SplittableRandom random) {
        return options[random.nextInt(options.length)];
    }

    private static String[] words(String list) {
        return list.strip().split("\\s+");
    }

    /** Ranks 0..n-1 drawn with probability proportional to 1/(rank+1)^s, by inverting the cumulative sum. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int sample(SplittableRandom random) {
            int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
        }
    }
}
