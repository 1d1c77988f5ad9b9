package dev.e2eecall;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module structure as rules: feature packages without cycles, each used only through what it
 * exposes and only by the modules its {@code package-info.java} allows; every module but the
 * page's free of Vaadin; and {@code docs/architecture.md}'s diagram drawn from the code.
 */
class ApplicationModulesTest {

    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    private static final String DIAGRAM_START = "```mermaid\n";
    private static final String DIAGRAM_END = "```\n";
    /** The modules that are Vaadin components by design: the call component, the page, its embedding. */
    private static final Set<String> PAGE_MODULES = Set.of("call", "embed", "ui");

    private final ApplicationModules modules = ApplicationModules.of(Application.class);
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.e2eecall");

    @Test
    void modules_haveNoCycles_andUseEachOtherOnlyAsAllowed() {
        modules.verify();
    }

    @Test
    void backends_useNothingOfVaadin() {
        String[] backends = modules.stream()
                .filter(module -> !PAGE_MODULES.contains(module.getIdentifier().toString()))
                .map(module -> module.getBasePackage().getName() + "..")
                .toArray(String[]::new);
        assertThat(backends).as("the modules that are not the page's").contains("dev.e2eecall.join..");
        noClasses()
                .that()
                .resideInAnyPackage(backends)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.vaadin..")
                .because("the backends serve any client, not one Vaadin page; "
                        + "what a page's request says is read by the page's modules")
                .check(classes);
    }

    @Test
    void callComponent_dependsOnNothingOfTheApp() {
        noClasses()
                .that()
                .resideInAPackage("dev.e2eecall.call..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.e2eecall..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("dev.e2eecall.call..")))
                .because("other views use the call component without this app's services")
                .check(classes);
    }

    @Test
    void architectureDocument_showsTheModulesAsTheyAre() throws IOException {
        String document = Files.readString(ARCHITECTURE);
        int start = document.indexOf(DIAGRAM_START);
        int end = document.indexOf(DIAGRAM_END, start + DIAGRAM_START.length());
        assertThat(start).as("a mermaid block in %s", ARCHITECTURE).isNotNegative();
        String current = document.substring(start + DIAGRAM_START.length(), end);
        String drawn = diagram();
        if (!current.equals(drawn)) {
            // redrawn in place, so that the change shows in the working tree, ready to commit
            Files.writeString(
                    ARCHITECTURE,
                    document.substring(0, start + DIAGRAM_START.length()) + drawn + document.substring(end));
        }
        assertThat(current)
                .as("%s's diagram (redrawn from the code: review and commit it)", ARCHITECTURE)
                .isEqualTo(drawn);
    }

    /** The modules and their direct dependencies, as a Mermaid flowchart, in a stable order. */
    private String diagram() {
        StringBuilder diagram = new StringBuilder("flowchart TD\n");
        modules.stream()
                .sorted(Comparator.comparing(ApplicationModule::getIdentifier))
                .forEach(module -> {
                    String targets = module.getDirectDependencies(modules).stream()
                            .map(dependency ->
                                    dependency.getTargetModule().getIdentifier().toString())
                            .distinct()
                            .sorted()
                            .collect(Collectors.joining(" & "));
                    diagram.append("    ").append(module.getIdentifier());
                    if (!targets.isEmpty()) {
                        diagram.append(" --> ").append(targets);
                    }
                    diagram.append('\n');
                });
        return diagram.toString();
    }
}
