package dev.e2eecall.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.textfield.TextField;
import dev.e2eecall.call.CallLeftEvent;
import dev.e2eecall.call.SignalEvent;
import dev.e2eecall.local.LocalRooms;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 100 join and leave cycles in local mode: heap, threads and the room registry come back to their baseline. */
// routes are looked for in the app only, not in every jar of the test classpath
@ViewPackages(packages = "dev.e2eecall")
@SpringBootTest(
        properties = {
            "opentok.api-key=",
            "opentok.api-secret=",
            "call.joins-per-minute-per-session=1000",
            "call.joins-per-minute-per-address=1000"
        })
class SoakTest extends SpringBrowserlessTest {

    private static final int CYCLES = 100;

    @Autowired
    LocalRooms rooms;

    private final JsonMapper json = JsonMapper.builder().build();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    @Test
    void hundredJoinLeaveCycles_returnToBaseline() {
        cycle(0); // warm-up: classes loaded, caches filled
        long heapBefore = heapAfterGc();
        int threadsBefore = Thread.activeCount();

        for (int i = 1; i <= CYCLES; i++) {
            cycle(i);
        }

        long heapAfter = heapAfterGc();
        int threadsAfter = Thread.activeCount();
        System.out.printf(
                "soak: %d cycles; heap after GC %d KB -> %d KB; threads %d -> %d; rooms %s%n",
                CYCLES, heapBefore / 1024, heapAfter / 1024, threadsBefore, threadsAfter, rooms.occupancy());
        assertThat(rooms.occupancy()).isEmpty();
        assertThat(threadsAfter).isLessThanOrEqualTo(threadsBefore);
        assertThat(heapAfter - heapBefore).as("heap growth").isLessThan(8L * 1024 * 1024);
    }

    /** One person opens the page, joins, is admitted to the room, and leaves; then the page goes away. */
    private void cycle(int i) {
        CallView view = navigate("room/soak-" + (i % 7), CallView.class);
        test(find(TextField.class).withCaption("Name").single()).setValue("Person " + i);
        test(find(Button.class).withText("Enter").single()).click();
        for (PendingJavaScriptInvocation invocation : pending()) {
            if (BrowserKeyCheck.asksForVerdict(invocation)) {
                invocation.complete(BrowserKeyCheck.accepted());
            }
        }
        JsonNode ticket = pending().stream()
                .filter(invocation -> invocation.getInvocation().getExpression().contains("join"))
                .map(invocation -> (JsonNode) json.valueToTree(
                        invocation.getInvocation().getParameters().get(1)))
                .findFirst()
                .orElseThrow();
        ComponentUtil.fireEvent(
                view.call,
                new SignalEvent(
                        view.call,
                        true,
                        json.createObjectNode()
                                .put("type", "ready")
                                .put("token", ticket.path("token").asString())));
        assertThat(rooms.occupancy()).containsEntry("soak-" + (i % 7), 1);
        ComponentUtil.fireEvent(view.call, new CallLeftEvent(view.call, true));
        view.removeFromParent();
    }

    private java.util.List<PendingJavaScriptInvocation> pending() {
        roundTrip();
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
    }

    private long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
