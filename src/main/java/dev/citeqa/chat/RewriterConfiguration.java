package dev.citeqa.chat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.citeqa.answer.Answerers;

/**
 * Follow-ups are made standalone by the active LLM with prompts/rewrite.txt, and by the offline rules when the
 * provider is extractive or the model fails.
 */
@Configuration(proxyBeanMethods = false)
class RewriterConfiguration {

    @Bean
    QuestionRewriter questionRewriter(Answerers answerers) {
        return new LlmQuestionRewriter(answerers, new RuleBasedRewriter());
    }
}
