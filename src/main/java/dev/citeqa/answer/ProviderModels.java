package dev.citeqa.answer;

import dev.citeqa.config.ProviderSettings;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * A provider's LangChain4j models, plain and streaming, built from its settings over one HTTP client setup.
 * LangChain4j's own retries are off (maxRetries 0): the answerer retries, the same way for every provider and for
 * streams too, and honours Retry-After.
 */
record ProviderModels(ChatModel plain, StreamingChatModel streaming) {

    static ProviderModels build(ProviderSettings s, HttpClientBuilder http) {
        return switch (s.kind()) {
            case OPENAI, OPENAI_COMPATIBLE -> openAi(s, http);
            case OLLAMA -> new ProviderModels(
                    OllamaChatModel.builder().httpClientBuilder(http).baseUrl(s.baseUrl()).modelName(s.model())
                            .temperature(s.temperature()).numPredict(s.maxOutputTokens()).timeout(s.timeout())
                            .maxRetries(0).build(),
                    OllamaStreamingChatModel.builder().httpClientBuilder(http).baseUrl(s.baseUrl())
                            .modelName(s.model()).temperature(s.temperature()).numPredict(s.maxOutputTokens())
                            .timeout(s.timeout()).build());
            case ANTHROPIC -> new ProviderModels(
                    AnthropicChatModel.builder().httpClientBuilder(http).baseUrl(s.baseUrl()).apiKey(s.keyValue())
                            .modelName(s.model()).temperature(s.temperature()).maxTokens(s.maxOutputTokens())
                            .timeout(s.timeout()).maxRetries(0).build(),
                    AnthropicStreamingChatModel.builder().httpClientBuilder(http).baseUrl(s.baseUrl())
                            .apiKey(s.keyValue()).modelName(s.model()).temperature(s.temperature())
                            .maxTokens(s.maxOutputTokens()).timeout(s.timeout()).build());
            case GEMINI -> new ProviderModels(
                    GoogleAiGeminiChatModel.builder().httpClientBuilder(http).baseUrl(s.baseUrl()).apiKey(s.keyValue())
                            .modelName(s.model()).temperature(s.temperature()).maxOutputTokens(s.maxOutputTokens())
                            .timeout(s.timeout()).maxRetries(0).build(),
                    GoogleAiGeminiStreamingChatModel.builder().httpClientBuilder(http).baseUrl(s.baseUrl())
                            .apiKey(s.keyValue()).modelName(s.model()).temperature(s.temperature())
                            .maxOutputTokens(s.maxOutputTokens()).timeout(s.timeout()).build());
            case EXTRACTIVE -> throw new IllegalArgumentException("the extractive answerer uses no model");
        };
    }

    private static ProviderModels openAi(ProviderSettings s, HttpClientBuilder http) {
        // OpenAI's newer models accept only max_completion_tokens; compatible servers know max_tokens
        boolean openAi = s.kind() == dev.citeqa.config.ProviderKind.OPENAI;
        Integer completionTokens = openAi ? s.maxOutputTokens() : null;
        Integer tokens = openAi ? null : s.maxOutputTokens();
        return new ProviderModels(
                OpenAiChatModel.builder().httpClientBuilder(http).baseUrl(s.baseUrl()).apiKey(s.keyValue())
                        .modelName(s.model()).temperature(s.temperature()).maxTokens(tokens)
                        .maxCompletionTokens(completionTokens).timeout(s.timeout()).maxRetries(0).build(),
                OpenAiStreamingChatModel.builder().httpClientBuilder(http).baseUrl(s.baseUrl()).apiKey(s.keyValue())
                        .modelName(s.model()).temperature(s.temperature()).maxTokens(tokens)
                        .maxCompletionTokens(completionTokens).timeout(s.timeout()).build());
    }
}
