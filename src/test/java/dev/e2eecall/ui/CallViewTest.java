package dev.e2eecall.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import dev.e2eecall.FormBodies;
import dev.e2eecall.call.CallConnectedEvent;
import dev.e2eecall.call.CallDisconnectedEvent;
import dev.e2eecall.call.CallErrorEvent;
import dev.e2eecall.call.CallLeftEvent;
import dev.e2eecall.call.DeviceCheck;
import dev.e2eecall.call.E2eeVideoCall;
import dev.e2eecall.call.EncryptionKeyField;
import dev.e2eecall.call.KeyChangedEvent;
import dev.e2eecall.call.KeyMatchEvent;
import dev.e2eecall.call.KeyMismatchEvent;
import dev.e2eecall.call.ParticipantJoinedEvent;
import dev.e2eecall.call.ParticipantLeftEvent;
import dev.e2eecall.opentok.OpenTokStandIn;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.BooleanNode;

// routes are looked for in the app only, not in every jar of the test classpath
@ViewPackages(packages = "dev.e2eecall")
@SpringBootTest
class CallViewTest extends SpringBrowserlessTest {

    private static final int API_KEY = 4711;
    private static final OpenTokStandIn standIn = new OpenTokStandIn(API_KEY);

    @DynamicPropertySource
    static void videoService(DynamicPropertyRegistry registry) {
        registry.add("opentok.api-key", () -> Integer.toString(API_KEY));
        registry.add("opentok.api-secret", () -> "made-up-secret-for-view-tests-0123456789ab");
        registry.add("opentok.api-url", () -> standIn.url().toString());
    }

    @AfterAll
    static void stopStandIn() {
        standIn.close();
    }

    private CallView view;
    private E2eeVideoCall call;
    private String room;

    @BeforeEach
    void open(TestInfo test) {
        standIn.reset();
        // the backend keeps a room's session for the whole context: each test takes a fresh room
        room = test.getTestMethod()
                .orElseThrow()
                .getName()
                .toLowerCase(Locale.ROOT)
                .replace('_', '-');
        view = navigate("room/" + room, CallView.class);
        call = view.call;
    }

