package dev.e2eecall.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import dev.e2eecall.join.JoinService;
import dev.e2eecall.join.Requester;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The README's example of the call component in another view: it compiles, runs, and is the README's text. */
@SpringBootTest
class ComponentExampleTest extends SpringBrowserlessTest {

    // README example start
    @Route("support")
    static class SupportCallView extends VerticalLayout {

        SupportCallView(JoinService joins) {
            var key = new EncryptionKeyField("Encryption key");
            var call = new E2eeVideoCall();
            var requester = Requester.current();
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

        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .anyMatch(invocation -> invocation.getInvocation().getExpression().contains("join"));
    }

    @Test
    void readme_showsExactlyThisExample() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/e2eecall/call/ComponentExampleTest.java"));
        String example = source.substring(source.indexOf("    @Route(\"support\")"), source.indexOf("    // README example end"))
                .lines()
                .map(line -> line.replaceFirst("^ {4}", ""))
                .collect(Collectors.joining("\n"))
                .strip();
        assertThat(Files.readString(Path.of("README.md"))).contains("```java\n" + example + "\n```");
    }
}
