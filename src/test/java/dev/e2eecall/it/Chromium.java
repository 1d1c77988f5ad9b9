package dev.e2eecall.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright, with three fake cameras and fake microphones, and a resolver
 * rule that stops every lookup of an outside host, so tests never reach the internet.
 */
public final class Chromium implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    /** Chromium that grants every camera and microphone request, as a person who always clicks Allow. */
    public Chromium() {
        this("--use-fake-ui-for-media-stream");
    }

    /**
     * Chromium that denies every permission it would have to ask for, as a person who clicks Block:
     * a page may then use only what its browser context was granted ({@code BrowserContext.grantPermissions}).
     */
    public static Chromium denyingPrompts() {
        return new Chromium("--deny-permission-prompts");
    }

    private Chromium(String permissionPrompts) {
        // conditions are awaited, never slept on; a cold app on a busy 2-core machine can take a while
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                // 127.0.0.1 too: a portal page there is another site than the app on localhost
                                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
                                // peer-to-peer calls between two tabs of this machine: offer plain local addresses
                                "--allow-loopback-in-peer-connection",
                                "--disable-features=WebRtcHideLocalIpsWithMdns",
                                // cameras to switch between: Chromium's second fake camera is a depth camera (16-bit
                                // grey), whose frames WebRTC does not send; its third is an ordinary one again
                                "--use-fake-device-for-media-stream=device-count=3",
                                permissionPrompts)));
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
