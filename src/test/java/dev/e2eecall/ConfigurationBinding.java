package dev.e2eecall;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.ObjectError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Binds a configuration record and checks it with Bean Validation, as start-up does, from the
 * properties a test gives: a fast stand-in for starting the app to test one record's rules.
 */
public final class ConfigurationBinding {

    private static final ValidatorFactory validators = Validation.buildDefaultValidatorFactory();

    private ConfigurationBinding() {}

    /** The bound and checked record; fails the test with the problems when the checks fail. */
    public static <T> T bind(String prefix, Class<T> type, Map<String, String> properties) {
        try {
            return bindOrFail(prefix, type, properties);
        } catch (BindException e) {
            throw new AssertionError("Configuration refused: " + problems(e), e);
        }
    }

    /** What start-up would report as wrong, each message once; empty when the record is fine. */
    public static List<String> problems(String prefix, Class<?> type, Map<String, String> properties) {
        try {
            bindOrFail(prefix, type, properties);
            return List.of();
        } catch (BindException e) {
            return problems(e);
        }
    }

    private static <T> T bindOrFail(String prefix, Class<T> type, Map<String, String> properties) {
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        var handler = new ValidationBindHandler(new SpringValidatorAdapter(validators.getValidator()));
        return binder.bindOrCreate(prefix, Bindable.of(type), handler);
    }

    private static List<String> problems(BindException e) {
        if (!(e.getCause() instanceof BindValidationException validation)) {
            throw e;
        }
        return validation.getValidationErrors().getAllErrors().stream()
                .map(ObjectError::getDefaultMessage)
                .distinct()
                .toList();
    }
}
