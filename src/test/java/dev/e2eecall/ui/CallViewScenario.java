package dev.e2eecall.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import dev.e2eecall.call.E2eeVideoCall;
import dev.e2eecall.call.EncryptionKeyField;
import dev.e2eecall.opentok.OpenTokStandIn;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;

/**
 * The call page of a room of its own, on the Vonage Video API's stand-in, with what its tests do
 * to it: fill the form, answer the browser's checks, fire the element's events, and read what the
 * page shows and what it asked the browser to do. All its tests share one application context.
 */
// routes are looked for in the app only, not in every jar of the test classpath
@ViewPackages(packages = "dev.e2eecall")
@SpringBootTest
@Import(StandInVideoService.class)
abstract class CallViewScenario extends SpringBrowserlessTest {

    @Autowired
    OpenTokStandIn standIn;

    CallView view;
    E2eeVideoCall call;
    String room;

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

    void joinedCall() {
        test(nameField()).setValue("Ada");
        test(button("Enter")).click();
        answerBrowser(true);
        assertThat(isCallShown()).isTrue();
    }

    void fire(ComponentEvent<E2eeVideoCall> event) {
        ComponentUtil.fireEvent(call, event);
    }

    /** Answers the view's questions to the browser (support; a valid key) as the browser would. */
    void answerBrowser(boolean answer) {
        for (PendingJavaScriptInvocation invocation : pending()) {
            if (invocation.getInvocation().getExpression().contains("checkSupport")) {
                invocation.complete(BooleanNode.valueOf(answer));
            } else if (BrowserKeyCheck.asksForVerdict(invocation)) {
                invocation.complete(BrowserKeyCheck.accepted());
            }
        }
    }

    /** Answers the key field's question with the given verdict; fails when none was asked. */
    void answerKeyCheck(JsonNode verdict) {
        List<PendingJavaScriptInvocation> questions =
                pending().stream().filter(BrowserKeyCheck::asksForVerdict).toList();
        assertThat(questions).as("key checks asked").hasSize(1);
        questions.forEach(question -> question.complete(verdict));
    }

    /** The arguments of each call of the element method {@code method} on the component among {@code sent}. */
    static List<List<Object>> callsOn(List<PendingJavaScriptInvocation> sent, Component component, String method) {
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

    List<PendingJavaScriptInvocation> pending() {
        // element calls are queued for the next response to the browser
        roundTrip();
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
    }

    /** The call element's methods and the key checks the view has asked the browser to run. */
    List<String> pendingBrowserCalls() {
        return pending().stream()
                .map(invocation -> invocation.getInvocation().getExpression())
                .filter(expression -> !expression.contains("this.disabled") && !expression.contains("this.invalid"))
                .toList();
    }

    EncryptionKeyField keyField(String label) {
        return find(EncryptionKeyField.class)
                .withCondition(field -> label.equals(field.getLabel()))
                .single();
    }

    TextField nameField() {
        return find(TextField.class).withCaption("Name").single();
    }

    Button button(String text) {
        return find(Button.class).withText(text).single();
    }

    boolean isCallShown() {
        return call.getParent().map(CallView::isRevealed).orElse(false);
    }

    String status() {
        return find(Span.class).withClassName("call-status").single().getText();
    }

    List<String> notices() {
        return find(Notification.class).all().stream()
                .map(notice -> notice.getElement().getProperty("text", ""))
                .toList();
    }

    String formError() {
        return find(Div.class).withClassName("form-error").single().getText();
    }
}
