package dev.e2eecall.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One participant's browser tab: the join form, the call and the screen after leaving, as page
 * objects; what the tab sends and receives; and the Content-Security-Policy violations it reported.
 */
record Tab(Page page, Traffic traffic, List<String> policyViolations) {

    /** Page script, given the remote tiles' selector and a participant's name: their video element, if any. */
    private static final String REMOTE_VIDEO =
            "(tiles, name) => [...document.querySelectorAll(tiles)].find(t => t.textContent.includes(name))?.querySelector('video')";

    /**
     * Page script, given {@link #remoteVideoOf a participant}: true once their remote video shows
     * frames that keep coming.
     */
    static final String REMOTE_VIDEO_PLAYING = """
            ([tiles, name]) => {
              const video = (%s)(tiles, name);
              if (!video || video.videoWidth === 0) return false;
              const frames = video.getVideoPlaybackQuality().totalVideoFrames;
              const seen = (video.dataset.framesSeen = video.dataset.framesSeen ?? String(frames));
              return frames > Number(seen) + 5;
            }""".formatted(REMOTE_VIDEO);

    private static final Pattern CONNECTED = Pattern.compile("^Connected");
    /** Chromium's fake screen is 1280 pixels wide, its fake cameras 640. */
    private static final int FAKE_SCREEN_WIDTH = 1280;

    /** The whole document of a page, which page objects search in. */
    static Locator whole(Page page) {
        return page.locator(":root");
    }

    /** The whole document in a frame, such as the call page inside an embedding site's page. */
    static Locator whole(FrameLocator frame) {
        return frame.locator(":root");
    }

    /** A tab whose traffic is captured from now on, and whose policy violations are not watched. */
    static Tab of(Page page) {
        return new Tab(page, Traffic.capture(page), List.of());
    }

    JoinFormPage form() {
        return JoinFormPage.in(page);
    }

    CallPage call() {
        return CallPage.in(page);
    }

    LeftScreenPage left() {
        return LeftScreenPage.in(page);
    }

    /** Joins from the form and waits until the call says it is connected. */
    void join(String name, String key) {
        form().submit(name, key);
        awaitConnected();
    }

    void awaitConnected() {
        assertThat(call().status()).hasText(CONNECTED);
    }

    /** Changes the key during the call, opening the key change first when it is closed. */
    void changeKey(String key) {
        if (!call().newKey().isVisible()) {
            call().changeKey().click();
        }
        call().newKey().fill(key);
        call().change().click();
        assertThat(call().keyChangedNotice()).isVisible();
    }

    /**
     * Stops the page's script for good, as in a tab that hangs: no `bye`, no beat, nothing more
     * on its push connection, which stays open. The debugger holds the script at its next
     * statement, without keeping a core busy as an endless loop would.
     */
    void freeze() {
        CDPSession debugger = page.context().newCDPSession(page);
        debugger.send("Debugger.enable");
        debugger.send("Debugger.pause");
    }

    TilePage remoteTile(String name) {
        return call().remoteTile(name);
    }

    /** Waits until the remote participant's video shows decoded frames that keep coming. */
    void awaitRemoteVideoPlaying(String name) {
        assertThat(remoteTile(name).tile()).isVisible();
        page.waitForFunction(
                REMOTE_VIDEO_PLAYING,
                remoteVideoOf(name),
                new Page.WaitForFunctionOptions().setTimeout(30_000).setPollingInterval(200));
    }

    /** The argument {@link #REMOTE_VIDEO_PLAYING} takes for a participant. */
    static List<String> remoteVideoOf(String name) {
        return List.of(CallPage.REMOTE_TILES, name);
    }

    /** Waits until the remote participant's sound arrives: a live audio track on their tile. */
    void awaitRemoteSound(String name) {
        page.waitForFunction(
                "([tiles, name]) => (" + REMOTE_VIDEO + ")(tiles, name)?.srcObject?.getAudioTracks()"
                        + ".some(track => track.readyState === 'live')",
                remoteVideoOf(name));
    }

    /** Frames the browser has shown of the remote participant's video so far. */
    int remoteFramesShown(String name) {
        return ((Number) page.evaluate(
                        "([tiles, name]) => (" + REMOTE_VIDEO + ")(tiles, name)"
                                + "?.getVideoPlaybackQuality().totalVideoFrames ?? 0",
                        remoteVideoOf(name)))
                .intValue();
    }

    /** Waits until a shared screen's video shows decoded frames of the screen (not a camera) that keep coming. */
    void awaitSharedScreenPlaying() {
        Locator screen = call().screenTile().video();
        assertThat(screen).isVisible();
        page.waitForFunction(
                """
                ([screens, width]) => {
                  const video = document.querySelector(screens)?.querySelector('video');
                  if (!video || video.videoWidth !== width) return false;
                  const frames = video.getVideoPlaybackQuality().totalVideoFrames;
                  const seen = (video.dataset.framesSeen = video.dataset.framesSeen ?? String(frames));
                  return frames > Number(seen) + 5;
                }""",
                List.of(CallPage.SCREEN_TILES, FAKE_SCREEN_WIDTH),
                new Page.WaitForFunctionOptions().setTimeout(30_000).setPollingInterval(200));
    }
}
