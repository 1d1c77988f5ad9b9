package dev.e2eecall.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import dev.e2eecall.join.Requester;

/**
 * Who asks to join from a page, as far as join limits go, read from Vaadin's current request and
 * session: for this app's view, and for any other view that asks {@code JoinService} for tickets.
 */
public final class PageRequester {

    private PageRequester() {}

    /**
     * The requester of the request being handled now. Call it where a page is built (a view's
     * constructor): later requests may arrive over the push connection, which hides the address.
     */
    public static Requester current() {
        VaadinSession session = VaadinSession.getCurrent();
        VaadinRequest request = VaadinRequest.getCurrent();
        return new Requester(
                session == null || session.getSession() == null
                        ? "none"
                        : session.getSession().getId(),
                request == null || request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr());
    }
}
