package dev.citeqa;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/**
 * The package chain the README draws, enforced: data flows down this list and a package never reaches back up it.
 * A package that is not in {@link #ORDER} fails {@link #everyPackageHasAPlaceInTheOrder}: a new package is placed
 * on purpose, not by accident.
 */
class ArchitectureTest {

    private static final String BASE = "dev.citeqa";

    /** Lowest first: each package may use the ones before it, never the ones after it. */
    static final List<String> ORDER = List.of(
            "config", "ingest", "index", "retrieve", "solr", "answer", "cite", "chat", "eval", "bench", "shell");

    /** The application class starts the shell; it sits above everything. */
    private static final String ROOT = BASE;

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void everyPackageHasAPlaceInTheOrder() {
        Set<String> unplaced = new TreeSet<>();
        for (JavaClass c : MAIN) {
            String pkg = c.getPackageName();
            if (!pkg.equals(ROOT) && !ORDER.contains(pkg.substring(BASE.length() + 1))) {
                unplaced.add(pkg);
            }
        }
        assertThat(unplaced)
                .as("packages missing from ArchitectureTest.ORDER (add each at its place in the chain config → … → shell)")
                .isEmpty();
    }

    @Test
    void noPackageDependsOnOneAboveIt() {
        for (int i = 0; i < ORDER.size() - 1; i++) {
            List<String> above = ORDER.subList(i + 1, ORDER.size()).stream().map(p -> BASE + "." + p).toList();
            ArchRule rule = noClasses().that().resideInAPackage(BASE + "." + ORDER.get(i))
                    .should().dependOnClassesThat().resideInAnyPackage(above.toArray(String[]::new))
                    .as(ORDER.get(i) + " depends on no package above it (" + String.join(", ", ORDER.subList(i + 1, ORDER.size())) + ")");
            rule.check(MAIN);
        }
        noClasses().that().resideOutsideOfPackage(ROOT).should().dependOnClassesThat(
                describe("are in the root package " + ROOT, (JavaClass c) -> c.getPackageName().equals(ROOT)))
                .check(MAIN);
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /** The stages that do the work; above them chat, eval and bench are the services that run them. */
    static final List<String> PIPELINE = List.of("ingest", "index", "retrieve", "answer", "cite");

    /** Handed down the pipeline by the shell and doing no stage's work: Ctrl-C raises it. */
    private static final Set<String> SIGNALS = Set.of(BASE + ".answer.StopSignal");

    /**
     * The shell parses, calls and prints: it drives the pipeline through the services (chat's Workspaces,
     * Workspace and AskService, eval's EvalService, bench) and Spring beans, and from the stages themselves takes
     * only the values they hand back (records, enums, interfaces), never a class that does a stage's work.
     */
    @Test
    void theShellReachesThePipelineOnlyThroughItsServices() {
        Set<String> stages = PIPELINE.stream().map(p -> BASE + "." + p).collect(java.util.stream.Collectors.toSet());
        classes().that().resideInAPackage(BASE + ".shell")
                .should().onlyDependOnClassesThat(describe(
                        "are outside the pipeline stages " + PIPELINE + ", or are their beans or values"
                                + " (records, enums, interfaces)",
                        (JavaClass c) -> stages.stream().noneMatch(s -> inPackage(c, s)) || SIGNALS.contains(c.getName())
                                || serviceOrValue(c)))
                .check(MAIN);
    }

    private static boolean inPackage(JavaClass c, String pkg) {
        return c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + ".");
    }

    private static boolean serviceOrValue(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            if (top.isRecord() || top.isEnum() || top.isInterface()) {
                return true;
            }
            top = top.getEnclosingClass().get();
        }
        return top.isRecord() || top.isEnum() || top.isInterface() || top.isMetaAnnotatedWith(Component.class)
                || top.isAnnotatedWith(Component.class);
    }
}
