package dev.moco4j.local.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a real local control plane (started once per class) and each test its own
 * namespace. Test methods may take a {@code KubernetesClient} (defaulting to the test's namespace),
 * a {@link TestNamespace}, the {@code LocalControlPlane} and, with {@link #kubelet()}, the {@code
 * ProcessKubelet}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalKubernetesExtension.class)
public @interface LocalKubernetes {

  /** Also run kube-controller-manager (StatefulSets, Jobs, GC, EndpointSlices, PV binding). */
  boolean controllerManager() default false;

  /** Also run the process kubelet and the Service proxy (implies {@link #controllerManager()}). */
  boolean kubelet() default false;

  /** Install the moco4j CRDs and wait until they are Established. */
  boolean crds() default false;
}
