package dev.emporium.testing.arquillian;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.ClassDescriptor;

/**
 * Runs the test classes that deploy the same archive one after another, so that {@link KeptDeploymentContainer}
 * starts each archive once: first every class testing the shipped WAR from outside, then the classes that run inside
 * the server (one archive for all of them, {@code Deployments.inServer()}), then the EAR, then the classes that bring
 * servers of their own. Within a group, by name. Each start of the application costs 10-20 s on two cores, and the
 * file-system order the run had before switched archives about ten times.
 */
public class DeploymentOrder implements ClassOrderer {

    enum Group { SHIPPED_WAR, IN_SERVER, EAR, NO_DEPLOYMENT }

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing((ClassDescriptor descriptor) -> group(descriptor.getTestClass()))
                .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }

    static Group group(Class<?> testClass) {
        return deploymentMethod(testClass).map(method -> {
            if (EnterpriseArchive.class.isAssignableFrom(method.getReturnType())) {
                return Group.EAR;
            }
            return method.getAnnotation(Deployment.class).testable() ? Group.IN_SERVER : Group.SHIPPED_WAR;
        }).orElse(Group.NO_DEPLOYMENT);
    }

    private static Optional<Method> deploymentMethod(Class<?> testClass) {
        return Arrays.stream(testClass.getDeclaredMethods())
                .filter(method -> Modifier.isStatic(method.getModifiers()) && method.isAnnotationPresent(Deployment.class))
                .findFirst();
    }
}
