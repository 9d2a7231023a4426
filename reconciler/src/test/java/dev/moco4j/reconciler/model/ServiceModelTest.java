package dev.moco4j.reconciler.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moco4j.api.names.Labels;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import org.junit.jupiter.api.Test;

class ServiceModelTest {

  private final MySQLClusterModel shop = MySQLClusterModel.fromCrd(Clusters.threeInstances());

  @Test
  void theHeadlessServiceNamesEveryPodReadyOrNot() {
    Service headless = shop.headlessService();

    assertThat(headless.getMetadata().getName()).isEqualTo("shop");
    assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
    assertThat(headless.getSpec().getSelector()).isEqualTo(Labels.selector("shop"));
  }

  @Test
  void roleServicesSelectTheirRoleWhateverTheTemplateSays() {
    // The template of shop-primary sets selector app=hijacked.
    assertThat(shop.primaryService().getSpec().getSelector())
        .isEqualTo(Labels.role("shop", "primary"));
    assertThat(shop.replicaService().getSpec().getSelector())
        .isEqualTo(Labels.role("shop", "replica"));
  }

  @Test
  void templatesSetTypeMetadataAndNodePortsButNotTheReadinessRule() {
    Service primary = shop.primaryService();
    Service replica = shop.replicaService();

    assertThat(primary.getSpec().getType()).isEqualTo("LoadBalancer");
    assertThat(primary.getMetadata().getLabels())
        .containsEntry("exposed", "true")
        .containsAllEntriesOf(Labels.standard("shop"));
    assertThat(primary.getMetadata().getAnnotations())
        .containsKey("service.beta.kubernetes.io/aws-load-balancer-internal");
    assertThat(replica.getSpec().getType()).isEqualTo("NodePort");
    assertThat(replica.getSpec().getPorts())
        .filteredOn(p -> p.getName().equals("mysql"))
        .extracting(ServicePort::getNodePort)
        .containsExactly(30306);
    assertThat(primary.getSpec().getPublishNotReadyAddresses()).isNull();
  }

  @Test
  void withoutTemplatesRoleServicesAreClusterIpServicesOnTheMysqlPorts() {
    Service primary = MySQLClusterModel.fromCrd(Clusters.minimal()).primaryService();

    assertThat(primary.getMetadata().getName()).isEqualTo("db-primary");
    assertThat(primary.getSpec().getType()).isNull();
    assertThat(primary.getSpec().getPorts())
        .extracting(ServicePort::getName, ServicePort::getPort)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mysql", 3306),
            org.assertj.core.groups.Tuple.tuple("mysqlx", 33060));
  }
}
