package dev.moco4j.api.v1beta1;

/** The API group and version of moco4j's custom resources. */
public final class ApiGroup {

  public static final String GROUP = "moco4j.dev";
  public static final String VERSION = "v1beta1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  private ApiGroup() {}
}
