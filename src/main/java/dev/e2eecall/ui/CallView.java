package dev.e2eecall.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.VaadinSession;
import dev.e2eecall.call.CallDisconnectedEvent;
import dev.e2eecall.call.CallErrorEvent;
import dev.e2eecall.call.CallTicket;
import dev.e2eecall.call.E2eeVideoCall;
import dev.e2eecall.embed.EmbedFrame;
import dev.e2eecall.embed.HostCommandEvent;
import dev.e2eecall.join.CallProperties;
import dev.e2eecall.join.JoinException;
import dev.e2eecall.join.JoinService;
import dev.e2eecall.join.Requester;
import dev.e2eecall.join.RoomName;
import dev.e2eecall.web.EmbedProperties;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The call page of one room: the {@link JoinForm}, then the {@link CallPanel}. It asks the
 * {@link JoinService} for a ticket and switches between the two. The key is typed into an
 * encryption key field, so it stays in the browser.
 */
@Route("room/:room")
@RouteAlias("")
@PageTitle("E2EE video call")
class CallView extends VerticalLayout implements BeforeEnterObserver {

    static final String UNSUPPORTED_MESSAGE =
            "This browser cannot do end-to-end encrypted calls; use a current Chrome, Edge or Safari";

    /** The session attribute holding the name of the last join. */
    private static final String REMEMBERED_NAME = CallView.class.getName() + ".name";

    private final JoinService joinService;
    private final String defaultRoom;
    private final Requester requester = PageRequester.current();

    private final H1 roomTitle = new H1();
    private final Paragraph backendNote = new Paragraph();
    private final Paragraph notice = new Paragraph();
    private final JoinForm form = new JoinForm(this::join, this::showForm);
    private final CallPanel callPanel = new CallPanel(form::submit);
    private final LeftScreen leftScreen = new LeftScreen(this::rejoin, this::backToForm);
    final E2eeVideoCall call = callPanel.call;

    /** The framing page's part, when other sites may frame this page ({@code EMBED_ORIGINS}). */
    private final @Nullable EmbedFrame embed;

    private @Nullable RoomName room;

    CallView(JoinService joinService, CallProperties callProperties, EmbedProperties embedding) {
        this.joinService = joinService;
        this.defaultRoom = callProperties.defaultRoom();
        setMaxWidth("72rem");
        getStyle().set("margin", "0 auto");

        backendNote.setText(joinService.backendDescription());
        backendNote.addClassName("backend-note");
        notice.addClassName("notice");
        notice.getElement().setAttribute("role", "alert");
        notice.setVisible(false);

        call.addDisconnectedListener(this::disconnected);
        call.addErrorListener(this::failed);
        call.addLeftListener(event -> {
            if (callPanel.stage() == CallStatus.Stage.FORM) {
                // a call ended by going to another room: that room's form is showing
                return;
            }
            callPanel.ended();
            reveal(callPanel, false);
            reveal(leftScreen, true);
            leftScreen.ready();
        });
        rememberedName().ifPresent(name -> form.fillIn(name, false));
        add(roomTitle, backendNote, notice, form, leftScreen, callPanel);
        embed = embedding.enabled() ? new EmbedFrame(embedding.allowedOrigins(), call, form.keyField()) : null;
        if (embed != null) {
            embed.addOpenedListener(opened -> form.fillIn(opened.getName(), opened.isJoin()));
            embed.addCommandListener(this::hostCommand);
            add(embed);
        }
        showForm();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String requested = event.getRouteParameters().get("room").orElse(defaultRoom);
        if (callPanel.stage() != CallStatus.Stage.FORM || isRevealed(leftScreen)) {
            // the same view serves every room: a call in the room being left ends here
            call.leave();
            form.clearKey();
            showForm();
        }
        try {
            room = RoomName.parse(requested);
            roomTitle.setText("Room " + room.value());
            reveal(form, true);
        } catch (JoinException e) {
            room = null;
            roomTitle.setText("No such room");
            showNotice(e.getMessage());
            reveal(form, false);
        }
        form.setRoom(room);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // the support check needs no video library, so it runs before anyone types
        call.checkSupport().thenAccept(supported -> {
            if (!supported) {
                showNotice(UNSUPPORTED_MESSAGE);
                reveal(form, false);
            }
        });
    }

    /** Name and key passed the form's checks: ask for a ticket and hand it to the call. */
    private void join(String name) {
        RoomName target = room;
        if (target == null) {
            return;
        }
        CallTicket ticket;
        try {
            ticket = joinService.join(target.value(), name, requester);
        } catch (JoinException e) {
            showForm();
            form.showError(e.getMessage());
            return;
        }
        form.showError("");
        remember(name);
        reveal(form, false);
        reveal(callPanel, true);
        // the call ends the server's part with itself (local calls relay signalling)
        joinService.bind(ticket, call.signalChannel());
        if (embed != null) {
            embed.joining(ticket);
        }
        callPanel.join(ticket, form.keyField(), form.deviceCheck());
        // the call took the check's choice; the check opens again only when asked
        form.showDeviceCheck(false);
    }

    /** A command from the framing page, run as the call panel's own buttons run it. */
    private void hostCommand(HostCommandEvent event) {
        event.getCommand().ifPresent(command -> {
            switch (command) {
                case LEAVE -> call.leave();
                case MICROPHONE -> callPanel.setMicrophoneOn(event.isOn());
                case CAMERA -> callPanel.setCameraOn(event.isOn());
            }
        });
    }

    private void disconnected(CallDisconnectedEvent event) {
        if (!callPanel.disconnected(event)) {
            showForm();
        }
    }

    private void failed(CallErrorEvent event) {
        if (callPanel.stage() == CallStatus.Stage.IN_CALL) {
            // the call goes on: a refused key change or a failed subscription
            callPanel.showCallError(event.getMessage());
            return;
        }
        showForm();
        form.showError(event.getMessage());
        if (event.isKeyError()) {
            form.showKeyError(event.getMessage());
        }
    }

    /** Rejoin after Leave: the form still holds the name, and the key in the browser. */
    private void rejoin() {
        reveal(leftScreen, false);
        form.submit();
    }

    private void backToForm() {
        form.clearKey();
        showForm();
    }

    /** The name of the last join, kept for a reload in the session (never the key, which the server never has). */
    private static void remember(String name) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(REMEMBERED_NAME, name);
        }
    }

    private static Optional<String> rememberedName() {
        VaadinSession session = VaadinSession.getCurrent();
        return Optional.ofNullable(session == null ? null : (String) session.getAttribute(REMEMBERED_NAME));
    }

    private void showNotice(String message) {
        notice.setText(message);
        notice.setVisible(true);
    }

    private void showForm() {
        callPanel.ended();
        reveal(callPanel, false);
        reveal(leftScreen, false);
        reveal(form, room != null);
        form.ready();
    }

    /**
     * Shows or hides a panel with the {@code hidden} attribute rather than {@code setVisible}: an
     * invisible Vaadin component is detached from the browser, and the key fields and the call element
     * must stay there to be handed to the browser and run the call.
     */
    private static void reveal(Component panel, boolean shown) {
        panel.getElement().setAttribute("hidden", !shown);
    }

    /** Whether a panel shown by {@link #reveal} is showing. */
    static boolean isRevealed(Component panel) {
        return !panel.getElement().hasAttribute("hidden");
    }
}
