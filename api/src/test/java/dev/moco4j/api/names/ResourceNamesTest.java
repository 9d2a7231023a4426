package dev.moco4j.api.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moco4j.api.v1beta1.MySQLCluster;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ResourceNamesTest {

  // Kubernetes' own definitions (apimachinery validation), written out independently here.
  private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private static final String LONGEST = "c" + "x".repeat(38) + "9";

  @Test
  void namesFollowTheDocumentedScheme() {
    assertThat(ResourceNames.statefulSet("shop")).isEqualTo("shop");
    assertThat(ResourceNames.headlessService("shop")).isEqualTo("shop");
    assertThat(ResourceNames.primaryService("shop")).isEqualTo("shop-primary");
    assertThat(ResourceNames.replicaService("shop")).isEqualTo("shop-replica");
    assertThat(ResourceNames.podName("shop", 2)).isEqualTo("shop-2");
    assertThat(ResourceNames.podHost("shop", "team-a", 2)).isEqualTo("shop-2.shop.team-a.svc");
    assertThat(ResourceNames.myCnfConfigMap("shop", "0a1b2c3d4e"))
        .isEqualTo("moco4j-shop-mycnf-0a1b2c3d4e");
    assertThat(ResourceNames.operatorSecret("shop")).isEqualTo("moco4j-shop-operator");
    assertThat(ResourceNames.userSecret("shop")).isEqualTo("moco4j-shop-credentials");
    assertThat(ResourceNames.serviceAccount("shop")).isEqualTo("moco4j-shop");
    assertThat(ResourceNames.podDisruptionBudget("shop")).isEqualTo("moco4j-shop");
  }

  @Test
  void everyNameOfTheLongestAdmittedClusterNameIsValidForItsKind() {
    assertThat(LONGEST).hasSize(ResourceNames.MAX_CLUSTER_NAME_LENGTH);
    for (String service :
        List.of(
            ResourceNames.headlessService(LONGEST),
            ResourceNames.primaryService(LONGEST),
            ResourceNames.replicaService(LONGEST))) {
      assertThat(service).hasSizeLessThanOrEqualTo(63).matches(DNS_1035_LABEL);
    }
    // Pods are DNS labels (their hostname); the StatefulSet controller labels each pod with
    // controller-revision-hash = <statefulset>-<10-character hash>, a label value of at most 63.
    String pod = ResourceNames.podName(LONGEST, 99);
    assertThat(pod).hasSizeLessThanOrEqualTo(63).matches(DNS_1123_LABEL);
    assertThat(ResourceNames.statefulSet(LONGEST) + "-0123456789").hasSizeLessThanOrEqualTo(63);
    for (String object :
        List.of(
            ResourceNames.myCnfConfigMap(LONGEST, "0123456789abcdef"),
            ResourceNames.operatorSecret(LONGEST),
            ResourceNames.userSecret(LONGEST),
            ResourceNames.serviceAccount(LONGEST),
            ResourceNames.podDisruptionBudget(LONGEST),
            ResourceNames.podHost(LONGEST, "n".repeat(63), 99))) {
      assertThat(object).hasSizeLessThanOrEqualTo(253).matches(DNS_1123_SUBDOMAIN);
    }
  }

  @Test
  void aClusterNameLongerThanTheCrdAdmitsIsRefusedNotTruncated() {
    assertThatThrownBy(() -> ResourceNames.primaryService(LONGEST + "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longer than 40");
  }

  @Test
  void theCrdCapsClusterNamesAtTheSameLength() {
    String rule = MySQLCluster.class.getAnnotation(ValidationRule.class).value();
    assertThat(rule)
        .contains("size(self.metadata.name) <= " + ResourceNames.MAX_CLUSTER_NAME_LENGTH);
  }

  @Test
  void aMyCnfHashMustBeShortLowercaseAlphanumerics() {
    assertThatThrownBy(() -> ResourceNames.myCnfConfigMap("shop", "ABC"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ResourceNames.myCnfConfigMap("shop", "x".repeat(17)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aNegativeInstanceIndexIsRefused() {
    assertThatThrownBy(() -> ResourceNames.podName("shop", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
