package dev.moco4j.local.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbePortTest {

  private static final List<ContainerPort> PORTS =
      List.of(
          new ContainerPortBuilder().withName("http").withContainerPort(8080).build(),
          new ContainerPortBuilder().withName("eventbus").withContainerPort(5702).build());

  @Test
  void aNamedPortIsTheContainerPortOfThatName() {
    assertThat(Probes.port(new IntOrString("http"), PORTS)).isEqualTo(8080);
    assertThat(Probes.port(new IntOrString("eventbus"), PORTS)).isEqualTo(5702);
  }

  @Test
  void aNumberIsItself() {
    assertThat(Probes.port(new IntOrString(9104), PORTS)).isEqualTo(9104);
  }

  @Test
  void mysqldsPortIsKnownWhenUndeclared() {
    assertThat(Probes.port(new IntOrString("mysql"), List.of())).isEqualTo(3306);
  }
}
