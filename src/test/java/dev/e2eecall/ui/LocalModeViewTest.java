package dev.e2eecall.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.textfield.TextField;
import dev.e2eecall.call.SignalEvent;
import dev.e2eecall.local.LocalRooms;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The view without Vonage credentials: local peer-to-peer calls with signalling through the server. */
// routes are looked for in the app only, not in every jar of the test classpath
@ViewPackages(packages = "dev.e2eecall")
@SpringBootTest(properties = {"opentok.api-key=", "opentok.api-secret="})
class LocalModeViewTest extends SpringBrowserlessTest {

    @Autowired
    LocalRooms rooms;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void page_saysItIsInLocalMode() {
        navigate("room/local-note", CallView.class);

        assertThat(find(Paragraph.class).withClassName("backend-note").single().getText())
                .isEqualTo("Peer-to-peer call: up to 4 people");
    }

    @Test
    void joinedParticipant_leavesTheRegistry_whenThePageGoesAway() {
        CallView view = navigate("room/local-detach", CallView.class);
        JsonNode ticket = join();
        assertThat(ticket.path("engine").asString()).isEqualTo("local");
        assertThat(ticket.path("sessionId").asString()).isEqualTo("local-detach");

        ComponentUtil.fireEvent(
                view.call,
                new SignalEvent(
                        view.call,
                        true,
                        json.createObjectNode()
                                .put("type", "ready")
                                .put("token", ticket.path("token").asString())));
        assertThat(rooms.occupancy()).containsEntry("local-detach", 1);

        // what happens when the tab closes or the session expires: the UI's components detach
        view.removeFromParent();

        assertThat(rooms.occupancy()).doesNotContainKey("local-detach");
    }

    @Test
    void navigatingToAnotherRoom_endsTheCallInTheFirst() {
        CallView view = navigate("room/local-first", CallView.class);
        JsonNode ticket = join();
        ComponentUtil.fireEvent(
                view.call,
                new SignalEvent(
                        view.call,
                        true,
                        json.createObjectNode()
                                .put("type", "ready")
                                .put("token", ticket.path("token").asString())));
        assertThat(rooms.occupancy()).containsEntry("local-first", 1);

        navigate("room/local-second", CallView.class);

        assertThat(rooms.occupancy()).doesNotContainKey("local-first");
        assertThat(pending())
                .anyMatch(
                        invocation -> invocation.getInvocation().getExpression().contains("leave"));
    }

    @Test
    void leaving_takesTheParticipantOutOfTheRoom() {
        CallView view = navigate("room/local-leave", CallView.class);
        JsonNode ticket = join();
        ComponentUtil.fireEvent(
                view.call,
                new SignalEvent(
                        view.call,
                        true,
                        json.createObjectNode()
                                .put("type", "ready")
                                .put("token", ticket.path("token").asString())));
        assertThat(rooms.occupancy()).containsEntry("local-leave", 1);

        ComponentUtil.fireEvent(view.call, new dev.e2eecall.call.CallLeftEvent(view.call, true));

        assertThat(rooms.occupancy()).doesNotContainKey("local-leave");
    }

    /** Fills the form, answers the browser's key check, and returns the ticket handed to the element. */
    private JsonNode join() {
        test(find(TextField.class).withCaption("Name").single()).setValue("Ada");
        test(find(Button.class).withText("Enter").single()).click();
        for (PendingJavaScriptInvocation invocation : pending()) {
            if (BrowserKeyCheck.asksForVerdict(invocation)) {
                invocation.complete(BrowserKeyCheck.accepted());
            }
        }
        return pending().stream()
                .filter(invocation -> invocation.getInvocation().getExpression().contains("join"))
                .map(invocation -> json.valueToTree(
                        invocation.getInvocation().getParameters().get(1)))
                .map(JsonNode.class::cast)
                .findFirst()
                .orElseThrow();
    }

    private List<PendingJavaScriptInvocation> pending() {
        roundTrip();
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
    }
}
