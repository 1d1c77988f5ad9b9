package dev.e2eecall.vonage;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;

/**
 * The private key of {@link VonageProperties}, when set, is an RSA private key in one of the forms
 * {@link VonagePrivateKey} reads. A check of the whole record rather than of its field: Spring
 * Boot's start-up report shows the value of a field that fails its check, and this value is the key.
 */
@Documented
@Constraint(validatedBy = ReadablePrivateKey.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ReadablePrivateKey {

    String message() default "VONAGE_PRIVATE_KEY is not a readable RSA private key";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reads the key and reports why it cannot be used, in words that hold nothing of it. */
    final class Check implements ConstraintValidator<ReadablePrivateKey, VonageProperties> {

        public Check() {}

        @Override
        public boolean isValid(VonageProperties properties, ConstraintValidatorContext context) {
            if (properties.privateKey() == null) {
                return true;
            }
            try {
                VonagePrivateKey.pkcs8Pem(properties.privateKey(), Path.of("").toAbsolutePath());
                return true;
            } catch (VonagePrivateKey.UnusableKeyException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(literal(e.getMessage()))
                        .addConstraintViolation();
                return false;
            }
        }

        /** The message as a template that interpolates nothing (a path may hold braces or a dollar sign). */
        private static String literal(String message) {
            return message.replace("\\", "\\\\")
                    .replace("{", "\\{")
                    .replace("}", "\\}")
                    .replace("$", "\\$");
        }
    }
}
