package dev.e2eecall.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.communication.PushMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The call component owns the page's end of its signal channel: the channel ends, once, when the
 * call is left, disconnects, fails before it connected, is replaced by a new join's channel, or
 * leaves the page; and only then. A view that uses the component tracks nothing.
 */
// routes are looked for in the app only, not in every jar of the test classpath
@ViewPackages(packages = "dev.e2eecall")
@SpringBootTest
class SignalChannelOwnershipTest extends SpringBrowserlessTest {

    @Route("signal-channel")
    static class CallOnly extends VerticalLayout {

        final E2eeVideoCall call = new E2eeVideoCall();

        CallOnly() {
            add(call);
        }
    }

    private CallOnly view;
    private E2eeVideoCall call;
    private final List<JsonNode> received = new ArrayList<>();
    private final AtomicInteger ends = new AtomicInteger();

    @BeforeEach
    void openChannel() {
        view = navigate(CallOnly.class);
        call = view.call;
        call.signalChannel().open(received::add, ends::incrementAndGet);
    }

    @Test
    void openChannel_takesTheBrowsersMessages_overPush() {
        fire(new SignalEvent(call, true, message("ready")));

        assertThat(received).containsExactly(message("ready"));
        assertThat(pushMode()).isEqualTo(PushMode.AUTOMATIC);
        assertThat(ends).hasValue(0);
    }

    @Test
    void leave_endsTheChannelAtOnce_andTheLeftEventDoesNotEndItAgain() {
        call.leave();

        assertThat(ends).hasValue(1);
        assertThat(pushMode()).isEqualTo(PushMode.DISABLED);
        fire(new SignalEvent(call, true, message("bye")));
        assertThat(received).isEmpty();

        fire(new CallLeftEvent(call, true));
        assertThat(ends).hasValue(1);
    }

    @Test
    void leftInTheBrowser_endsTheChannel() {
        fire(new CallLeftEvent(call, true));

        assertThat(ends).hasValue(1);
    }

    @Test
    void disconnect_endsTheChannel() {
        fire(new CallConnectedEvent(call, true, true, true));
        fire(new CallDisconnectedEvent(call, true, "networkDisconnected"));

        assertThat(ends).hasValue(1);
    }

    @Test
    void errorBeforeConnecting_endsTheChannel() {
        fire(new CallErrorEvent(call, true, "OT_CONNECT_FAILED", "Could not reach the video service."));

        assertThat(ends).hasValue(1);
    }

    @Test
    void errorDuringTheCall_leavesTheChannelOpen() {
        fire(new CallConnectedEvent(call, true, true, true));
        fire(new CallErrorEvent(call, true, "OT_INVALID_ENCRYPTION_SECRET", "The new key was refused."));

        assertThat(ends).hasValue(0);
        fire(new SignalEvent(call, true, message("alive")));
        assertThat(received).containsExactly(message("alive"));
    }

    @Test
    void newJoinsChannel_endsThePreviousOne() {
        AtomicInteger secondEnds = new AtomicInteger();
        call.signalChannel().open(received::add, secondEnds::incrementAndGet);

        assertThat(ends).hasValue(1);
        assertThat(secondEnds).hasValue(0);
        assertThat(pushMode()).isEqualTo(PushMode.AUTOMATIC);
    }

    @Test
    void callLeavingThePage_endsTheChannel() {
        view.remove(call);

        assertThat(ends).hasValue(1);
    }

    @Test
    void channelOpenedAfterTheCallEnded_endsAtOnce() {
        SignalChannel late = call.signalChannel();
        fire(new CallErrorEvent(call, true, "OT_CONNECT_FAILED", "Could not reach the video service."));
        AtomicInteger lateEnds = new AtomicInteger();

        late.open(received::add, lateEnds::incrementAndGet);

        assertThat(lateEnds).hasValue(1);
        assertThat(pushMode()).isEqualTo(PushMode.DISABLED);
    }

    private void fire(ComponentEvent<E2eeVideoCall> event) {
        ComponentUtil.fireEvent(call, event);
    }

    private static JsonNode message(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }

    private static PushMode pushMode() {
        return UI.getCurrent().getPushConfiguration().getPushMode();
    }
}
