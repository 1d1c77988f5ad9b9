package dev.e2eecall.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import dev.e2eecall.FormBodies;
import dev.e2eecall.call.DeviceCheck;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The call page before the call: the support check, the form's checks, and the join it hands to the element. */
class CallViewJoiningTest extends CallViewScenario {

    @Test
    void unsupportedBrowser_getsANoticeInsteadOfTheForm() {
        answerBrowser(false); // the support check made when the page opened

        assertThat(find(Paragraph.class).withClassName("notice").single().getText())
                .isEqualTo("This browser cannot do end-to-end encrypted calls; use a current Chrome, Edge or Safari");
        assertThat(CallView.isRevealed(nameField().getParent().orElseThrow())).isFalse();
    }

    @Test
    void emptyName_isRefused_andTheKeyIsCheckedToo() {
        test(nameField()).setValue("   ");
        test(button("Enter")).click();

        assertThat(nameField().isInvalid()).isTrue();
        assertThat(nameField().getErrorMessage()).isEqualTo("Please enter your name.");
        answerKeyCheck(BrowserKeyCheck.refused("The browser's sentence about this key"));

        assertThat(callsOn(pending(), keyField("Encryption key"), "showError"))
                .containsExactly(List.of("The browser's sentence about this key"));
        assertThat(standIn.createRequests()).isEmpty();
        assertThat(button("Enter").isEnabled()).isTrue();
    }

    @Test
    void nameWithControlCharacters_isRefused() {
        test(nameField()).setValue("Ada\u0000Lovelace");
        test(button("Enter")).click();

        assertThat(nameField().getErrorMessage()).isEqualTo("A name cannot contain control characters.");
    }

    @Test
    void enter_asksTheKeyFieldByANamedMethod_sendingNoKey() {
        test(nameField()).setValue("Ada");
        test(button("Enter")).click();

        PendingJavaScriptInvocation question = pending().stream()
                .filter(BrowserKeyCheck::asksForVerdict)
                .findFirst()
                .orElseThrow();
        assertThat(question.getOwner())
                .isSameAs(keyField("Encryption key").getElement().getNode());
        assertThat(question.getInvocation().getExpression())
                .doesNotContain("value")
                .doesNotContain("length");
        assertThat(question.getInvocation().getParameters())
                .containsExactly(keyField("Encryption key").getElement());
    }

    @Test
    void keyRefused_showsTheBrowsersMessage_andCreatesNoSession() {
        test(nameField()).setValue("Ada");
        test(button("Enter")).click();
        answerKeyCheck(BrowserKeyCheck.refused("The browser's sentence about this key"));

        List<PendingJavaScriptInvocation> sent = pending();
        assertThat(standIn.createRequests()).isEmpty();
        assertThat(isCallShown()).isFalse();
        assertThat(button("Enter").isEnabled()).isTrue();
        assertThat(callsOn(sent, keyField("Encryption key"), "showError"))
                .containsExactly(List.of("The browser's sentence about this key"));
        assertThat(callsOn(sent, call, "join")).isEmpty();
    }

    @Test
    void keyAccepted_clearsTheFieldsMessage_andJoins() {
        test(nameField()).setValue("Ada");
        test(button("Enter")).click();
        answerKeyCheck(BrowserKeyCheck.accepted());

        List<PendingJavaScriptInvocation> sent = pending();
        assertThat(standIn.createRequests()).hasSize(1);
        assertThat(callsOn(sent, keyField("Encryption key"), "showError")).containsExactly(List.of(""));
        assertThat(callsOn(sent, call, "join"))
                .singleElement()
                .satisfies(arguments -> assertJoinArguments(arguments, "Ada"));
    }

