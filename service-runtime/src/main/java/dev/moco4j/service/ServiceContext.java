package dev.moco4j.service;

import java.util.Map;

/**
 * What a service's verticle gets from the launcher besides its settings.
 *
 * @param env the process environment, to read the service's typed config from
 * @param metrics where the service registers its meters, served on {@code /metrics}
 * @param readiness what {@code /readyz} answers; add the service's own checks to it
 */
public record ServiceContext(
    Map<String, String> env, ServiceMetrics metrics, ServiceReadiness readiness) {}
