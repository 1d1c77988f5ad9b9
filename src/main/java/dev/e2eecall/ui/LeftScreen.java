package dev.e2eecall.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * What a person sees after Leave: that they left, Rejoin (the same name and key, which stayed in
 * the form; the key in the browser only) and Back to the form (which forgets the key).
 */
class LeftScreen extends VerticalLayout {

    static final String TITLE = "You left the call";

    private final Button rejoin;

    LeftScreen(Runnable onRejoin, Runnable onBackToForm) {
        addClassName("left-screen");
        H2 title = new H2(TITLE);
        Paragraph explanation = new Paragraph("Rejoin enters this room again with the same name and encryption key. "
                + "Back to the form forgets the key.");
        rejoin = new Button("Rejoin", event -> {
            event.getSource().setEnabled(false);
            onRejoin.run();
        });
        rejoin.addThemeVariants(ButtonVariant.PRIMARY);
        Button back = new Button("Back to the form", event -> onBackToForm.run());
        setPadding(false);
        add(title, explanation, new HorizontalLayout(rejoin, back));
    }

    /** Shown again: Rejoin works once per showing, so a double click joins once. */
    void ready() {
        rejoin.setEnabled(true);
        rejoin.focus();
    }
}
