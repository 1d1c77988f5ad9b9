package dev.e2eecall;

import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
// takes an invite link's key out of the address before the router reads it
@JsModule("./form/invite-fragment.ts")
// Room URLs name who meets where: never hand them to other sites.
@Meta(name = "referrer", content = "no-referrer")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        // served from META-INF/resources; without it every page load asks for /favicon.ico and gets a 404
        settings.addFavIcon("icon", "favicon.svg", "any");
    }
}
