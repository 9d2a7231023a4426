package dev.moco4j.backup.format;

/** An object's stored bytes differ from the size or SHA-256 recorded for it. */
public final class ObjectIntegrityException extends BackupFormatException {

  private final ObjectDigest expected;
  private final ObjectDigest actual;

  public ObjectIntegrityException(String key, ObjectDigest expected, ObjectDigest actual) {
    super(
        key,
        key
            + " is damaged: recorded "
            + expected.size()
            + " bytes with sha256 "
            + expected.sha256()
            + ", read "
            + actual.size()
            + " bytes with sha256 "
            + actual.sha256());
    this.expected = expected;
    this.actual = actual;
  }

  public ObjectDigest expected() {
    return expected;
  }

  public ObjectDigest actual() {
    return actual;
  }
}
