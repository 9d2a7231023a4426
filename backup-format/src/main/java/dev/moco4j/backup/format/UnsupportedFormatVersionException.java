package dev.moco4j.backup.format;

/** An object was written by a newer moco4j in a format this version cannot read. */
public final class UnsupportedFormatVersionException extends BackupFormatException {

  private final int found;
  private final int supported;

  public UnsupportedFormatVersionException(String key, int found, int supported) {
    super(
        key,
        key
            + " has formatVersion "
            + found
            + " but this moco4j reads formatVersion "
            + supported
            + " or older: use a moco4j at least as new as the one that wrote it");
    this.found = found;
    this.supported = supported;
  }

  public int found() {
    return found;
  }

  public int supported() {
    return supported;
  }
}
