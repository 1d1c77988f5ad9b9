package dev.e2eecall.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import dev.e2eecall.join.JoinService;
import dev.e2eecall.ui.PageRequester;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The README's example of the call component in another view: it compiles, runs, and is the README's text. */
// routes are looked for in the app only, not in every jar of the test classpath
@ViewPackages(packages = "dev.e2eecall")
@SpringBootTest
class ComponentExampleTest extends SpringBrowserlessTest {

    // README example start
    @Route("support")
    static class SupportCallView extends VerticalLayout {

        SupportCallView(JoinService joins) {
            var key = new EncryptionKeyField("Encryption key");
            var call = new E2eeVideoCall();
            var requester = PageRequester.current();
            var enter = new Button("Enter", click -> call.join(joins.join("support", "Help desk", requester), key));
            call.addParticipantJoinedListener(joined -> Notification.show(joined.getParticipantName() + " joined"));
            call.addErrorListener(error -> Notification.show(error.getMessage()));
            call.addLeftListener(left -> key.clear());
            add(key, enter, call);
        }
    }
    // README example end

    @Test
    void example_joinsTheCallWithTheTicketAndTheKeyField() {
        navigate(SupportCallView.class);

        test(find(Button.class).withText("Enter").single()).click();
        roundTrip();

        E2eeVideoCall call = find(E2eeVideoCall.class).single();
        EncryptionKeyField key = find(EncryptionKeyField.class).single();
        List<PendingJavaScriptInvocation> joins =
                UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                        .filter(invocation ->
                                invocation.getOwner() == call.getElement().getNode())
                        .filter(invocation ->
                                invocation.getInvocation().getExpression().contains("join"))
                        .toList();
        assertThat(joins).singleElement().satisfies(join -> {
            // the element itself, then the ticket and the key field
            List<Object> arguments = join.getInvocation().getParameters();
            assertThat(arguments).hasSize(3);
            // what Vaadin sends the browser: the ticket as JSON
            JsonNode ticket = JsonMapper.builder().build().valueToTree(arguments.get(1));
            assertThat(ticket.path("engine").asString()).isEqualTo("local");
            assertThat(ticket.path("room").asString()).isEqualTo("support");
            assertThat(ticket.path("name").asString()).isEqualTo("Help desk");
            assertThat(ticket.path("sessionId").asString()).isEqualTo("support");
            assertThat(ticket.path("token").asString()).isNotBlank();
            assertThat(ticket.path("apiKey").asString()).isEmpty();
            assertThat(arguments.get(2)).isSameAs(key.getElement());
        });
    }

    @Test
    void readme_showsExactlyThisExample() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/e2eecall/call/ComponentExampleTest.java"));
        String example = source.substring(
                        source.indexOf("    @Route(\"support\")"), source.indexOf("    // README example end"))
                .lines()
                .map(line -> line.replaceFirst("^ {4}", ""))
                .collect(Collectors.joining("\n"))
                .strip();
        assertThat(Files.readString(Path.of("README.md"))).contains("```java\n" + example + "\n```");
    }
}
