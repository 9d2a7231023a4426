package dev.moco4j.local.junit;

import dev.moco4j.local.controlplane.LocalControlPlane;
import dev.moco4j.local.crd.Moco4jCrds;
import dev.moco4j.local.kubelet.ProcessKubelet;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts a {@link LocalStack} per test class and a namespace per test; see {@link LocalKubernetes}.
 */
public final class LocalKubernetesExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(LocalKubernetesExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    LocalKubernetes settings =
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), LocalKubernetes.class)
            .orElseThrow(() -> new IllegalStateException("@LocalKubernetes is missing"));
    // Stored as AutoCloseable: JUnit closes it when the class is done, even if a test failed.
    LocalStack stack = LocalStack.start(settings);
    context.getStore(STORE).put(LocalStack.class, stack);
    if (settings.crds()) {
      Moco4jCrds.install(stack.controlPlane().client());
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    LocalStack stack = stack(context);
    TestNamespace namespace = TestNamespace.forTest(context.getRequiredTestMethod().getName());
    stack
        .controlPlane()
        .client()
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(namespace.name())
                .endMetadata()
                .build())
        .create();
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(stack.controlPlane().config(namespace.name()))
            .build();
    ExtensionContext.Store store = context.getStore(STORE);
    store.put(TestNamespace.class, namespace);
    store.put(KubernetesClient.class, client);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(STORE);
    KubernetesClient client = store.remove(KubernetesClient.class, KubernetesClient.class);
    TestNamespace namespace = store.remove(TestNamespace.class, TestNamespace.class);
    if (client != null) {
      client.close();
    }
    if (namespace != null) {
      // Not awaited: the next test has its own namespace, and the stack goes away with the class.
      stack(context).controlPlane().client().namespaces().withName(namespace.name()).delete();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KubernetesClient.class
        || type == TestNamespace.class
        || type == LocalControlPlane.class
        || type == LocalStack.class
        || type == ProcessKubelet.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    LocalStack stack = stack(context);
    if (type == LocalControlPlane.class) {
      return stack.controlPlane();
    }
    if (type == LocalStack.class) {
      return stack;
    }
    if (type == ProcessKubelet.class) {
      if (stack.kubelet() == null) {
        throw new IllegalStateException(
            "use @LocalKubernetes(kubelet = true) for a ProcessKubelet");
      }
      return stack.kubelet();
    }
    Object value = context.getStore(STORE).get(type);
    if (value == null) {
      throw new IllegalStateException(type.getSimpleName() + " is only available inside a test");
    }
    return value;
  }

  private static LocalStack stack(ExtensionContext context) {
    return context.getStore(STORE).get(LocalStack.class, LocalStack.class);
  }
}