    @Test
    void unsupportedBrowser_getsANoticeInsteadOfTheForm() {
        answerBrowser(false); // the support check made when the page opened

        assertThat(find(com.vaadin.flow.component.html.Paragraph.class)
                        .withClassName("notice")
                        .single()
                        .getText())
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
    void newKeyRefused_showsTheBrowsersMessage_andChangesNothing() {
        joinedCall();
        fire(new CallConnectedEvent(call, true, true, true));

        test(button("Change")).click();
        answerKeyCheck(BrowserKeyCheck.refused("The browser's sentence about the new key"));

        List<PendingJavaScriptInvocation> refusal = pending();
        assertThat(callsOn(refusal, keyField("New encryption key"), "showError"))
                .containsExactly(List.of("The browser's sentence about the new key"));
        assertThat(callsOn(refusal, call, "changeKey")).isEmpty();

        test(button("Change")).click();
        answerKeyCheck(BrowserKeyCheck.accepted());

        assertThat(callsOn(pending(), call, "changeKey"))
                .singleElement()
                .satisfies(arguments -> assertThat(arguments.get(0))
                        .isSameAs(keyField("New encryption key").getElement()));
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
     * token for that session whose connection data holds the name) and the key field's element.
     */
    private void assertJoinArguments(List<Object> arguments, String name) {
        assertThat(arguments).hasSize(3);
        // what Vaadin sends the browser: the ticket as JSON
        JsonNode ticket = JsonMapper.builder().build().valueToTree(arguments.get(0));
        assertThat(ticket.path("engine").asString()).isEqualTo("opentok");
        assertThat(ticket.path("apiKey").asString()).isEqualTo(Integer.toString(API_KEY));
        assertThat(ticket.path("sessionId").asString()).isEqualTo(standIn.sessionId());
        assertThat(ticket.path("room").asString()).isEqualTo(room);
        assertThat(ticket.path("name").asString()).isEqualTo(name);
        assertThat(ticket.path("iceServers").isEmpty()).isTrue();
        String token = ticket.path("token").asString();
        assertThat(token).startsWith("T1==");
        String decoded = new String(Base64.getDecoder().decode(token.substring(4)), StandardCharsets.UTF_8);
        assertThat(FormBodies.parse(decoded.substring(0, decoded.indexOf(':'))))
                .containsEntry("partner_id", Integer.toString(API_KEY));
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
    void noCamera_itsToggleAsksAgain_andDevicesOpenInTheCall() {
        joinedCall();
        assertThat(find(Button.class).withText("Devices").all())
                .as("devices, before the call runs")
                .isEmpty();
        fire(new CallConnectedEvent(call, true, true, false));

        assertThat(button("No camera").getElement().getAttribute("aria-pressed"))
                .isEqualTo("false");
        test(button("No camera")).click();
        assertThat(callsOn(pending(), call, "retryDevice")).containsExactly(List.of("camera"));
        assertThat(button("Microphone on").isEnabled()).isTrue();

        test(button("Devices")).click();
        assertThat(callsOn(pending(), call, "setDevicesShown")).containsExactly(List.of(true));
        assertThat(button("Devices").getElement().getAttribute("aria-expanded")).isEqualTo("true");
        test(button("Devices")).click();
        assertThat(callsOn(pending(), call, "setDevicesShown")).containsExactly(List.of(false));
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

    @Test
    void callEvents_updateStatusAndParticipantCount() {
        joinedCall();

        fire(new CallConnectedEvent(call, true, true, true));
        assertThat(status()).isEqualTo("Connected. Waiting for others to join.");

        fire(new ParticipantJoinedEvent(call, true, "s1", "Grace"));
        fire(new ParticipantJoinedEvent(call, true, "s2", "<img src=x onerror=alert(1)>"));
        assertThat(status()).isEqualTo("Connected with 2 other people.");

        fire(new KeyMismatchEvent(call, true, "s1", "Grace"));
        fire(new KeyMismatchEvent(call, true, "s2", "<img src=x onerror=alert(1)>"));
        assertThat(status()).isEqualTo("Your key differs from everyone else's: you cannot see or hear anyone.");
        fire(new KeyMatchEvent(call, true, "s2", "<img src=x onerror=alert(1)>"));
        assertThat(status())
                .isEqualTo(
                        "Connected with 2 other people; your key differs from Grace's: you cannot see or hear them.");

        fire(new KeyChangedEvent(call, true));
        assertThat(notices()).containsExactly("Encryption key changed");

        fire(new ParticipantLeftEvent(call, true, "s1", "Grace"));
        assertThat(status()).isEqualTo("Connected with 1 other person.");
    }

    @Test
    void errorWhileJoining_returnsToTheFormWithTheMessage() {
        joinedCall();

        fire(new CallErrorEvent(
                call,
                true,
                "OT_CONNECT_FAILED",
                "Could not reach the video service. Check your internet connection and try again."));

        assertThat(isCallShown()).isFalse();
        assertThat(formError()).startsWith("Could not reach the video service.");
        assertThat(button("Enter").isEnabled()).isTrue();
    }

    @Test
    void networkDisconnect_offersRejoin() {
        joinedCall();
        fire(new CallConnectedEvent(call, true, true, true));

        fire(new CallDisconnectedEvent(call, true, "networkDisconnected"));

        assertThat(status()).isEqualTo("Disconnected: the network connection was lost.");
        assertThat(find(Button.class)
                        .withText("Rejoin")
                        .withCondition(Component::isVisible)
                        .all())
                .anyMatch(rejoin -> rejoin.getParent().orElseThrow() instanceof CallControls);
    }

    @Test
    void leaving_saysSo_rejoinJoinsAgain_backForgetsTheKey() {
        joinedCall();
        fire(new CallConnectedEvent(call, true, true, true));

        test(button("Leave")).click();
        assertThat(pendingBrowserCalls()).anyMatch(expression -> expression.contains("leave"));
        fire(new CallLeftEvent(call, true));

        assertThat(isCallShown()).isFalse();
        LeftScreen left = find(LeftScreen.class).single();
        assertThat(CallView.isRevealed(left)).isTrue();
        assertThat(CallView.isRevealed(nameField().getParent().orElseThrow())).isFalse();
        assertThat(pendingBrowserCalls()).noneMatch(expression -> expression.contains("clear"));

        test(find(Button.class)
                        .withText("Rejoin")
                        .withCondition(button ->
                                button.getParent().orElseThrow().getParent().orElseThrow() == left)
                        .single())
                .click();
        answerKeyCheck(BrowserKeyCheck.accepted());
        assertThat(isCallShown()).isTrue();

        fire(new CallLeftEvent(call, true));
        test(button("Back to the form")).click();
        assertThat(CallView.isRevealed(left)).isFalse();
        assertThat(nameField().getValue()).isEqualTo("Ada");
        assertThat(callsOn(pending(), keyField("Encryption key"), "clear")).hasSize(1);
    }

    @Test
    void toggles_showTheirState() {
        joinedCall();

        test(button("Microphone on")).click();
        assertThat(button("Microphone off").getElement().getAttribute("aria-pressed"))
                .isEqualTo("false");
        test(button("Camera on")).click();
        assertThat(button("Camera off").getElement().getAttribute("aria-pressed"))
                .isEqualTo("false");
    }

    @Test
    void shortcuts_toggleMicrophoneAndCamera_onlyWhileTheCallShows() {
        fireShortcut(Key.KEY_D, KeyModifier.CONTROL);
        assertThat(pendingBrowserCalls()).noneMatch(expression -> expression.contains("setMicrophoneOn"));

        joinedCall();
        fireShortcut(Key.KEY_D, KeyModifier.CONTROL);
        fireShortcut(Key.KEY_E, KeyModifier.CONTROL);

        assertThat(button("Microphone off").getElement().getAttribute("aria-pressed"))
                .isEqualTo("false");
        assertThat(button("Camera off").getElement().getAttribute("aria-pressed"))
                .isEqualTo("false");
        assertThat(button("Microphone off").getElement().getAttribute("title")).endsWith("(Ctrl+D)");
        assertThat(callsOn(pending(), call, "setMicrophoneOn")).containsExactly(List.of(false));
    }

    @Test
    void keyChange_opensAndClosesFromTheControlBar() {
        joinedCall();
        Component keyRow = keyField("New encryption key").getParent().orElseThrow();
        assertThat(CallView.isRevealed(keyRow)).isFalse();

        test(button("Change key")).click();
        assertThat(CallView.isRevealed(keyRow)).isTrue();
        assertThat(button("Change key").getElement().getAttribute("aria-expanded"))
                .isEqualTo("true");

        test(button("Change key")).click();
        assertThat(CallView.isRevealed(keyRow)).isFalse();
    }

    private void joinedCall() {
        test(nameField()).setValue("Ada");
        test(button("Enter")).click();
        answerBrowser(true);
        assertThat(isCallShown()).isTrue();
    }

    private void fire(com.vaadin.flow.component.ComponentEvent<E2eeVideoCall> event) {
        ComponentUtil.fireEvent(call, event);
    }

    /** Answers the view's questions to the browser (support; a valid key) as the browser would. */
    private void answerBrowser(boolean answer) {
        for (PendingJavaScriptInvocation invocation : pending()) {
            if (invocation.getInvocation().getExpression().contains("checkSupport")) {
                invocation.complete(BooleanNode.valueOf(answer));
            } else if (BrowserKeyCheck.asksForVerdict(invocation)) {
                invocation.complete(BrowserKeyCheck.accepted());
            }
        }
    }

    /** Answers the key field's question with the given verdict; fails when none was asked. */
    private void answerKeyCheck(JsonNode verdict) {
        List<PendingJavaScriptInvocation> questions =
                pending().stream().filter(BrowserKeyCheck::asksForVerdict).toList();
        assertThat(questions).as("key checks asked").hasSize(1);
        questions.forEach(question -> question.complete(verdict));
    }

    /** The arguments of each call of the element method {@code method} on the component among {@code sent}. */
    private static List<List<Object>> callsOn(
            List<PendingJavaScriptInvocation> sent, Component component, String method) {
        return sent.stream()
                .filter(invocation ->
                        invocation.getOwner() == component.getElement().getNode())
                .filter(invocation -> invocation.getInvocation().getExpression().contains(method))
                .map(invocation -> invocation
                        .getInvocation()
                        .getParameters()
                        .subList(1, invocation.getInvocation().getParameters().size()))
                .map(List::copyOf)
                .toList();
    }

    private List<PendingJavaScriptInvocation> pending() {
        // element calls are queued for the next response to the browser
        roundTrip();
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
    }

    /** The call element's methods and the key checks the view has asked the browser to run. */
    private List<String> pendingBrowserCalls() {
        return pending().stream()
                .map(invocation -> invocation.getInvocation().getExpression())
                .filter(expression -> !expression.contains("this.disabled") && !expression.contains("this.invalid"))
                .toList();
    }

    private EncryptionKeyField keyField(String label) {
        return find(EncryptionKeyField.class)
                .withCondition(field -> label.equals(field.getLabel()))
                .single();
    }

    private TextField nameField() {
        return find(TextField.class).withCaption("Name").single();
    }

    private Button button(String text) {
        return find(Button.class).withText(text).single();
    }

    private boolean isCallShown() {
        return call.getParent().map(CallView::isRevealed).orElse(false);
    }

    private String status() {
        return find(Span.class).withClassName("call-status").single().getText();
    }

    private List<String> notices() {
        return find(Notification.class).all().stream()
                .map(notice -> notice.getElement().getProperty("text", ""))
                .toList();
    }

    private String formError() {
        return find(com.vaadin.flow.component.html.Div.class)
                .withClassName("form-error")
                .single()
                .getText();
    }
}