    @Test
    void validJoin_handsTheTicketAndTheKeyFieldToTheElement() {
        test(nameField()).setValue("  Ada  ");
        test(button("Enter")).click();
        answerBrowser(true);

        List<PendingJavaScriptInvocation> sent = pending();
        assertThat(standIn.createRequests()).hasSize(1);
        assertThat(isCallShown()).isTrue();
        assertThat(status()).isEqualTo("Connecting…");
        // the name as trimmed by the server, in the ticket and in the token the service will check
        assertThat(callsOn(sent, call, "join"))
                .singleElement()
                .satisfies(arguments -> assertJoinArguments(arguments, "Ada"));
    }

    /**
     * The element's join gets this room's ticket (the project's key, the room's session, a publisher
     * token for that session whose connection data holds the name, no ICE servers, any path) and
     * the key field's element.
     */
    private void assertJoinArguments(List<Object> arguments, String name) {
        assertThat(arguments).hasSize(3);
        // what Vaadin sends the browser: the ticket as JSON, in the one shape the element reads
        JsonNode ticket = JsonMapper.builder().build().valueToTree(arguments.get(0));
        assertThat(ticket.propertyNames())
                .containsExactly("engine", "apiKey", "sessionId", "token", "room", "name", "iceServers", "icePolicy");
        assertThat(ticket.path("engine").asString()).isEqualTo("opentok");
        assertThat(ticket.path("apiKey").asString()).isEqualTo(Integer.toString(StandInVideoService.API_KEY));
        assertThat(ticket.path("sessionId").asString()).isEqualTo(standIn.sessionId());
        assertThat(ticket.path("room").asString()).isEqualTo(room);
        assertThat(ticket.path("name").asString()).isEqualTo(name);
        assertThat(ticket.path("iceServers").isArray()).isTrue();
        assertThat(ticket.path("iceServers").isEmpty()).isTrue();
        assertThat(ticket.path("icePolicy").asString()).isEqualTo("all");
        String token = ticket.path("token").asString();
        assertThat(token).startsWith("T1==");
        String decoded = new String(Base64.getDecoder().decode(token.substring(4)), StandardCharsets.UTF_8);
        assertThat(FormBodies.parse(decoded.substring(0, decoded.indexOf(':'))))
                .containsEntry("partner_id", Integer.toString(StandInVideoService.API_KEY));
        assertThat(FormBodies.parse(decoded.substring(decoded.indexOf(':') + 1)))
                .containsEntry("session_id", standIn.sessionId())
                .containsEntry("role", "publisher")
                .containsEntry("connection_data", "{\"name\":\"" + name + "\"}");
        assertThat(arguments.get(1)).isSameAs(keyField("Encryption key").getElement());
        // the camera and microphone check, whose choice stays in the browser
        assertThat(arguments.get(2)).isSameAs(find(DeviceCheck.class).single().getElement());
    }

    @Test
    void deviceCheck_opensOnlyWhenAsked_andClosesOnEnter() {
        DeviceCheck check = find(DeviceCheck.class).single();
        assertThat(callsOn(pending(), check, "open")).isEmpty();

        test(button(JoinForm.CHECK_DEVICES)).click();
        assertThat(callsOn(pending(), check, "open")).hasSize(1);
        assertThat(button(JoinForm.HIDE_DEVICE_CHECK).getElement().getAttribute("aria-expanded"))
                .isEqualTo("true");

        joinedCall();
        assertThat(button(JoinForm.CHECK_DEVICES).getElement().getAttribute("aria-expanded"))
                .isEqualTo("false");
    }

    @Test
    void serviceFailure_showsItsMessage_andTheFormWorksAgain() {
        standIn.answer(aResponse().withStatus(503));
        test(nameField()).setValue("Ada");
        test(button("Enter")).click();
        answerBrowser(true);

        assertThat(formError()).isEqualTo("The video service is unavailable right now. Please try again in a moment.");
        assertThat(button("Enter").isEnabled()).isTrue();
        assertThat(isCallShown()).isFalse();

        standIn.answerWithSession();
        test(button("Enter")).click();
        answerBrowser(true);
        assertThat(isCallShown()).isTrue();
    }
}
