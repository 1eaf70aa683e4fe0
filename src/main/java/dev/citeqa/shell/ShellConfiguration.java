package dev.citeqa.shell;

import java.lang.reflect.Method;
import java.util.List;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;
import org.springframework.shell.core.utils.Utils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/** Replaces Spring Shell's parser with one that takes plain lines as questions, and finds the commands quicker. */
@Configuration(proxyBeanMethods = false)
class ShellConfiguration {

    @Bean
    CommandParser commandParser(CommandRegistry registry) {
        return new LineParser(registry);
    }

    /**
     * The same commands as Spring Shell's own registry registers (its Command beans, the {@code @Command} methods of
     * the application's components, and quit), found on the bean definitions the component scan already made.
     * Spring Shell's registry scans the application's package on the class path a second time to find them, a tenth
     * of a second of every start.
     */
    @Bean
    CommandRegistry commandRegistry(ApplicationContext context, ConfigurableListableBeanFactory beans) {
        CommandRegistry registry = new CommandRegistry();
        context.getBeansOfType(org.springframework.shell.core.command.Command.class).values()
                .forEach(registry::registerCommand);
        List<String> packages = AutoConfigurationPackages.get(beans);
        for (String name : beans.getBeanDefinitionNames()) {
            String type = beans.getBeanDefinition(name).getBeanClassName();
            if (type == null || packages.stream().noneMatch(p -> type.startsWith(p + "."))) {
                continue;
            }
            ReflectionUtils.MethodFilter commands = method -> AnnotatedElementUtils.hasAnnotation(method, Command.class);
            for (Method method : MethodIntrospector.selectMethods(ClassUtils.resolveClassName(type,
                    context.getClassLoader()), commands)) {
                CommandFactoryBean command = new CommandFactoryBean(method);
                command.setApplicationContext(context);
                registry.registerCommand(command.getObject());
            }
        }
        registry.registerCommand(Utils.QUIT_COMMAND);
        return registry;
    }
}
