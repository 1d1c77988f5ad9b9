package dev.e2eecall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code frontend/index.ts} is Vaadin's template for the page's entry point with a few lines
 * replaced on purpose (its comment says why). When a Vaadin upgrade changes the template, this
 * test fails, so that the change is carried over by hand.
 */
class EntryPointTemplateTest {

    /** Where the template lies in Vaadin's flow-server jar. */
    private static final String TEMPLATE = "com/vaadin/flow/server/frontend/index.ts";

    private static final Path ENTRY_POINT = Path.of("frontend/index.ts");

    /** The template's code lines that frontend/index.ts replaces: the router keeps the server's container. */
    private static final List<String> REPLACED = List.of(
            "const routes = [",
            "...serverSideRoutes",
            "];",
            "const router = new Router(document.querySelector('#outlet'));",
            "router.setRoutes(routes);");

    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern LINE_COMMENT = Pattern.compile("(^|\\s+)//.*$");

    @Test
    void vaadinsTemplate_hasNoCodeLineThatTheEntryPointLacks_butTheOnesItReplaces() throws IOException {
        List<String> template = codeLines(template());
        List<String> entryPoint = codeLines(Files.readString(ENTRY_POINT));

        assertThat(template)
                .as(
                        "Vaadin's %s still has the lines %s replaces; if not, review it against the template",
                        TEMPLATE, ENTRY_POINT)
                .containsAll(REPLACED);
        assertThat(entryPoint)
                .as("%s has the template's other code lines, in order; carry over what Vaadin changed", ENTRY_POINT)
                .containsSubsequence(template.stream()
                        .filter(line -> !REPLACED.contains(line))
                        .toList());
    }

    @Test
    void codeLines_leaveOutCommentsAndBlankLines() {
        assertThat(codeLines("""
                /* a header
                 * over lines */
                // a note with https://example.com
                import { a } from 'b'; // why
                  const c = 'https://d';

                """)).containsExactly("import { a } from 'b';", "const c = 'https://d';");
    }

    private static List<String> codeLines(String source) {
        return BLOCK_COMMENT
                .matcher(source)
                .replaceAll("")
                .lines()
                .map(line -> LINE_COMMENT.matcher(line).replaceAll("").strip())
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private static String template() throws IOException {
        try (InputStream in = EntryPointTemplateTest.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            assertThat(in)
                    .as("Vaadin's template %s on the class path", TEMPLATE)
                    .isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
