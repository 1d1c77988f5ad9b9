package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;

/** One person's browser on the portal page, with everything it sends and receives, the frame included. */
record PortalTab(Page page, Traffic traffic, List<String> console) {

    FrameLocator frame() {
        return page.frameLocator(Portal.CALL_FRAME);
    }

    Frame appFrame() {
        Frame frame = page.waitForSelector(Portal.CALL_FRAME).contentFrame();
        assertThat(frame).as("the call page's frame").isNotNull();
        return frame;
    }

    void startCall(Map<String, String> options) {
        page.evaluate("options => startCall(options)", options);
    }

    void awaitEvent(String name, String detailText) {
        page.waitForFunction(
                "([name, text]) => window.events.some(e => e.name === name && JSON.stringify(e.data).includes(text))",
                List.of(name, detailText),
                new Page.WaitForFunctionOptions().setTimeout(30_000));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events() {
        return (List<Map<String, Object>>) page.evaluate("window.events");
    }

    /** The call page's form, in the frame. */
    JoinFormPage form() {
        return new JoinFormPage(Tab.whole(frame()));
    }

    CallPage call() {
        return new CallPage(Tab.whole(frame()));
    }

    LeftScreenPage left() {
        return new LeftScreenPage(Tab.whole(frame()));
    }

    /** Waits until the remote participant's video in the frame shows decoded frames that keep coming. */
    void awaitRemoteVideoPlaying(String name) {
        assertThat(call().remoteTile(name).tile()).isVisible();
        appFrame()
                .waitForFunction(
                        Tab.REMOTE_VIDEO_PLAYING,
                        Tab.remoteVideoOf(name),
                        new Frame.WaitForFunctionOptions().setTimeout(30_000).setPollingInterval(200));
    }
}
