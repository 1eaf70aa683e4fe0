package dev.citeqa.answer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.ProviderKind;
import dev.citeqa.config.ProviderSettings;
import dev.citeqa.config.TestSettings;
import dev.citeqa.ingest.Passage;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.TermWeights;

/** Passages quoted from seeds/000 (the Iran-Iraq agreement) and provider settings pointed at a fake server. */
public final class Fixtures {

    public static final String QUESTION = "Where was the Iran-Iraq military agreement signed?";
    public static final String OPENAI_KEY = "sk-test-4f9a1c2e7b8d0a6f5e3c";
    public static final String ANTHROPIC_KEY = "sk-ant-test-9d8c7b6a5f4e3d2c1b0a";
    public static final String GEMINI_KEY = "AIzaTest-1a2b3c4d5e6f7g8h9i0j";
    public static final String COMPATIBLE_KEY = "local-test-key-0123456789";

    static final ObjectMapper JSON = new ObjectMapper();

    public static final List<String> TEXTS = List.of(
            "Iran has entered into a formal agreement with Iraq to help rebuild its depleted military in the face of "
                    + "continued aggression from the Islamic State group, the two governments said Wednesday.",
            "Iraqi Defense Minister Khaled al-Obaidi met with Iranian Defense Minister Hossein Dahqan in Tehran "
                    + "Tuesday to finalize details and sign the agreement.",
            "Iran sent combat troops to Iraq earlier this year to aid in defense of Shiite holy sites, Reuters "
                    + "reports.");

    private Fixtures() {
    }

    /** Three ranked passages: [1] the agreement, [2] the signing in Tehran, [3] the troops. */
    public static List<RankedPassage> context() {
        List<RankedPassage> out = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            String text = TEXTS.get(i);
            Passage p = new Passage(Passage.idOf("000_8d0ae4517628bdff.txt", i + 1, text), "000_8d0ae4517628bdff.txt",
                    i + 1, "Iran-Iraq Military Agreement", null, i * 300, i * 300 + text.length(), text);
            out.add(new RankedPassage(p, i + 1, 10.0 - i, i + 1, 10.0 - i, 0, Double.NaN, List.of()));
        }
        return out;
    }

    public static AnswerRequest request() {
        return new AnswerRequest(QUESTION, context(), TermWeights.uniform(List.of("iran", "iraq", "agreement",
                "signed")));
    }

    /** The product's settings with every provider's retries, timeout and a short output limit for fake servers. */
    public static CiteqaProperties properties(boolean stream, int retries, Duration timeout) {
        Map<String, String> properties = new HashMap<>(Map.of("citeqa.answer.stream", String.valueOf(stream),
                "citeqa.answer.retry-backoff", "10ms"));
        for (ProviderKind kind : ProviderKind.values()) {
            if (kind != ProviderKind.EXTRACTIVE) {
                String provider = "citeqa.providers." + kind.id() + ".";
                properties.put(provider + "retries", String.valueOf(retries));
                properties.put(provider + "timeout", timeout.toMillis() + "ms");
                properties.put(provider + "max-output-tokens", "256");
            }
        }
        return TestSettings.product(properties);
    }

    /** Settings for one provider whose base URL is the fake server, with the test key in its variable. */
    public static ProviderSettings settings(ProviderKind kind, String baseUrl, boolean stream, int retries,
                                            Duration timeout) {
        Map<String, String> env = new HashMap<>();
        env.put("OPENAI_API_KEY", OPENAI_KEY);
        env.put("ANTHROPIC_API_KEY", ANTHROPIC_KEY);
        env.put("GEMINI_API_KEY", GEMINI_KEY);
        env.put("OPENAI_COMPATIBLE_API_KEY", COMPATIBLE_KEY);
        return ProviderSettings.resolve(kind, null, baseUrl, properties(stream, retries, timeout), env::get);
    }

    public static ProviderSettings settings(ProviderKind kind, String baseUrl, boolean stream) {
        return settings(kind, baseUrl, stream, 2, Duration.ofSeconds(5));
    }

    /** Waits recorded instead of slept. */
    public static final class RecordingPause implements Pause {
        public final List<Duration> waits = new ArrayList<>();

        @Override
        public void pause(Duration wait, StopSignal stop) {
            waits.add(wait);
        }
    }

    public static LlmAnswerer answerer(ProviderSettings settings, Pause pause) {
        return new LlmAnswerer(settings, new Prompts(null), pause);
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** Server-sent events, each a "data:" line (and an "event:" line when named), ending in a blank line. */
    public static String sse(String... events) {
        StringBuilder out = new StringBuilder();
        for (String event : events) {
            out.append(event.startsWith("event:") ? event : "data: " + event).append("\n\n");
        }
        return out.toString();
    }
}
