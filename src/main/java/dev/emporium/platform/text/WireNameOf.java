package dev.emporium.platform.text;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A text field that must be the wire name of one of the enum's constants (or of those named in {@code only}): the
 * allowed values come from the enum, so a new status needs no second list. A null passes (pair with @NotNull).
 */
@Documented
@Constraint(validatedBy = WireNameOf.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface WireNameOf {

    Class<? extends Enum<?>> value();

    /** Constant names the field is limited to; all of the enum's when empty. */
    String[] only() default {};

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WireNameOf, String> {

        private List<String> allowed;

        @Override
        public void initialize(WireNameOf constraint) {
            List<String> only = Arrays.asList(constraint.only());
            allowed = Arrays.stream(constraint.value().getEnumConstants())
                    .filter(constant -> only.isEmpty() || only.contains(constant.name()))
                    .map(constant -> ((WireNamed) constant).wireName())
                    .toList();
            if (!only.isEmpty() && allowed.size() != only.size()) {
                throw new IllegalArgumentException("@WireNameOf(only) names a constant " + constraint.value() + " lacks: " + only);
            }
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || allowed.contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + allowed.stream().collect(Collectors.joining(", ")))
                    .addConstraintViolation();
            return false;
        }
    }
}
